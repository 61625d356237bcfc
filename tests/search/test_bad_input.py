"""Whatever a reader types, search answers with a normal page (maybe empty), never an error."""

import pytest
from django.contrib.auth.models import AnonymousUser
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search import backends, services
from search.query import parse_query

from .factories import SearchDocumentFactory

NASTY_QUERIES = [
    "mutuelle " * 1250,  # 10,000 characters
    "a" * 10_000,
    "!!! ??? ... ;;; ,,,",
    '"unbalanced quote',
    'two "unbalanced" quotes"',
    "title:x OR",
    "NEAR(",
    "NEAR(mutuelle santé, 2)",
    "*",
    '"',
    "mut*",
    "mutuelle\x00santé",
    "\x00",
    "- -mutuelle",
    "AND OR NOT",
    "{title body}: mutuelle",
    "stems: mutuelle",
    "((((mutuelle",
    "mutuelle))))",
    "^mutuelle~2",
    "'; DROP TABLE search_indexeddocument; --",
    "<script>alert(1)</script>",
    "\ue000mutuelle\ue001",
    "😀 中文 العربية",
    "%_%",
    "mutuelle:*",
    "a & b | !c <-> d",
]
NASTY_PARAMETERS = [
    {"theme": "no-such-theme"},
    {"theme": "999999"},
    {"country": "ZZ"},
    {"country": "\x00"},
    {"year": "abc"},
    {"lang": "xx"},
    {"type": "nothing"},
    {"region": "'; DROP TABLE x; --"},
    {"page": "-1"},
    {"page": "0"},
    {"page": "99999999"},
    {"page": "abc"},
    {"page": "1e10"},
    {"sort": "title; DROP"},
]


@pytest.fixture
def indexed(search_backend):
    search_backend.index(
        [
            SearchDocumentFactory(title="Mutuelle de santé", body="Sécurité sociale"),
            SearchDocumentFactory(title="Assurance maladie", body="Tiers payant"),
        ]
    )
    return search_backend


@pytest.mark.parametrize("query", NASTY_QUERIES)
def test_odd_queries_get_a_normal_results_page(client, indexed, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    assert 'role="search"' in response.content.decode()


@pytest.mark.parametrize("query", NASTY_QUERIES)
def test_odd_queries_get_a_normal_api_answer(client, indexed, query):
    response = client.get("/api/v1/search", {"q": query})
    assert response.status_code == 200
    assert response.json()["count"] >= 0


@pytest.mark.parametrize("query", NASTY_QUERIES)
def test_odd_queries_get_autocomplete_suggestions_or_none(client, indexed, query):
    response = client.get("/en/search/autocomplete/", {"q": query[:300]})
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


@pytest.mark.parametrize("parameters", NASTY_PARAMETERS)
def test_unknown_facet_values_and_pages_get_a_normal_page(client, indexed, parameters):
    response = client.get("/en/search/", {"q": "mutuelle", **parameters})
    assert response.status_code == 200
    api = client.get("/api/v1/search", {"q": "mutuelle", **parameters})
    assert api.status_code == 200


def test_an_unknown_theme_matches_nothing(indexed):
    outcome = services.search("mutuelle", AnonymousUser(), {"theme": ["no-such-theme"]})
    assert (outcome.searched, outcome.count) == (True, 0)


def test_parsed_queries_hold_only_words():
    parsed = parse_query('title:x OR NEAR( "sécurité  sociale" -tiers* \x00 ""')
    assert parsed.terms == ("title", "or", "near")
    assert parsed.phrases == (("securite", "sociale"),)
    assert parsed.excluded == ("tiers",)


@pytest.fixture
def database_backend(db, django_settings_for_hypothesis):
    backend = backends.get_backend()
    backend.index(
        [
            SearchDocumentFactory(title="Mutuelle de santé", body="Sécurité sociale du Sénégal"),
            SearchDocumentFactory(title="Health insurance", body="Members' contributions"),
        ]
    )
    return backend


@pytest.fixture
def django_settings_for_hypothesis(settings):
    settings.SEARCH_BACKEND = "database"
    yield settings
    backends._backends.clear()


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.text(st.characters(exclude_categories=["Cs"]), max_size=300))
def test_random_text_never_breaks_the_database_backend(database_backend, text):
    """Searches only read, so one indexed fixture serves every example."""
    outcome = services.search(text, AnonymousUser(), {"lang": [text[:10]]}, page=text[:3])
    assert outcome.count >= 0
    assert isinstance(services.autocomplete(text, AnonymousUser()), list)
