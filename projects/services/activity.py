"""Recording what happens in a workspace, and telling members who asked to know at once."""

from django.db import transaction

from projects.models import ActivityEntry, Workspace


def record(
    workspace: Workspace, actor, verb: str, target: str = "", path: str = ""
) -> ActivityEntry:
    """Add an entry to the workspace's stream; members who want every activity get an email."""
    entry = ActivityEntry.objects.create(
        workspace=workspace, actor=actor, verb=verb, target=target[:200], path=path
    )
    from projects.tasks import notify_activity

    transaction.on_commit(lambda: notify_activity.enqueue(entry.pk))
    return entry
