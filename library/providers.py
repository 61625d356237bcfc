"""The library's content provider (newest resources on the home page and theme pages)
and a member's publications for their expert profile."""

from django.db.models import Value
from django.db.models.functions import Concat, Lower
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from portal import registry

from .models import AuthorKind, ResourceAuthor, ResourcePage
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


def publications_of(member, viewer, limit: int) -> list[registry.ListedItem]:
    """Resources crediting a person author whose full name is the member's display name.

    Authors are free text (many predate the portal), so the name is the link.
    """
    name = (member.display_name or "").strip().lower()
    if not name:
        return []
    resources = _resources(viewer).filter(
        pk__in=ResourceAuthor.objects.annotate(
            full_name=Lower(Concat("given_names", Value(" "), "name"))
        )
        .filter(kind=AuthorKind.PERSON, full_name=name)
        .values("resource_id")
    )
    return [_as_item(resource) for resource in resources[:limit]]
