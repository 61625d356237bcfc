"""Wagtail admin: the shared taxonomy as snippets editors can change."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Region, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    list_display = ["name_fr", "name_en", "slug_fr", "slug_en", "sort_order"]
    search_fields = ["name_fr", "name_en"]
    ordering = ["sort_order", "name_en"]
    panels = [
        MultiFieldPanel(
            [FieldPanel("name_fr"), FieldPanel("slug_fr"), FieldPanel("description_fr")],
            heading=_("French"),
        ),
        MultiFieldPanel(
            [FieldPanel("name_en"), FieldPanel("slug_en"), FieldPanel("description_en")],
            heading=_("English"),
        ),
        FieldPanel("sort_order"),
    ]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    list_display = ["name_fr", "name_en", "slug"]
    search_fields = ["name_fr", "name_en"]
    panels = [
        FieldPanel("name_fr"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("countries"),
    ]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, RegionViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Taxonomy")
    menu_name = "taxonomy"


register_snippet(TaxonomyViewSetGroup)
