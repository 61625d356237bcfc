"""User news: what members post from the field, moderated by editors."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from newsletter.permissions import NewsItemQuerySet
from portal.models import Country, Theme
from portal.models.bilingual import BilingualMixin
from portal.validators import validate_avatar

# A news item is a page of text, not a report: 20,000 characters is about
# eight printed pages, far more than any G-NEWS item.
NEWS_BODY_MAX_CHARS = 20_000

http_url_validator = URLValidator(
    schemes=["http", "https"],
    message=_("Enter a web address starting with http:// or https://."),
)


class NewsCategory(BilingualMixin, models.Model):
    """The kind of a news item (What's new, Trainings…); also the usual G-NEWS sections."""

    name_fr = models.CharField(_("name (French)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "name_en"]
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.localized("name")


class NewsStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


class NewsItem(ClusterableModel):
    """A piece of news from the field, posted by a member and published by an editor.

    A plain model rather than a Wagtail page: members edit their own items
    through ordinary views, and editors moderate them in an admin viewset.
    What the member submitted is kept unchanged in `NewsSubmission` rows.
    """

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="news_items",
        on_delete=models.CASCADE,
        verbose_name=_("author"),
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(
        _("text"),
        max_length=NEWS_BODY_MAX_CHARS,
        help_text=_("Markdown is allowed: **bold**, *italic*, lists, [links](https://…)."),
    )
    category = models.ForeignKey(
        NewsCategory,
        related_name="news_items",
        on_delete=models.PROTECT,
        verbose_name=_("category"),
    )
    themes = ParentalManyToManyField(
        Theme, related_name="news_items", blank=True, verbose_name=_("themes")
    )
    countries = ParentalManyToManyField(
        Country, related_name="news_items", blank=True, verbose_name=_("countries")
    )
    related_resources = ParentalManyToManyField(
        "library.ResourcePage",
        related_name="news_items",
        blank=True,
        verbose_name=_("related library resources"),
    )
    event_start = models.DateField(_("event starts"), null=True, blank=True)
    event_end = models.DateField(_("event ends"), null=True, blank=True)
    event_place = models.CharField(_("event place"), max_length=150, blank=True)
    image = models.ImageField(
        _("image"), upload_to="news/", blank=True, validators=[validate_avatar]
    )
    language = models.CharField(_("language of the text"), max_length=7, choices=settings.LANGUAGES)
    contributor_line = models.CharField(
        _("contributor line"),
        max_length=300,
        blank=True,
        help_text=_(
            "Exactly as it should be printed, e.g. “Contribution by Anne Dupont, "
            "national coordinator, Kinshasa, DRC”."
        ),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=NewsStatus.choices, default=NewsStatus.SUBMITTED
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("moderated by"),
    )
    # Numbers of the G-NEWS issues the contributor has been told this item is in.
    announced_issues = models.JSONField(default=list, blank=True, editable=False)
    created_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-created_at"]
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
        indexes = [models.Index(fields=["status", "-published_at"], name="news_status_published")]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.event_start and self.event_end and self.event_end < self.event_start:
            raise ValidationError(
                {"event_end": _("The event cannot end before it starts.")}, code="event_order"
            )

    def get_absolute_url(self) -> str:
        slug = slugify(self.title)[:60] or "news"
        return reverse("newsletter:news_detail", kwargs={"pk": self.pk, "slug": slug})

    @property
    def is_published(self) -> bool:
        return self.status == NewsStatus.PUBLISHED

    def snapshot(self) -> dict:
        """The item's content as plain data (what `NewsSubmission` keeps)."""
        return {
            "title": self.title,
            "body": self.body,
            "category": self.category.slug if self.category_id else None,
            "themes": sorted(theme.slug_en for theme in self.themes.all()),
            "countries": sorted(country.code for country in self.countries.all()),
            "related_resources": sorted(page.pk for page in self.related_resources.all()),
            "event_start": self.event_start.isoformat() if self.event_start else None,
            "event_end": self.event_end.isoformat() if self.event_end else None,
            "event_place": self.event_place,
            "image": self.image.name or None,
            "language": self.language,
            "contributor_line": self.contributor_line,
            "links": [{"label": link.label, "url": link.url} for link in self.links.all()],
        }


class NewsLink(Orderable):
    """A "More info" link of a news item."""

    news = ParentalKey(NewsItem, related_name="links", on_delete=models.CASCADE)
    label = models.CharField(_("label"), max_length=120)
    url = models.URLField(_("web address"), max_length=500, validators=[http_url_validator])

    class Meta(Orderable.Meta):
        verbose_name = _("more-info link")
        verbose_name_plural = _("more-info links")

    def __str__(self):
        return self.label


class NewsSubmission(models.Model):
    """What the contributor submitted, exactly, each time they submitted it.

    Rows are written once and never changed, so editors can compare their
    edits with the original and contributors can see what they sent.
    """

    news = models.ForeignKey(NewsItem, related_name="submissions", on_delete=models.CASCADE)
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)
    content = models.JSONField(_("content"))

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        verbose_name = _("original submission")
        verbose_name_plural = _("original submissions")

    def __str__(self):
        return f"{self.content.get('title', '')} ({self.submitted_at:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("An original submission is never changed.")
        super().save(*args, **kwargs)
