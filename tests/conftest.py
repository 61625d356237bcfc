"""Fixtures shared by every app's tests."""

import pytest
from django.core.cache import cache
from wagtail.models import Locale, Page, Site

from portal.models import HomePage, ThemeIndexPage
from portal.services import ensure_theme_pages
from tests.portal.factories import UserFactory


def build_site() -> dict[str, HomePage]:
    """French home page (site root) with its English translation and theme pages.

    Idempotent: returns the existing tree when there is one.
    """
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    en, _ = Locale.objects.get_or_create(language_code="en")
    fr_home = HomePage.objects.filter(locale=fr, depth=2).first()
    en_home = HomePage.objects.filter(locale=en, depth=2).first()
    if fr_home and en_home:
        return {"fr": fr_home, "en": en_home}
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    fr_home = root.add_child(instance=HomePage(title="Accueil", slug="accueil", locale=fr))
    en_home = root.add_child(
        instance=HomePage(
            title="Home", slug="home", locale=en, translation_key=fr_home.translation_key
        )
    )
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=fr_home, is_default_site=True)
    fr_themes = fr_home.add_child(instance=ThemeIndexPage(title="Thèmes", slug="themes", locale=fr))
    en_home.add_child(
        instance=ThemeIndexPage(
            title="Themes", slug="themes", locale=en, translation_key=fr_themes.translation_key
        )
    )
    ensure_theme_pages()
    return {"fr": fr_home, "en": en_home}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Build the page tree once per test session, in the test database itself.

    Tests run inside transactions that roll back, so they all start from this
    tree; transactional tests (browser tests) flush it and rebuild it through
    `site_pages` when they need it.
    """
    with django_db_blocker.unblock():
        build_site()


@pytest.fixture(autouse=True)
def empty_cache():
    """allauth keeps its rate-limit counters in the cache: start every test with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def member(db):
    return UserFactory()


@pytest.fixture
def site_pages(db):
    """French home page (site root) with its English translation and theme indexes."""
    return build_site()
