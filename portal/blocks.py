"""StreamField blocks for the home and content pages (one template each)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from . import registry


class HeroBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), max_length=400, required=False)
    link_page = blocks.PageChooserBlock(label=_("Link to page"), required=False)
    link_label = blocks.CharBlock(label=_("Link label"), max_length=60, required=False)

    class Meta:
        template = "portal/blocks/hero.html"
        icon = "title"
        label = _("Hero")


class FeaturedItemBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    summary = blocks.TextBlock(label=_("Summary"), max_length=300, required=False)


class FeaturedItemsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=80)
    items = blocks.ListBlock(FeaturedItemBlock(), label=_("Items"), max_num=6)

    class Meta:
        template = "portal/blocks/featured_items.html"
        icon = "pick"
        label = _("Featured items")


class LatestItemsBlock(blocks.StructBlock):
    """The newest content of one app, through the app's registered provider."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=80)
    source = blocks.ChoiceBlock(choices=registry.provider_choices, label=_("Content"))
    count = blocks.IntegerBlock(label=_("How many"), default=5, min_value=1, max_value=12)

    class Meta:
        template = "portal/blocks/latest_items.html"
        icon = "list-ul"
        label = _("Latest items")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        provider = registry.get(value["source"])
        request = (parent_context or {}).get("request")
        user = getattr(request, "user", None)
        context["items"] = provider.latest(user, value["count"]) if provider else []
        return context


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    source = blocks.CharBlock(label=_("Source"), required=False)

    class Meta:
        template = "portal/blocks/quote.html"
        icon = "openquote"
        label = _("Quote")


class HeadingBlock(blocks.CharBlock):
    class Meta:
        template = "portal/blocks/heading.html"
        icon = "h2"
        label = _("Heading")


RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class HomeStreamBlock(blocks.StreamBlock):
    hero = HeroBlock()
    featured = FeaturedItemsBlock()
    latest = LatestItemsBlock()
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))


class ContentStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock()
