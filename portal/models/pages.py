"""Editorial pages of the portal: home, generic content, themes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal import registry
from portal.blocks import ContentStreamBlock, HomeStreamBlock

from .taxonomy import Theme

THEME_PAGE_ITEMS_PER_PROVIDER = 10


class HomePage(Page):
    """The portal's front page: a hero, featured items and each app's latest items."""

    body = StreamField(HomeStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class ContentPage(Page):
    """A generic editorial page: "About", "The STEP programme", help pages…"""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))
    themes = ParentalManyToManyField(
        Theme, related_name="content_pages", blank=True, verbose_name=_("themes")
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("themes"),
    ]

    class Meta:
        verbose_name = _("content page")


class ThemeIndexPage(Page):
    """Lists every theme; theme pages live under it."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["portal.ThemePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("theme index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["theme_pages"] = (
            ThemePage.objects.child_of(self).live().select_related("theme").order_by("theme")
        )
        return context


class ThemePage(Page):
    """Everything the portal holds on one theme, filled by each app's provider."""

    theme = models.ForeignKey(
        Theme, related_name="theme_pages", on_delete=models.PROTECT, verbose_name=_("theme")
    )
    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("theme"), FieldPanel("intro")]
    parent_page_types = ["portal.ThemeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("theme page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = []
        for provider in registry.providers():
            items = provider.for_theme(self.theme, request.user, THEME_PAGE_ITEMS_PER_PROVIDER)
            if items:
                sections.append({"label": provider.label, "items": items})
        context["sections"] = sections
        return context
