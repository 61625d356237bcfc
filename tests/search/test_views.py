"""The results page, the header search box, autocomplete and the JSON API."""

from datetime import UTC, datetime

import pytest

from search import backends
from search.documents import MEMBERS
from tests.portal.factories import ThemeFactory

from .factories import SearchDocumentFactory


@pytest.fixture
def database_backend(db, settings):
    settings.SEARCH_BACKEND = "database"
    yield backends.get_backend()
    backends._backends.clear()


def test_every_page_has_a_search_box_that_works_without_javascript(client, site_pages):
    html = client.get("/en/").content.decode()
    assert '<form class="site-search" role="search" method="get" action="/en/search/">' in html
    assert 'name="q"' in html


def test_results_page_shows_type_title_snippet_date_and_themes(client, database_backend):
    theme = ThemeFactory(name_en="Health financing tools", slug_en="health-financing-tools")
    database_backend.index(
        [
            SearchDocumentFactory(
                title="Guide du tiers payant",
                body="Le tiers payant réduit les avances de frais.",
                themes=(theme.pk,),
                date=datetime(2021, 3, 4, tzinfo=UTC),
            )
        ]
    )
    response = client.get("/en/search/", {"q": "tiers"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Guide du tiers payant" in html
    assert "<mark>tiers</mark>" in html
    assert "Health financing tools" in html
    assert '<time datetime="2021-03-04T00:00:00+00:00">' in html
    assert response["Cache-Control"].startswith("private")


def test_results_page_offers_facet_links_with_counts(client, database_backend):
    database_backend.index(
        [
            SearchDocumentFactory(title="Mutuelle A", countries=("SN",)),
            SearchDocumentFactory(title="Mutuelle B", countries=("SN",)),
        ]
    )
    html = client.get("/en/search/", {"q": "mutuelle"}).content.decode()
    assert '<a href="?q=mutuelle&amp;country=SN">Senegal</a> <span class="count">(2)</span>' in html


def test_zero_results_page_gives_advice_and_a_way_out_of_the_filters(client, database_backend):
    database_backend.index([SearchDocumentFactory(title="Mutuelle")])
    html = client.get("/en/search/", {"q": "mutuelle", "lang": "en"}).content.decode()
    assert "Nothing matches" in html
    assert 'href="?q=mutuelle"' in html


def test_results_page_cost_does_not_grow_with_results(
    client, database_backend, django_assert_max_num_queries
):
    database_backend.index(
        [
            SearchDocumentFactory(
                title=f"Mutuelle {n}", themes=(ThemeFactory().pk,), countries=("SN", "ML")
            )
            for n in range(25)
        ]
    )
    with django_assert_max_num_queries(14):
        response = client.get("/en/search/", {"q": "mutuelle", "country": "SN", "lang": "fr"})
    assert response.content.decode().count('class="result"') == 20


def test_autocomplete_returns_json_suggestions(client, database_backend):
    database_backend.index([SearchDocumentFactory(title="Guide du tiers payant", url="/fr/guide/")])
    response = client.get("/en/search/autocomplete/", {"q": "tiers pa"})
    assert response.json()["suggestions"] == [
        {"label": "Guide du tiers payant", "url": "/fr/guide/", "kind": "Page"}
    ]


def test_api_returns_count_results_and_facets(client, database_backend):
    database_backend.index(
        [
            SearchDocumentFactory(title="Mutuelle publique", body="Une mutuelle."),
            SearchDocumentFactory(title="Mutuelle des membres", tokens={MEMBERS}),
        ]
    )
    data = client.get("/api/v1/search", {"q": "mutuelle"}, HTTP_ACCEPT_LANGUAGE="en").json()
    assert data["count"] == 1
    result = data["results"][0]
    assert result["title"] == "Mutuelle publique"
    assert result["type"] == "pages"
    assert result["url"].startswith("http://testserver/fr/documents/")
    assert "<mark>" in result["snippet"]
    assert set(result) >= {"type", "title", "url", "snippet", "date", "score"}
    assert data["facets"]["lang"] == [{"value": "fr", "label": "French", "count": 1}]


def test_api_is_described_in_the_shared_openapi_schema(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    parameters = {p["name"] for p in schema["paths"]["/api/v1/search"]["get"]["parameters"]}
    assert parameters >= {"q", "type", "theme", "country", "lang", "page"}
