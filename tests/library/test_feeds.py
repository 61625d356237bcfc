"""RSS and Atom feeds of new resources, overall and per theme."""

import xml.etree.ElementTree as ET  # noqa: S405 - parsing our own feed

import pytest

from portal.models import Theme

from .factories import ResourcePageFactory


@pytest.fixture
def resources(fr_library):
    financing = Theme.objects.get(slug_en="health-financing")
    return {
        "financing": ResourcePageFactory(
            parent=fr_library, title="Financement", themes=[financing]
        ),
        "other": ResourcePageFactory(parent=fr_library, title="Autre sujet"),
    }


def test_rss_feed_lists_new_resources(client, resources):
    response = client.get("/fr/library/feeds/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    titles = [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]  # noqa: S314
    assert set(titles) == {"Financement", "Autre sujet"}


def test_atom_feed_lists_new_resources(client, resources):
    response = client.get("/fr/library/feeds/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    namespace = {"atom": "http://www.w3.org/2005/Atom"}
    root = ET.fromstring(response.content)  # noqa: S314
    titles = [
        entry.findtext("atom:title", namespaces=namespace)
        for entry in root.iterfind("atom:entry", namespace)
    ]
    assert set(titles) == {"Financement", "Autre sujet"}


@pytest.mark.parametrize("slug", ["financement-de-la-sante", "health-financing"])
def test_theme_feed_lists_that_themes_resources_only(client, resources, slug):
    body = client.get(f"/fr/library/feeds/{slug}/rss/").content.decode()
    assert "Financement" in body
    assert "Autre sujet" not in body


def test_unknown_theme_feed_is_not_found(client, resources):
    assert client.get("/fr/library/feeds/no-such-theme/rss/").status_code == 404
