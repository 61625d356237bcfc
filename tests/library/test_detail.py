"""The resource page: metadata, files, related resources and mentions from other apps."""

import pytest
from bs4 import BeautifulSoup

from library import mentions
from library.models import RelatedResource, ResourceAuthor
from library.services import related_resources
from portal.models import Country, Theme
from portal.registry import ListedItem

from .factories import ResourceFileFactory, ResourcePageFactory


@pytest.fixture
def financing(db):
    return Theme.objects.get(slug_en="health-financing")


def test_detail_shows_authors_and_each_file_with_format_and_size(client, fr_library):
    resource = ResourcePageFactory(parent=fr_library, title="Guide")
    ResourceAuthor.objects.create(resource=resource, name="Diop", given_names="Awa", sort_order=0)
    ResourceFileFactory(resource=resource, label="Version française")
    soup = BeautifulSoup(client.get(resource.url).content, "html.parser")
    assert "Awa Diop" in soup.find(class_="authors").text
    files = soup.find(class_="resource-files").text
    assert "Version française" in files and "PDF" in files


def test_editors_choices_come_first_then_resources_sharing_themes(fr_library, financing, member):
    resource = ResourcePageFactory(parent=fr_library, themes=[financing])
    chosen = ResourcePageFactory(parent=fr_library, title="Choisi")
    ResourcePageFactory(parent=fr_library, title="Même thème", themes=[financing])
    ResourcePageFactory(parent=fr_library, title="Sans rapport")
    RelatedResource.objects.create(resource=resource, target=chosen, sort_order=0)
    assert [page.title for page in related_resources(resource, member)] == ["Choisi", "Même thème"]


def test_resources_sharing_more_themes_and_countries_come_first(fr_library, financing, member):
    senegal = Country.objects.get(code="SN")
    resource = ResourcePageFactory(parent=fr_library, themes=[financing], countries=[senegal])
    ResourcePageFactory(parent=fr_library, title="Un point commun", themes=[financing])
    ResourcePageFactory(
        parent=fr_library, title="Deux points communs", themes=[financing], countries=[senegal]
    )
    titles = [page.title for page in related_resources(resource, member)]
    assert titles == ["Deux points communs", "Un point commun"]


def test_unpublished_resource_chosen_by_an_editor_is_not_shown(fr_library, member):
    resource = ResourcePageFactory(parent=fr_library)
    draft = ResourcePageFactory(parent=fr_library, live=False)
    RelatedResource.objects.create(resource=resource, target=draft, sort_order=0)
    assert related_resources(resource, member) == []


def test_other_apps_can_list_what_mentions_a_resource(client, fr_library):
    resource = ResourcePageFactory(parent=fr_library)

    def gnews_issues(mentioned, user):
        return [ListedItem(title="G-NEWS n°1", url="/fr/gnews/1/", kind="G-NEWS")]

    mentions.register("test-gnews", gnews_issues)
    try:
        html = client.get(resource.url).content.decode()
    finally:
        mentions._sources.pop("test-gnews")
    assert "G-NEWS n°1" in html
