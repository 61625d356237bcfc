"""Keeping the index in step with the database: updates, rebuilds, drift checks, replays.

Apps never write to the index themselves: they call `schedule_update`
(usually from the signals their source connects), which enqueues
`search.tasks.update_documents`. The task rebuilds each document from the
object's current state, so it is idempotent and safe to retry or replay.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field

from . import registry
from .backends import SearchUnavailable, get_backend
from .documents import SearchDocument, document_key
from .models import PendingUpdate

CHUNK_SIZE = 500


def schedule_update(source_key: str, object_ids: Iterable) -> None:
    """Enqueue a background update of these objects' documents.

    Enqueued at once rather than on commit: the database task queue writes
    its row in the same transaction, so the worker never runs before commit.
    """
    from .tasks import update_documents

    ids = sorted({str(object_id) for object_id in object_ids})
    if ids:
        update_documents.enqueue(source_key, ids)


def documents_for(source: registry.SearchSource, object_ids: list[str]) -> list[SearchDocument]:
    objects = source.queryset().filter(pk__in=object_ids)
    return [document for obj in objects if (document := source.to_document(obj)) is not None]


def update_documents(source_key: str, object_ids: list[str]) -> bool:
    """Index these objects as they are now; remove those no longer findable.

    When the engine is down the ids are queued in PendingUpdate and False is
    returned; after a successful write earlier queued updates are replayed.
    """
    source = registry.get(source_key)
    if source is None:
        return True
    try:
        _write(source, object_ids)
    except SearchUnavailable:
        PendingUpdate.objects.bulk_create(
            [PendingUpdate(source=source_key, object_id=str(pk)) for pk in object_ids],
            ignore_conflicts=True,
        )
        return False
    with suppress(SearchUnavailable):  # still queued; the next successful write retries
        replay_pending_updates()
    return True


def _write(source: registry.SearchSource, object_ids: list[str]) -> None:
    documents = documents_for(source, object_ids)
    gone = {document_key(source.key, pk) for pk in object_ids} - {d.key for d in documents}
    backend = get_backend()
    if documents:
        backend.index(documents)
    if gone:
        backend.delete(sorted(gone))


def replay_pending_updates() -> int:
    """Write every queued update; stops at the first failure, keeping the rest queued."""
    pending = defaultdict(list)
    for source_key, object_id in PendingUpdate.objects.values_list("source", "object_id"):
        pending[source_key].append(object_id)
    replayed = 0
    for source_key, object_ids in pending.items():
        source = registry.get(source_key)
        if source is not None:
            _write(source, object_ids)
        PendingUpdate.objects.filter(source=source_key, object_id__in=object_ids).delete()
        replayed += len(object_ids)
    return replayed


def all_documents(
    sources: Iterable[registry.SearchSource] | None = None,
) -> Iterator[SearchDocument]:
    for source in sources if sources is not None else registry.sources():
        for obj in source.queryset().iterator(chunk_size=CHUNK_SIZE):
            document = source.to_document(obj)
            if document is not None:
                yield document


def rebuild_index(progress: Callable[[int], None] = lambda count: None) -> int:
    """Rebuild the whole index from every source; queued updates become moot."""
    PendingUpdate.objects.all().delete()
    return get_backend().rebuild(all_documents(), progress)


@dataclass
class Drift:
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    pending: int = 0

    def __bool__(self):
        return bool(self.missing or self.stale or self.orphaned or self.pending)


def check_index() -> Drift:
    """Compare what the sources say should be indexed with what the index holds."""
    expected = {document.key: document.fingerprint for document in all_documents()}
    indexed = get_backend().fingerprints()
    return Drift(
        missing=sorted(expected.keys() - indexed.keys()),
        stale=sorted(
            key for key in expected.keys() & indexed.keys() if expected[key] != indexed[key]
        ),
        orphaned=sorted(indexed.keys() - expected.keys()),
        pending=PendingUpdate.objects.count(),
    )
