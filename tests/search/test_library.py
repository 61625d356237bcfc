"""Library resources are found by their metadata and by the words inside their files."""

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.models import PageViewRestriction

from search import services
from tests.library import files
from tests.library.conftest import fr_library, libraries, media_in_tmp  # noqa: F401
from tests.library.factories import ResourceFileFactory, ResourcePageFactory, make_document
from tests.portal.factories import ThemeFactory


def resources(text, **filters):
    params = {"type": ["resources"], **{name: [value] for name, value in filters.items()}}
    return [item.hit.title for item in services.search(text, AnonymousUser(), params).items]


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture(autouse=True)
def _media(media_in_tmp):  # noqa: F811
    """Uploaded test files go to a temporary folder, as in the library's own tests."""


@pytest.mark.real_elasticsearch_only
def test_a_resource_is_found_by_a_word_inside_its_pdf(search_backend, fr_library):  # noqa: F811
    resource = ResourcePageFactory(parent=fr_library, title="Guide", live=False)
    ResourceFileFactory(
        resource=resource,
        document=make_document(files.pdf_bytes("Le microcrédit et la microassurance."), "g.pdf"),
    )
    publish(resource)
    assert resources("microcredit") == ["Guide"]
    assert resources("introuvable") == []


def test_a_published_resource_is_found_with_its_facets(search_backend, fr_library):  # noqa: F811
    theme = ThemeFactory(slug_fr="outils-de-gestion", slug_en="management-tools")
    resource = ResourcePageFactory(
        parent=fr_library,
        title="Guide de gestion",
        live=False,
        publication_year=2005,
        themes=[theme],
        countries=["SN"],
    )
    publish(resource)
    assert resources("gestion", theme="outils-de-gestion", country="SN", year="2005") == [
        "Guide de gestion"
    ]


def test_restricted_and_unpublished_resources_are_not_found(search_backend, fr_library):  # noqa: F811
    restricted = publish(ResourcePageFactory(parent=fr_library, title="Guide", live=False))
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    withdrawn = publish(ResourcePageFactory(parent=fr_library, title="Guide bis", live=False))
    withdrawn.unpublish()
    assert resources("guide") == []
