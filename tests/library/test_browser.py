"""A reader filters the catalogue, opens a resource and downloads its file, in Chromium.

Local fixtures (the shared ones in tests/browser/ apply to that package
only): Debian's Chromium driven by Playwright against the live server.
"""

import os
from pathlib import Path

import pytest
from django.db import connections
from playwright.sync_api import sync_playwright
from wagtail.models import Locale

from library.models import Language
from portal.models import Theme
from tests.support.a11y import assert_accessible

from . import files
from .factories import (
    LibraryIndexPageFactory,
    ResourceFileFactory,
    ResourcePageFactory,
    make_document,
)

# serialized_rollback: the flush after this test must not leave other tests without
# the migrations' data (root page, locales, roles).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM = Path("/usr/bin/chromium")
TIMEOUT_MS = 15_000


@pytest.fixture
def browser_page(live_server):
    """A Chromium page on the live server; Django's connections kept while Playwright runs."""
    if not CHROMIUM.exists():
        pytest.skip(f"Browser tests need Chromium at {CHROMIUM}")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    test_connections = {alias: connections[alias] for alias in connections}
    try:
        with sync_playwright() as playwright:
            for alias, connection in test_connections.items():
                connections[alias] = connection
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=["--no-sandbox", "--disable-gpu"]
            )
            context = browser.new_context(base_url=live_server.url, accept_downloads=True)
            context.set_default_timeout(TIMEOUT_MS)
            yield context.new_page()
            context.close()
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def catalogue(site_pages):
    fr_library = LibraryIndexPageFactory(
        parent=site_pages["fr"], locale=Locale.objects.get(language_code="fr")
    )
    financing = Theme.objects.get(slug_en="health-financing")
    governance = Theme.objects.get(slug_en="governance")
    french, english = Language.objects.get(code="fr"), Language.objects.get(code="en")
    wanted = ResourcePageFactory(
        parent=fr_library, title="Calculer les cotisations", themes=[financing], languages=[french]
    )
    ResourceFileFactory(
        resource=wanted,
        document=make_document(files.docx_bytes("Grille de cotisations"), "cotisations.docx"),
    )
    ResourcePageFactory(
        parent=fr_library,
        title="Health financing in English",
        themes=[financing],
        languages=[english],
    )
    ResourcePageFactory(
        parent=fr_library,
        title="Gouvernance des mutuelles",
        themes=[governance],
        languages=[french],
    )
    return wanted


def test_reader_filters_by_theme_and_language_opens_a_resource_and_downloads_it(
    browser_page, catalogue
):
    page = browser_page
    page.goto("/fr/library/")
    assert_accessible(page)

    page.get_by_label("Financement de la santé").check()
    page.get_by_label("Français").check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url("**/fr/library/?*")
    assert "theme=financement-de-la-sante" in page.url and "language=fr" in page.url
    results = page.locator(".results")
    assert results.get_by_role("link", name="Calculer les cotisations").is_visible()
    assert results.get_by_text("Health financing in English").count() == 0
    assert results.get_by_text("Gouvernance des mutuelles").count() == 0
    assert_accessible(page)

    results.get_by_role("link", name="Calculer les cotisations").click()
    page.wait_for_url(f"**{catalogue.url}")
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Télécharger Version française").click()
    download = download_info.value
    assert download.suggested_filename == "cotisations.docx"
    assert Path(download.path()).read_bytes().startswith(b"PK")
