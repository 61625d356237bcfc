"""The portal's own content provider: generic content pages tagged with themes."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from . import registry
from .models import ContentPage


def visible_content_pages(user):
    """Live, unrestricted content pages in the active language."""
    return (
        ContentPage.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .prefetch_related("themes")
        .order_by("-first_published_at")
    )


def _as_item(page: ContentPage) -> registry.ListedItem:
    return registry.ListedItem(
        title=page.title,
        url=page.url,
        kind=str(_("Page")),
        summary=page.intro,
        date=page.first_published_at,
        themes=tuple(theme.name for theme in page.themes.all()),
    )


def latest_pages(user, limit: int) -> list[registry.ListedItem]:
    return [_as_item(page) for page in visible_content_pages(user)[:limit]]


def pages_for_theme(theme, user, limit: int) -> list[registry.ListedItem]:
    return [_as_item(page) for page in visible_content_pages(user).filter(themes=theme)[:limit]]


PAGES = registry.ContentProvider(
    key="pages",
    label=_("Pages"),
    latest=latest_pages,
    for_theme=pages_for_theme,
    order=900,
)
