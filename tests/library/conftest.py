"""Fixtures of the library's tests: a library page in each language, media in a temp folder."""

import pytest
from wagtail.models import Locale

from .factories import LibraryIndexPageFactory


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.LIBRARY_IMPORT_ROOT = tmp_path / "imports"


@pytest.fixture
def libraries(site_pages):
    """LibraryIndexPage at /fr/library/ and /en/library/, translations of each other."""
    fr = LibraryIndexPageFactory(
        parent=site_pages["fr"], locale=Locale.objects.get(language_code="fr")
    )
    en = LibraryIndexPageFactory(
        parent=site_pages["en"],
        title="Library",
        locale=Locale.objects.get(language_code="en"),
        translation_key=fr.translation_key,
    )
    return {"fr": fr, "en": en}


@pytest.fixture
def fr_library(libraries):
    return libraries["fr"]


@pytest.fixture
def editor(db):
    from tests.portal.factories import UserFactory

    return UserFactory(role="Editor")
