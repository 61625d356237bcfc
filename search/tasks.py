"""Background work of the search app (django-tasks; immediate in tests)."""

from django_tasks import task

from . import indexing


@task()
def update_documents(source_key: str, object_ids: list[str]) -> bool:
    """Bring these objects' documents in line with the database (idempotent)."""
    return indexing.update_documents(source_key, object_ids)


@task()
def replay_pending_updates() -> int:
    """Write the updates queued while the engine was unreachable."""
    return indexing.replay_pending_updates()
