"""`rebuild_search_index`: full rebuilds with progress, drift checks, queued replays."""

import io

import pytest
from django.core.management import CommandError, call_command

from portal.models import ContentPage
from search import registry
from search.indexing import rebuild_index
from search.models import PendingUpdate
from tests.portal.factories import ContentPageFactory

from .factories import SearchDocumentFactory


def run(*args) -> str:
    out = io.StringIO()
    call_command("rebuild_search_index", *args, stdout=out)
    return out.getvalue()


def expected_count() -> int:
    return sum(source.queryset().count() for source in registry.sources())


def test_rebuild_indexes_every_source_and_shows_progress(search_backend, site_pages):
    search_backend.clear()
    output = run()
    total = expected_count()
    assert total > 0
    assert f"[{'#' * 30}] {total}/{total}" in output
    assert f"Indexed {total} document(s)." in output
    assert len(search_backend.fingerprints()) == total


def test_check_finds_no_drift_after_a_rebuild(search_backend, site_pages):
    run()
    assert "The index matches the database." in run("--check")


def test_check_reports_missing_stale_and_orphaned_documents(search_backend, site_pages):
    rebuild_index()  # a fresh Elasticsearch index has not seen the session's site yet
    page = ContentPageFactory(parent=site_pages["fr"], live=False, title="Rapport")
    page.save_revision().publish()
    missing = ContentPageFactory(parent=site_pages["fr"], live=False, title="Guide")
    missing.save_revision().publish()
    search_backend.delete([f"pages:{missing.pk}"])
    ContentPage.objects.filter(pk=page.pk).update(title="Rapport 2024")  # no signal: stale
    search_backend.index([SearchDocumentFactory(source="pages", object_id="424242")])
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("rebuild_search_index", "--check", stdout=out)
    report = out.getvalue()
    assert f"1 document(s) missing from the index: pages:{missing.pk}" in report
    assert f"1 document(s) stale in the index: pages:{page.pk}" in report
    assert "1 document(s) in the index but not in the database: pages:424242" in report


def test_pending_replays_queued_updates(search_backend, site_pages):
    page = ContentPageFactory(parent=site_pages["fr"], live=True, title="Oublié")
    PendingUpdate.objects.create(source="pages", object_id=str(page.pk))
    assert "Replayed 1 queued update(s)." in run("--pending")
    assert f"pages:{page.pk}" in search_backend.fingerprints()
    assert not PendingUpdate.objects.exists()
