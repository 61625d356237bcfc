"""Unpublished and private resources, and their files, never leave the library."""

import pytest
from wagtail.models import PageViewRestriction

from library import providers
from library.services import searchable_resources
from portal.models import Theme

from .factories import ResourceFileFactory, ResourcePageFactory


@pytest.fixture
def theme(db):
    return Theme.objects.get(slug_en="health-financing")


@pytest.fixture
def public(fr_library, theme):
    resource = ResourcePageFactory(parent=fr_library, title="Guide public", themes=[theme])
    ResourceFileFactory(resource=resource)
    return resource


@pytest.fixture
def draft(fr_library, theme):
    resource = ResourcePageFactory(
        parent=fr_library, title="Brouillon secret", live=False, themes=[theme]
    )
    ResourceFileFactory(resource=resource)
    return resource


@pytest.fixture
def private(fr_library, theme):
    resource = ResourcePageFactory(parent=fr_library, title="Réservé aux membres", themes=[theme])
    ResourceFileFactory(resource=resource)
    PageViewRestriction.objects.create(page=resource, restriction_type=PageViewRestriction.LOGIN)
    return resource


@pytest.fixture
def hidden(draft, private):
    return [draft, private]


def test_catalogue_lists_public_resource_only(client, public, hidden):
    html = client.get("/fr/library/").content.decode()
    assert public.title in html
    for resource in hidden:
        assert resource.title not in html


def test_member_cannot_see_unpublished_or_private_resource_in_catalogue(
    client, member, public, hidden
):
    client.force_login(member)
    html = client.get("/fr/library/").content.decode()
    for resource in hidden:
        assert resource.title not in html


def test_file_of_public_resource_is_downloadable(client, public):
    assert client.get(public.files.first().download_url).status_code == 200


@pytest.mark.parametrize("which", ["draft", "private"])
def test_files_of_hidden_resources_are_not_downloadable(client, member, fr_library, request, which):
    resource = request.getfixturevalue(which)
    client.force_login(member)
    assert client.get(resource.files.first().download_url).status_code == 404


@pytest.mark.parametrize("which", ["draft", "private"])
def test_wagtail_document_url_does_not_leak_hidden_resource_files(
    client, fr_library, request, which
):
    resource = request.getfixturevalue(which)
    assert client.get(resource.files.first().document.url).status_code == 404


def test_permission_letter_is_never_served_to_the_public(client, public):
    letter = ResourceFileFactory(resource=public).document
    public.permission_letter = letter
    public.save()
    public.files.filter(document=letter).delete()
    assert client.get(letter.url).status_code == 404


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_feeds_list_public_resources_only(client, public, hidden, feed):
    body = client.get(f"/fr/library/feeds/{feed}/").content.decode()
    assert public.title in body
    for resource in hidden:
        assert resource.title not in body


def test_sitemap_lists_public_resource_only(client, public, hidden):
    body = client.get("/sitemap.xml").content.decode()
    assert public.slug in body
    for resource in hidden:
        assert f"/{resource.slug}/" not in body


def test_api_lists_public_resources_only(client, public, hidden):
    titles = {item["title"] for item in client.get("/api/v1/resources/").json()["results"]}
    assert titles == {public.title}


@pytest.mark.parametrize("which", ["draft", "private"])
def test_api_detail_of_hidden_resource_is_not_found(client, fr_library, request, which):
    resource = request.getfixturevalue(which)
    assert client.get(f"/api/v1/resources/{resource.pk}/").status_code == 404


@pytest.mark.parametrize("which", ["draft", "private"])
def test_citation_of_hidden_resource_is_not_found(client, fr_library, request, which):
    resource = request.getfixturevalue(which)
    assert client.get(f"/library/cite/{resource.pk}/bibtex/").status_code == 404


def test_home_and_theme_providers_list_public_resources_only(public, hidden, theme, member):
    latest = {item.title for item in providers.latest_resources(member, 10)}
    for_theme = {item.title for item in providers.resources_for_theme(theme, member, 10)}
    assert latest == for_theme == {public.title}


def test_theme_page_lists_public_resource(client, public, hidden):
    html = client.get("/fr/themes/financement-de-la-sante/").content.decode()
    assert public.title in html
    for resource in hidden:
        assert resource.title not in html


def test_search_documents_come_from_visible_resources_only(public, hidden):
    assert list(searchable_resources()) == [public]
