"""What the workspaces add to the home page and theme pages (through portal.registry).

Both providers filter through projects.permissions: the workspaces list
shows only workspaces the visitor may know of, the activity list only
activity in workspaces the visitor may read.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal import registry

from .models import ActivityEntry, Status, Workspace


def _workspace_item(workspace: Workspace) -> registry.ListedItem:
    return registry.ListedItem(
        title=workspace.name,
        url=workspace.get_absolute_url(),
        kind=gettext("Workspace"),
        summary=workspace.summary,
        date=workspace.created_at,
        themes=tuple(theme.name for theme in workspace.themes.all()),
    )


def _workspaces(user):
    return (
        Workspace.objects.visible_to(user)
        .filter(status=Status.ACTIVE)
        .prefetch_related("themes")
        .order_by("-created_at")
    )


def latest_workspaces(user, limit: int) -> list[registry.ListedItem]:
    return [_workspace_item(workspace) for workspace in _workspaces(user)[:limit]]


def workspaces_for_theme(theme, user, limit: int) -> list[registry.ListedItem]:
    return [
        _workspace_item(workspace) for workspace in _workspaces(user).filter(themes=theme)[:limit]
    ]


def _activity_item(entry: ActivityEntry) -> registry.ListedItem:
    actor = entry.actor.public_name if entry.actor else gettext("someone")
    return registry.ListedItem(
        title=f"{actor} {entry.get_verb_display()} {entry.target}".strip(),
        url=entry.get_absolute_url(),
        kind=entry.workspace.name,
        date=entry.created_at,
    )


def latest_activity(user, limit: int) -> list[registry.ListedItem]:
    entries = ActivityEntry.objects.visible_to(user).select_related("actor", "workspace")
    return [_activity_item(entry) for entry in entries[:limit]]


def activity_for_theme(theme, user, limit: int) -> list[registry.ListedItem]:
    entries = (
        ActivityEntry.objects.visible_to(user)
        .filter(workspace__themes=theme)
        .select_related("actor", "workspace")
    )
    return [_activity_item(entry) for entry in entries[:limit]]


WORKSPACES = registry.ContentProvider(
    key="workspaces",
    label=_("Workspaces"),
    latest=latest_workspaces,
    for_theme=workspaces_for_theme,
    order=500,
)
WORKSPACE_ACTIVITY = registry.ContentProvider(
    key="workspace_activity",
    label=_("Workspace activity"),
    latest=latest_activity,
    for_theme=activity_for_theme,
    order=510,
)
