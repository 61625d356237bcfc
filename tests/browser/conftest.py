"""Browser fixtures: Debian's Chromium driven by Playwright against pytest-django's live server.

The live server answers from another thread, so every test here runs on a
transactional database, flushed after each test and restored from a snapshot
(pytest-django's serialized rollback). The snapshot holds the migration data
plus a small bilingual site, built once per run because building Wagtail
pages is what would otherwise cost the most: home pages with a hero and the
latest pages, an "About" page in French and English, the theme index and the
theme pages.
"""

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from portal.models import Theme
from tests.portal.factories import ContentPageFactory
from tests.support.site import build_site_pages

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Generous for a busy 2-core machine, short enough that a broken page fails fast.
TIMEOUT_MS = 10_000


@pytest.fixture(scope="package")
def chromium() -> Iterator[Browser]:
    """One headless Chromium for the whole browser package, closed when it ends.

    Playwright's sync API marks an asyncio loop as running in this thread while
    it is started. Django then refuses ORM calls here, and would hand this
    thread a fresh connection per async context instead of the test database's
    connection (which the live server shares and which holds pytest-django's
    serialized data). The test code and the database teardown use the ORM, so
    while Playwright runs the guard is lifted and the same connections are kept.
    """
    if not CHROMIUM.exists():
        pytest.skip(f"Browser tests need Chromium at {CHROMIUM} (apt-get install chromium)")
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        test_connections = {alias: connections[alias] for alias in connections}
        with sync_playwright() as playwright:
            for alias, connection in test_connections.items():
                connections[alias] = connection
            browser = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            yield browser
            browser.close()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def _site_snapshot(chromium, django_db_setup, django_db_blocker) -> Iterator[None]:
    """Make the bilingual demo site part of what each browser test starts from.

    Requests `chromium` first so that the ORM runs under the same rules as in
    the tests. Other apps' transactional tests may have emptied the database,
    so it is reset to the migration data before the site is built.
    """
    connection = connections["default"]
    migrated = connection._test_serialized_contents
    with django_db_blocker.unblock():
        # As TransactionTestCase flushes: sequences must stay above the restored rows' keys.
        call_command(
            "flush",
            verbosity=0,
            interactive=False,
            reset_sequences=False,
            inhibit_post_migrate=True,
        )
        connection.creation.deserialize_db_from_string(migrated)
        _build_portal_site()
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()
    yield
    connection._test_serialized_contents = migrated


@pytest.fixture(autouse=True)
def _browser_test_environment(
    _site_snapshot, django_db_serialized_rollback, live_server, settings, tmp_path
):
    """Live server on the restored snapshot, uploads in a temporary folder, empty cache.

    The cache holds allauth's rate limits and Wagtail's site root paths, both of
    which must not leak from one test to the next.
    """
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()


@pytest.fixture
def new_context(chromium, live_server) -> Iterator[Callable[..., BrowserContext]]:
    """Open a fresh browser context (cookies, storage) on the live server: `new_context(**options)`.

    Options are Playwright's `Browser.new_context` ones, e.g. `java_script_enabled=False`.
    """
    contexts: list[BrowserContext] = []

    def open_context(**options) -> BrowserContext:
        context = chromium.new_context(base_url=live_server.url, **options)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context

    yield open_context
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context) -> Page:
    return new_context().new_page()


HERO = {
    "fr": ("Partager ce qui marche", "Guides, études et outils de gestion.", "Pages récentes"),
    "en": ("Sharing what works", "Guides, studies and management tools.", "Recent pages"),
}
ABOUT = {
    "fr": (
        "À propos",
        "a-propos",
        "Le portail des mutuelles de santé, successeur de GIMI et GESS.",
        "Les réseaux La Concertation, AMIN et ACYM y partagent leurs outils.",
    ),
    "en": (
        "About",
        "about",
        "The portal of mutual health organisations, successor of GIMI and GESS.",
        "The La Concertation, AMIN and ACYM networks share their tools here.",
    ),
}


def _build_portal_site() -> None:
    """site_pages, plus an "About" page in both languages that the home pages feature."""
    homes = build_site_pages()
    theme = Theme.objects.get(slug_en="networks-and-partnerships")
    translation_key = None
    for language in ("fr", "en"):
        title, slug, intro, paragraph = ABOUT[language]
        extra = {"translation_key": translation_key} if translation_key else {}
        about = ContentPageFactory(
            parent=homes[language],
            title=title,
            slug=slug,
            intro=intro,
            locale=homes[language].locale,
            show_in_menus=True,
            body=[("paragraph", f"<p>{paragraph}</p>")],
            **extra,
        )
        about.themes.set([theme])
        about.save_revision().publish()
        translation_key = about.translation_key

        hero_title, hero_text, latest = HERO[language]
        home = homes[language]
        home.body = [
            ("hero", {"title": hero_title, "text": hero_text, "link_page": about}),
            ("latest", {"heading": latest, "source": "pages", "count": 4}),
        ]
        home.save_revision().publish()
