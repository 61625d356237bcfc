"""What every search engine must do, run on each backend (see conftest.search_backend)."""

from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from portal import roles
from search import services
from search.documents import MEMBERS, PUBLIC, STAFF, user_token
from tests.portal.factories import ThemeFactory, UserFactory

from .factories import SearchDocumentFactory

real_elasticsearch_only = pytest.mark.real_elasticsearch_only


def index(backend, *documents):
    backend.index(list(documents))


def search(text, user=None, **filters):
    params = {
        name: values if isinstance(values, list) else [values] for name, values in filters.items()
    }
    sort = params.pop("sort", ["relevance"])[0]
    page = params.pop("page", [1])[0]
    return services.search(text, user or AnonymousUser(), params, page=page, sort=sort)


def titles(outcome):
    return [item.hit.title for item in outcome.items]


# --- matching -----------------------------------------------------------------


@real_elasticsearch_only
def test_finds_a_document_by_a_word_of_its_title(search_backend):
    search_backend.clear()  # the site's theme pages have "gestion" in their titles too
    index(
        search_backend,
        SearchDocumentFactory(title="Guide de gestion des mutuelles"),
        SearchDocumentFactory(title="Rapport annuel"),
    )
    assert titles(search("gestion")) == ["Guide de gestion des mutuelles"]


@real_elasticsearch_only
def test_finds_a_document_by_a_word_of_its_body(search_backend):
    index(
        search_backend,
        SearchDocumentFactory(title="Guide", body="Le tiers payant en pratique."),
        SearchDocumentFactory(title="Rapport", body="Les comptes de l'exercice."),
    )
    assert titles(search("tiers")) == ["Guide"]


@real_elasticsearch_only
def test_every_word_of_the_query_must_match(search_backend):
    index(
        search_backend,
        SearchDocumentFactory(title="Cotisations des membres"),
        SearchDocumentFactory(title="Cotisations et prestations"),
    )
    assert titles(search("cotisations membres")) == ["Cotisations des membres"]


@real_elasticsearch_only
def test_a_word_preceded_by_a_minus_excludes_documents(search_backend):
    index(
        search_backend,
        SearchDocumentFactory(title="Cotisations des membres"),
        SearchDocumentFactory(title="Cotisations et prestations"),
    )
    assert titles(search("cotisations -membres")) == ["Cotisations et prestations"]


@real_elasticsearch_only
def test_matching_ignores_accents_and_case(search_backend):
    index(search_backend, SearchDocumentFactory(title="Sécurité sociale au Sénégal"))
    assert titles(search("securite SOCIALE senegal")) == ["Sécurité sociale au Sénégal"]


@real_elasticsearch_only
def test_a_french_plural_finds_the_singular(search_backend):
    index(search_backend, SearchDocumentFactory(title="La mutuelle de Thiès", language="fr"))
    assert titles(search("mutuelles")) == ["La mutuelle de Thiès"]


@real_elasticsearch_only
def test_an_english_plural_finds_the_singular(search_backend):
    index(search_backend, SearchDocumentFactory(title="Every member counts", language="en"))
    assert titles(search("members")) == ["Every member counts"]


@real_elasticsearch_only
def test_a_quoted_phrase_needs_its_words_together_and_in_order(search_backend):
    index(
        search_backend,
        SearchDocumentFactory(title="Extension de la protection sociale"),
        SearchDocumentFactory(title="Protection des travailleurs, extension sociale"),
    )
    assert titles(search('"protection sociale"')) == ["Extension de la protection sociale"]


@real_elasticsearch_only
def test_title_matches_rank_above_body_matches(search_backend):
    index(
        search_backend,
        SearchDocumentFactory(title="Rapport annuel", body="Un mot sur la microassurance."),
        SearchDocumentFactory(title="Microassurance en Afrique", body="Rapport détaillé."),
    )
    assert titles(search("microassurance")) == ["Microassurance en Afrique", "Rapport annuel"]


@real_elasticsearch_only
def test_snippet_marks_the_matched_words(search_backend):
    index(
        search_backend,
        SearchDocumentFactory(title="Guide", body="Le tiers payant facilite l'accès aux soins."),
    )
    snippet = search("tiers").items[0].hit.snippet
    assert "<mark>tiers</mark>" in snippet
    assert "<mark>soins</mark>" not in snippet


def test_snippet_escapes_the_document_text(search_backend):
    index(
        search_backend,
        SearchDocumentFactory(title="Guide", body='Le tiers <script>alert("x")</script> payant.'),
    )
    snippet = search("tiers").items[0].hit.snippet
    text = snippet.replace("<mark>", "").replace("</mark>", "")
    assert "<" not in text  # PostgreSQL drops the tags, the others escape them
    assert "alert(&quot;x&quot;)" in text


# --- permissions ----------------------------------------------------------------


def restricted_documents(backend, owner_id: int = 999):
    index(
        backend,
        SearchDocumentFactory(title="Mutuelle publique", tokens={PUBLIC}),
        SearchDocumentFactory(title="Mutuelle des membres", tokens={MEMBERS}),
        SearchDocumentFactory(title="Mutuelle du personnel", tokens={STAFF}),
        SearchDocumentFactory(title="Mutuelle privée", tokens={user_token(owner_id)}),
    )


def test_anonymous_readers_only_find_public_documents(search_backend):
    restricted_documents(search_backend)
    assert titles(search("mutuelle")) == ["Mutuelle publique"]


def test_verified_members_also_find_members_documents(search_backend):
    restricted_documents(search_backend)
    assert sorted(titles(search("mutuelle", UserFactory()))) == [
        "Mutuelle des membres",
        "Mutuelle publique",
    ]


def test_unverified_users_do_not_find_members_documents(search_backend):
    restricted_documents(search_backend)
    assert titles(search("mutuelle", UserFactory(verified=False))) == ["Mutuelle publique"]


def test_staff_find_staff_documents(search_backend):
    restricted_documents(search_backend)
    found = titles(search("mutuelle", UserFactory(role=roles.STAFF)))
    assert "Mutuelle du personnel" in found
    assert "Mutuelle privée" not in found


def test_a_document_carrying_a_user_token_is_found_by_that_user_only(search_backend):
    owner = UserFactory()
    restricted_documents(search_backend, owner_id=owner.pk)
    assert "Mutuelle privée" in titles(search("mutuelle", owner))
    assert "Mutuelle privée" not in titles(search("mutuelle", UserFactory()))


def test_hidden_documents_count_in_no_facet(search_backend):
    restricted_documents(search_backend)
    outcome = search("mutuelle")
    assert outcome.count == 1
    assert {group.name: sum(o.count for o in group.options) for group in outcome.facets}[
        "type"
    ] == 1


def test_autocomplete_only_suggests_titles_the_reader_may_open(search_backend):
    restricted_documents(search_backend)
    labels = [suggestion.label for suggestion in services.autocomplete("mutu", AnonymousUser())]
    assert labels == ["Mutuelle publique"]


# --- facets, sorting, pagination --------------------------------------------------


def facet_counts(outcome, name):
    for group in outcome.facets:
        if group.name == name:
            return {option.value: option.count for option in group.options}
    return {}


def faceted_documents(backend):
    health, law = ThemeFactory(slug_fr="sante", slug_en="health"), ThemeFactory()
    backend.clear()  # only the documents below: not the theme pages the new themes got
    index(
        backend,
        SearchDocumentFactory(title="Mutuelle A", themes=(health.pk,), countries=("SN",)),
        SearchDocumentFactory(title="Mutuelle B", themes=(health.pk, law.pk), countries=("ML",)),
        SearchDocumentFactory(title="Mutuelle C", themes=(law.pk,), language="en"),
        SearchDocumentFactory(
            title="Mutuelle D", source="resources", date=datetime(2019, 5, 1, tzinfo=UTC)
        ),
    )
    return health, law


def test_facets_count_matching_documents_per_value(search_backend):
    health, law = faceted_documents(search_backend)
    outcome = search("mutuelle")
    assert facet_counts(outcome, "theme") == {health.slug: 2, law.slug: 2}
    assert facet_counts(outcome, "lang") == {"fr": 3, "en": 1}
    assert facet_counts(outcome, "country") == {"SN": 1, "ML": 1}
    assert facet_counts(outcome, "type") == {"pages": 3, "resources": 1}
    assert facet_counts(outcome, "year") == {"2020": 3, "2019": 1}


def test_a_facet_filter_keeps_matching_documents(search_backend):
    health, _law = faceted_documents(search_backend)
    assert sorted(titles(search("mutuelle", theme=health.slug))) == ["Mutuelle A", "Mutuelle B"]


def test_values_of_one_facet_combine_with_or(search_backend):
    faceted_documents(search_backend)
    assert sorted(titles(search("mutuelle", country=["SN", "ml"]))) == ["Mutuelle A", "Mutuelle B"]


def test_different_facets_combine_with_and(search_backend):
    health, _law = faceted_documents(search_backend)
    assert titles(search("mutuelle", theme=health.slug, country="ML")) == ["Mutuelle B"]


def test_a_facet_still_offers_its_other_values_once_one_is_chosen(search_backend):
    health, law = faceted_documents(search_backend)
    outcome = search("mutuelle", theme=health.slug)
    assert facet_counts(outcome, "theme") == {health.slug: 2, law.slug: 2}
    assert facet_counts(outcome, "lang") == {"fr": 2}


def test_results_sorted_by_date_come_newest_first(search_backend):
    index(
        search_backend,
        SearchDocumentFactory(title="Mutuelle ancienne", date=datetime(2001, 1, 1, tzinfo=UTC)),
        SearchDocumentFactory(title="Mutuelle récente", date=datetime(2024, 1, 1, tzinfo=UTC)),
        SearchDocumentFactory(title="Mutuelle sans date", date=None),
    )
    assert titles(search("mutuelle", sort="date")) == [
        "Mutuelle récente",
        "Mutuelle ancienne",
        "Mutuelle sans date",
    ]


def test_results_are_paginated(search_backend, settings):
    settings.SEARCH_RESULTS_PER_PAGE = 2
    index(search_backend, *(SearchDocumentFactory(title=f"Mutuelle {n}") for n in range(5)))
    pages = [titles(search("mutuelle", sort="date", page=page)) for page in (1, 2, 3)]
    assert [len(page) for page in pages] == [2, 2, 1]
    assert len({title for page in pages for title in page}) == 5
    assert search("mutuelle", page=2).count == 5


def test_a_page_beyond_the_last_is_empty(search_backend):
    index(search_backend, SearchDocumentFactory(title="Mutuelle"))
    outcome = search("mutuelle", page=99)
    assert (outcome.count, outcome.items) == (1, [])


# --- writes ---------------------------------------------------------------------


def test_reindexing_a_document_replaces_it(search_backend):
    document = SearchDocumentFactory(title="Ancien titre")
    index(search_backend, document)
    index(
        search_backend, SearchDocumentFactory(object_id=document.object_id, title="Nouveau titre")
    )
    assert titles(search("titre")) == ["Nouveau titre"]


def test_deleted_documents_are_no_longer_found(search_backend):
    kept, deleted = (
        SearchDocumentFactory(title="Mutuelle A"),
        SearchDocumentFactory(title="Mutuelle B"),
    )
    index(search_backend, kept, deleted)
    search_backend.delete([deleted.key, "pages:unknown"])
    assert titles(search("mutuelle")) == ["Mutuelle A"]


def test_a_rebuild_replaces_the_whole_index(search_backend):
    index(search_backend, SearchDocumentFactory(title="Mutuelle ancienne"))
    seen = []
    count = search_backend.rebuild(
        iter([SearchDocumentFactory(title="Mutuelle nouvelle")]), seen.append
    )
    assert (count, seen) == (1, [1])
    assert titles(search("mutuelle")) == ["Mutuelle nouvelle"]


def test_fingerprints_list_every_indexed_document(search_backend):
    documents = [SearchDocumentFactory(), SearchDocumentFactory()]
    search_backend.clear()
    index(search_backend, *documents)
    assert search_backend.fingerprints() == {d.key: d.fingerprint for d in documents}


def test_autocomplete_matches_the_start_of_title_words(search_backend):
    index(
        search_backend,
        SearchDocumentFactory(title="Caisse de prévoyance du Sénégal"),
        SearchDocumentFactory(title="Prévoyance au Mali"),
    )
    suggestions = services.autocomplete("prevoyance sén", AnonymousUser())
    assert [suggestion.label for suggestion in suggestions] == ["Caisse de prévoyance du Sénégal"]


def test_autocomplete_suggests_themes_by_name(search_backend):
    suggestions = services.autocomplete("financement de la san", AnonymousUser())
    assert [suggestion.label for suggestion in suggestions] == ["Financement de la santé"]
