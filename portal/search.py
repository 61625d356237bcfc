"""The portal's own pages in the search index: content pages and theme pages."""

from django.utils.translation import gettext_lazy as _

from search import registry
from search.pages import PageSource

from .models import ContentPage, ThemePage


class ContentPageSource(PageSource):
    key = "pages"
    label = _("Page")
    model = ContentPage


class ThemePageSource(PageSource):
    key = "themes"
    label = _("Theme")
    model = ThemePage

    def queryset(self):
        return super().queryset().select_related("theme")

    def themes(self, page) -> list[int]:
        return [page.theme_id]


registry.register(ContentPageSource())
registry.register(ThemePageSource())
