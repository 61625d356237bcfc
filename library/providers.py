"""The library's content provider: newest resources on the home page and theme pages."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from portal import registry

from .models import ResourcePage
from .permissions import visible_resources


def _resources(user):
    return (
        visible_resources(user, Locale.get_active())
        .prefetch_related("themes")
        .order_by("-first_published_at", "-pk")
    )


def _as_item(resource: ResourcePage) -> registry.ListedItem:
    return registry.ListedItem(
        title=resource.title,
        url=resource.url,
        kind=resource.type_label,
        summary=resource.summary,
        date=resource.first_published_at,
        themes=tuple(theme.name for theme in resource.themes.all()),
    )


def latest_resources(user, limit: int) -> list[registry.ListedItem]:
    return [_as_item(resource) for resource in _resources(user)[:limit]]


def resources_for_theme(theme, user, limit: int) -> list[registry.ListedItem]:
    return [_as_item(resource) for resource in _resources(user).filter(themes=theme)[:limit]]


RESOURCES = registry.ContentProvider(
    key="library",
    label=_("Library"),
    latest=latest_resources,
    for_theme=resources_for_theme,
    order=10,
)
