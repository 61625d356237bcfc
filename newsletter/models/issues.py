"""G-NEWS issues: Wagtail pages (one per language edition) under the archive page."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from newsletter.blocks import ISSUE_RICH_TEXT_FEATURES, IssueBodyBlock
from newsletter.panels import ReuseWarningPanel
from newsletter.permissions import issues_visible_to


class NewsletterIndexPage(Page):
    """The G-NEWS archive (/<lang>/gnews/): every published issue, newest first."""

    intro = models.TextField(_("introduction"), max_length=800, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["newsletter.NewsletterIssuePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("G-NEWS archive")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["issues"] = issues_visible_to(
            NewsletterIssuePage.objects.child_of(self), request.user
        ).order_by("-number", "-issue_date")
        return context


class NewsletterIssuePage(RoutablePageMixin, Page):
    """One language edition of a G-NEWS issue.

    The French and English editions of an issue are translations of each
    other (same `translation_key`); the body is an ordered list of sections
    whose items are user news, library resources and editorial blocks.
    """

    number = models.PositiveIntegerField(_("issue number"))
    issue_date = models.DateField(_("date of the issue"))
    period_start = models.DateField(_("period covered: from"))
    period_end = models.DateField(_("period covered: to"))
    opening = RichTextField(_("editorial opening"), features=ISSUE_RICH_TEXT_FEATURES, blank=True)
    body = StreamField(IssueBodyBlock(), blank=True, verbose_name=_("sections"))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("issue_date")], heading=_("Issue")),
        FieldRowPanel(
            [FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Period covered")
        ),
        FieldPanel("opening"),
        MultiFieldPanel([ReuseWarningPanel(), FieldPanel("body")], heading=_("Sections")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("opening"),
        index.SearchField("body"),
        index.FilterField("number"),
    ]
    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []

    preview_modes = [
        ("", _("Web page")),
        ("email", _("Email (HTML)")),
        ("email-text", _("Email (plain text)")),
        ("pdf", _("PDF")),
    ]

    class Meta:
        verbose_name = _("G-NEWS issue")
        verbose_name_plural = _("G-NEWS issues")

    def __str__(self):
        language = self.locale.language_code if self.locale_id else ""
        return f"G-NEWS {self.number} ({language}) – {self.title}"

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {"period_end": _("The period cannot end before it starts.")}, code="period"
            )
        duplicate = (
            NewsletterIssuePage.objects.filter(locale_id=self.locale_id, number=self.number)
            .exclude(pk=self.pk)
            .exclude(translation_key=self.translation_key)
        )
        if self.number and duplicate.exists():
            raise ValidationError(
                {"number": _("An issue with this number already exists in this language.")},
                code="duplicate_number",
            )

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        IssueReference.refresh_for(self)
        return result

    # Outputs: the web page is Wagtail's own serve(); PDF and email through
    # routes and preview modes, all from `newsletter.rendering`.

    def get_context(self, request, *args, **kwargs):
        from newsletter.rendering import build_issue_document

        context = super().get_context(request, *args, **kwargs)
        context["issue"] = build_issue_document(self)
        return context

    @path("pdf/", name="pdf")
    def pdf(self, request):
        from newsletter.rendering import pdf_response

        return pdf_response(self)

    def serve_preview(self, request, mode_name):
        from newsletter.rendering import build_issue_email, pdf_response

        if mode_name == "pdf":
            return pdf_response(self, cache=False)
        if mode_name in ("email", "email-text"):
            email = build_issue_email(self)
            if mode_name == "email":
                return HttpResponse(email.preview_html())
            return HttpResponse(email.preview_text(), content_type="text/plain; charset=utf-8")
        return super().serve_preview(request, mode_name)

    def editions(self):
        """This issue in every language it exists in, this one included."""
        return self.get_translations(inclusive=True).select_related("locale")


class IssueReference(models.Model):
    """What an issue edition points at: user news and library resources.

    Kept in step with the issue's body on every save, so that "which issues
    mention this resource", "was this news item already used" and the
    contributor's "selected for G-NEWS no. N" are plain queries.
    """

    issue = models.ForeignKey(
        NewsletterIssuePage, related_name="references", on_delete=models.CASCADE
    )
    news = models.ForeignKey(
        "newsletter.NewsItem",
        related_name="issue_references",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    resource = models.ForeignKey(
        "wagtailcore.Page",
        related_name="newsletter_references",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("issue reference")
        verbose_name_plural = _("issue references")

    def __str__(self):
        return f"{self.issue_id} → news {self.news_id} / page {self.resource_id}"

    @classmethod
    def refresh_for(cls, issue: NewsletterIssuePage) -> None:
        from newsletter.models import NewsItem

        news_ids, resource_ids = referenced_ids(issue.body.raw_data)
        news_ids &= set(NewsItem.objects.filter(pk__in=news_ids).values_list("pk", flat=True))
        resource_ids &= set(Page.objects.filter(pk__in=resource_ids).values_list("pk", flat=True))
        cls.objects.filter(issue=issue).delete()
        cls.objects.bulk_create(
            [cls(issue=issue, news_id=pk) for pk in sorted(news_ids)]
            + [cls(issue=issue, resource_id=pk) for pk in sorted(resource_ids)]
        )


def referenced_ids(raw_body) -> tuple[set[int], set[int]]:
    """Ids of the news items and of the pages (library resources, events) in an issue body.

    Reads raw StreamField data; both kinds of page end up in `IssueReference.resource`.
    """
    news_ids, resource_ids = set(), set()
    for block in raw_body or []:
        if block.get("type") != "section":
            continue
        for item in block.get("value", {}).get("items") or []:
            value = item.get("value") or {}
            if item.get("type") == "news" and value.get("news"):
                news_ids.add(int(value["news"]))
            elif item.get("type") == "resource" and value.get("resource"):
                resource_ids.add(int(value["resource"]))
            elif item.get("type") == "event" and value.get("event"):
                resource_ids.add(int(value["event"]))
    return news_ids, resource_ids
