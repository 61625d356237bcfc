"""The structure of a G-NEWS issue: sections of ordered items, as StreamField blocks.

Web page, PDF and email are all rendered from this one structure (see
`newsletter.rendering`), so the blocks carry content only, no layout.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .choosers import news_chooser_viewset

NewsItemChooserBlock = news_chooser_viewset.get_block_class(
    name="NewsItemChooserBlock", module_path="newsletter.blocks"
)

ISSUE_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class MoreInfoLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=200)
    url = blocks.URLBlock(label=_("Web address"))

    class Meta:
        icon = "link"
        label = _("More info link")


def more_info_block():
    return blocks.ListBlock(
        MoreInfoLinkBlock(), label=_("More info"), required=False, default=[], collapsed=True
    )


def contributor_block(help_text=""):
    return blocks.CharBlock(
        label=_("Contributor line"), max_length=300, required=False, help_text=help_text
    )


class NewsItemBlock(blocks.StructBlock):
    """A published user news item, with its own links and contributor line."""

    news = NewsItemChooserBlock(label=_("User news"))
    more_info = more_info_block()
    contributor = contributor_block(_("Leave empty to print the news item's own line."))

    class Meta:
        icon = "doc-full"
        label = _("User news")


class LibraryResourceBlock(blocks.StructBlock):
    """A resource of the library: its title, its summary and a link to it."""

    resource = blocks.PageChooserBlock(
        page_type="library.ResourcePage", label=_("Library resource")
    )
    summary = blocks.TextBlock(
        label=_("Summary"), required=False, help_text=_("Leave empty to use the resource's own.")
    )
    more_info = more_info_block()
    contributor = contributor_block()

    class Meta:
        icon = "doc-empty"
        label = _("Library resource")


class EventBlock(blocks.StructBlock):
    """An event of the calendar (training, conference, e-event): its dates, place and summary."""

    event = blocks.PageChooserBlock(page_type="events.EventPage", label=_("Event"))
    summary = blocks.TextBlock(
        label=_("Summary"), required=False, help_text=_("Leave empty to use the event's own.")
    )
    more_info = more_info_block()
    contributor = contributor_block(_("Leave empty to print the event's own line."))

    class Meta:
        icon = "date"
        label = _("Event")


class FigureBlock(blocks.StructBlock):
    """ "Figure of the issue": a big number, the sentence it belongs to, its source."""

    figure = blocks.CharBlock(label=_("Figure"), max_length=60)
    text = blocks.TextBlock(label=_("Sentence"))
    source = blocks.CharBlock(label=_("Source"), max_length=300, required=False)

    class Meta:
        icon = "pick"
        label = _("Figure of the issue")


class TimelineEntryBlock(blocks.StructBlock):
    when = blocks.CharBlock(label=_("Date"), max_length=60)
    text = blocks.TextBlock(label=_("What happened"))


class ZoomEntriesBlock(blocks.StreamBlock):
    points = blocks.ListBlock(blocks.TextBlock(label=_("Point")), label=_("List"))
    timeline = blocks.ListBlock(TimelineEntryBlock(), label=_("Timeline"))


class ZoomBlock(blocks.StructBlock):
    """ "Zoom on…": a spotlight on one subject, with a list or a timeline."""

    title = blocks.CharBlock(label=_("Title"), max_length=300)
    contributor = contributor_block()
    text = blocks.RichTextBlock(label=_("Text"), features=ISSUE_RICH_TEXT_FEATURES, required=False)
    entries = ZoomEntriesBlock(label=_("List or timeline"), required=False)
    more_info = more_info_block()

    class Meta:
        icon = "search"
        label = _("Zoom on…")


class ArticleBlock(blocks.StructBlock):
    """ "The article": one long piece."""

    title = blocks.CharBlock(label=_("Title"), max_length=300)
    body = blocks.RichTextBlock(label=_("Text"), features=ISSUE_RICH_TEXT_FEATURES)
    more_info = more_info_block()
    contributor = contributor_block()

    class Meta:
        icon = "doc-full-inverse"
        label = _("The article")


CALLOUT_KINDS = [
    ("contribute", _("Contribute!")),
    ("discussion", _("Discussion")),
    ("subscribe", _("Subscribe")),
    ("programme", _("The programme in brief")),
]


class CalloutBlock(blocks.StructBlock):
    """A boxed call to the reader: contribute, discuss, subscribe, the programme in brief."""

    kind = blocks.ChoiceBlock(choices=CALLOUT_KINDS, label=_("Kind"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    text = blocks.RichTextBlock(label=_("Text"), features=ISSUE_RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("Call-out")


class SectionItemsBlock(blocks.StreamBlock):
    news = NewsItemBlock()
    resource = LibraryResourceBlock()
    event = EventBlock()
    figure = FigureBlock()
    zoom = ZoomBlock()
    article = ArticleBlock()
    callout = CalloutBlock()


class SectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Section title"), max_length=120)
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    items = SectionItemsBlock(label=_("Items"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Section")


class IssueBodyBlock(blocks.StreamBlock):
    """Sections in order; call-outs may also stand between or after them."""

    section = SectionBlock()
    callout = CalloutBlock()
