"""The library's pages: the catalogue (LibraryIndexPage) and one ResourcePage per resource."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index

from library.admin_forms import ResourcePageForm
from library.panels import download_stats_panel, extraction_status_panel
from library.rights import RightsBasis, RightsNotCleared, rights_problems
from portal.models import Country, Region, Theme

from .taxonomy import Language


class ResourceType(models.TextChoices):
    GUIDE = "guide", _("Guide")
    MANUAL = "manual", _("Manual")
    TRAINING = "training", _("Training material")
    REPORT = "report", _("Report")
    STUDY = "study", _("Study")
    DATABASE = "database", _("Database")
    SOFTWARE = "software", _("Software")
    LEGAL_TEXT = "legal-text", _("Legal text")


class ResourcePageQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Resources anyone may list, open and download: live and without view restriction.

        The one rule every path that shows resources goes through (catalogue,
        detail extras, downloads, feeds, API, providers, search documents).
        Restricted pages stay out of every list even for readers who could open
        them: a restriction means "not for the public catalogue".
        """
        return self.live().public()

    def in_reader_language(self, locale):
        """Resources of the reader's locale, plus those not (yet) translated into it.

        A guide that exists only in French is still listed in the English
        catalogue (in French), but a resource with a live translation is listed
        once, in the reader's language.
        """
        translated = (
            ResourcePage.objects.visible_to(None).filter(locale=locale).values("translation_key")
        )
        return self.filter(Q(locale=locale) | ~Q(translation_key__in=translated))


ResourcePageManager = PageManager.from_queryset(ResourcePageQuerySet)


class LibraryIndexPage(RoutablePageMixin, Page):
    """The faceted catalogue of resources; resource pages live under it.

    Its slug is `library` in every locale, so the catalogue is at /<lang>/library/.
    Feeds are sub-routes so that they follow the page's language.
    """

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["library.ResourcePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("library")

    def get_context(self, request, *args, **kwargs):
        from library.catalogue import Catalogue

        context = super().get_context(request, *args, **kwargs)
        context.update(Catalogue.from_request(request, self).context())
        return context

    @path("feeds/rss/", name="feed_rss")
    @path("feeds/<str:theme_slug>/rss/", name="theme_feed_rss")
    def rss_feed(self, request, theme_slug=None):
        from library.feeds import ResourcesRssFeed

        return ResourcesRssFeed(self)(request, theme_slug=theme_slug)

    @path("feeds/atom/", name="feed_atom")
    @path("feeds/<str:theme_slug>/atom/", name="theme_feed_atom")
    def atom_feed(self, request, theme_slug=None):
        from library.feeds import ResourcesAtomFeed

        return ResourcesAtomFeed(self)(request, theme_slug=theme_slug)


class ResourcePage(Page):
    """One resource of the library: a guide, a study, a software download, a legal text…

    Metadata for browsing and citing it, its files (each a Wagtail document),
    and the rights on which the portal publishes it.
    """

    summary = models.TextField(_("summary"), max_length=2000)
    resource_type = models.CharField(
        _("type"), max_length=20, choices=ResourceType.choices, db_index=True
    )
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    publication_year = models.PositiveSmallIntegerField(_("publication year"), db_index=True)
    publication_date = models.DateField(
        _("exact publication date"),
        null=True,
        blank=True,
        help_text=_("Leave empty when only the year is known."),
    )
    languages = ParentalManyToManyField(
        Language, related_name="resource_pages", blank=True, verbose_name=_("languages")
    )
    themes = ParentalManyToManyField(
        Theme, related_name="resource_pages", blank=True, verbose_name=_("themes")
    )
    countries = ParentalManyToManyField(
        Country, related_name="resource_pages", blank=True, verbose_name=_("countries")
    )
    regions = ParentalManyToManyField(
        Region,
        related_name="resource_pages",
        blank=True,
        verbose_name=_("regions"),
        help_text=_("For resources about a whole region rather than named countries."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("cover image"),
    )
    external_url = models.URLField(_("external link"), blank=True)
    reference = models.CharField(
        _("library reference"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_("A stable identifier (e.g. step-2005-feasibility-guide); imports match on it."),
    )
    isbn = models.CharField(_("ISBN"), max_length=20, blank=True)
    doi = models.CharField(_("DOI"), max_length=200, blank=True)
    ilo_reference = models.CharField(_("ILO reference"), max_length=100, blank=True)
    licence = models.CharField(
        _("licence"),
        max_length=120,
        blank=True,
        help_text=_("e.g. CC BY 4.0, or 'All rights reserved'."),
    )
    rights_holder = models.CharField(_("rights holder"), max_length=200, blank=True)
    rights_basis = models.CharField(
        _("basis for publishing"), max_length=20, choices=RightsBasis.choices, blank=True
    )
    permission_granted_by = models.CharField(_("permission granted by"), max_length=200, blank=True)
    permission_date = models.DateField(_("permission date"), null=True, blank=True)
    permission_letter = models.ForeignKey(
        "wagtaildocs.Document",
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("permission letter"),
        help_text=_("Kept for editors: never offered for download."),
    )

    # Fingerprint of the manifest row this resource was last imported from.
    import_checksum = models.CharField(max_length=64, blank=True, editable=False)

    objects = ResourcePageManager()
    base_form_class = ResourcePageForm

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("publisher"),
        index.FilterField("resource_type"),
        index.FilterField("reference"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("resource_type"),
                FieldPanel("publisher"),
                FieldPanel("publication_year"),
                FieldPanel("publication_date"),
            ],
            heading=_("Publication"),
        ),
        InlinePanel("authors", heading=_("Authors"), label=_("Author")),
        MultiFieldPanel(
            [
                FieldPanel("languages"),
                FieldPanel("themes"),
                FieldPanel("countries"),
                FieldPanel("regions"),
            ],
            heading=_("Classification"),
        ),
        FieldPanel("cover_image"),
        InlinePanel("files", heading=_("Files"), label=_("File")),
        extraction_status_panel(),
        MultiFieldPanel(
            [
                FieldPanel("external_url"),
                FieldPanel("reference"),
                FieldPanel("isbn"),
                FieldPanel("doi"),
                FieldPanel("ilo_reference"),
            ],
            heading=_("Links and identifiers"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("rights_holder"),
                FieldPanel("rights_basis"),
                FieldPanel("licence"),
                FieldPanel("permission_granted_by"),
                FieldPanel("permission_date"),
                FieldPanel("permission_letter"),
            ],
            heading=_("Rights"),
        ),
        InlinePanel("related_links", heading=_("Related resources"), label=_("Related resource")),
        download_stats_panel(),
    ]
    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.publication_date is not None:
            self.publication_year = self.publication_date.year
        if self.reference:
            duplicates = ResourcePage.objects.filter(
                reference=self.reference, locale_id=self.locale_id
            ).exclude(pk=self.pk)
            if self.alias_of_id is None and duplicates.exists():
                raise ValidationError(
                    {"reference": _("Another resource already uses this library reference.")}
                )

    def rights_problems(self) -> dict[str, str]:
        return rights_problems(
            basis=self.rights_basis,
            holder=self.rights_holder,
            licence=self.licence,
            permission_granted_by=self.permission_granted_by,
            permission_date=self.permission_date,
        )

    def publish(self, revision, *args, **kwargs):
        """Refuse to publish a resource whose rights are not cleared, whatever the path.

        The admin form reports the same rule field by field before this point;
        this guard covers bulk actions, workflows and scripts.
        """
        problems = revision.as_object().rights_problems()
        if problems:
            raise RightsNotCleared(problems)
        return super().publish(revision, *args, **kwargs)

    @property
    def type_label(self) -> str:
        return str(ResourceType(self.resource_type).label) if self.resource_type else ""

    @property
    def citation_date(self):
        return self.publication_date or self.publication_year

    def get_context(self, request, *args, **kwargs):
        from library import citations, mentions, services

        context = super().get_context(request, *args, **kwargs)
        context["authors"] = list(self.authors.all())
        context["files"] = list(self.files.select_related("document", "language"))
        context["related_resources"] = services.related_resources(self, request.user)
        context["mentions"] = mentions.mentions_of(self, request.user)
        context["citations"] = [
            (citations.FORMATS[fmt].label, url) for fmt, url in self.citation_links().items()
        ]
        return context

    def citation_links(self) -> dict[str, str]:
        """{format: URL} of this resource's citation exports."""
        from library.citations import FORMATS

        return {fmt: reverse("library:citation", args=[self.pk, fmt]) for fmt in FORMATS}


class AuthorKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANISATION = "organisation", _("Organisation")


class ResourceAuthor(Orderable):
    """A person or an organisation credited as author of a resource, in order."""

    resource = ParentalKey(ResourcePage, related_name="authors", on_delete=models.CASCADE)
    kind = models.CharField(
        _("kind"), max_length=20, choices=AuthorKind.choices, default=AuthorKind.PERSON
    )
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("A person's family name, or the organisation's full name."),
    )
    given_names = models.CharField(_("given names"), max_length=200, blank=True)

    panels = [FieldPanel("kind"), FieldPanel("name"), FieldPanel("given_names")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.display_name

    @property
    def is_person(self) -> bool:
        return self.kind == AuthorKind.PERSON

    @property
    def display_name(self) -> str:
        if self.is_person and self.given_names:
            return f"{self.given_names} {self.name}"
        return self.name


class ResourceFile(Orderable):
    """One downloadable file of a resource (e.g. the French and the English version of a guide).

    Its format and size come from the Wagtail document, whose content was
    checked on upload; its extracted text lives on DocumentText, keyed by the
    document, so that page revisions never overwrite it.
    """

    resource = ParentalKey(ResourcePage, related_name="files", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        related_name="resource_files",
        on_delete=models.CASCADE,
        verbose_name=_("file"),
    )
    label = models.CharField(
        _("label"), max_length=120, blank=True, help_text=_("e.g. 'French version'.")
    )
    language = models.ForeignKey(
        Language,
        related_name="resource_files",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("language"),
    )

    panels = [FieldPanel("document"), FieldPanel("label"), FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self):
        return self.display_label

    @property
    def display_label(self) -> str:
        return self.label or self.document.title

    @property
    def file_format(self) -> str:
        return self.document.file_extension.upper()

    @property
    def size(self) -> int | None:
        return self.document.get_file_size()

    @property
    def download_url(self) -> str:
        return reverse("library:download", args=[self.pk, self.document.filename])


class RelatedResource(Orderable):
    """A resource an editor chose to show next to another one."""

    resource = ParentalKey(ResourcePage, related_name="related_links", on_delete=models.CASCADE)
    target = models.ForeignKey(
        ResourcePage, related_name="+", on_delete=models.CASCADE, verbose_name=_("resource")
    )

    panels = [FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("related resource")
        verbose_name_plural = _("related resources")
