"""The faceted catalogue at /<lang>/library/."""

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from wagtail.models import Locale

from library.catalogue import Catalogue
from library.models import DownloadCount, Language
from portal.models import Country, Region, Theme

from .factories import ResourceFileFactory, ResourcePageFactory


@pytest.fixture
def taxonomy(db):
    return {
        "legislation": Theme.objects.get(slug_en="legislation-and-regulation"),
        "financing": Theme.objects.get(slug_en="health-financing"),
        "fr": Language.objects.get(code="fr"),
        "en": Language.objects.get(code="en"),
        "SN": Country.objects.get(code="SN"),
        "CM": Country.objects.get(code="CM"),
    }


@pytest.fixture
def collection(fr_library, taxonomy):
    """Four resources whose facets overlap in known ways."""
    t = taxonomy
    return {
        "guide_sn": ResourcePageFactory(
            parent=fr_library, title="Guide Sénégal", resource_type="guide",
            publication_year=2005, themes=[t["legislation"]], countries=[t["SN"]],
            languages=[t["fr"]],
        ),
        "study_sn": ResourcePageFactory(
            parent=fr_library, title="Étude Sénégal", resource_type="study",
            publication_year=2012, themes=[t["financing"]], countries=[t["SN"]],
            languages=[t["fr"], t["en"]],
        ),
        "guide_cm": ResourcePageFactory(
            parent=fr_library, title="Guide Cameroun", resource_type="guide",
            publication_year=2021, themes=[t["legislation"], t["financing"]],
            countries=[t["CM"]], languages=[t["en"]],
        ),
        "software": ResourcePageFactory(
            parent=fr_library, title="MAS Gestion", resource_type="software",
            publication_year=1998, languages=[t["fr"]],
        ),
    }  # fmt: skip


def catalogue(query: str, locale_code: str = "fr") -> Catalogue:
    request = RequestFactory().get(f"/fr/library/?{query}")
    from django.contrib.auth.models import AnonymousUser

    return Catalogue(request.GET, AnonymousUser(), Locale.objects.get(language_code=locale_code))


def titles(cat: Catalogue) -> set[str]:
    return {resource.title for resource in cat.results()}


def counts(cat: Catalogue, facet_name: str) -> dict[str, int]:
    facet = next(facet for facet in cat.facets() if facet.name == facet_name)
    return {option.value: option.count for option in facet.options if option.count}


def test_unfiltered_catalogue_lists_every_visible_resource(collection):
    assert len(titles(catalogue(""))) == 4


def test_values_within_one_facet_combine_with_or(collection):
    assert titles(catalogue("type=guide&type=software")) == {
        "Guide Sénégal",
        "Guide Cameroun",
        "MAS Gestion",
    }


def test_facets_combine_with_and(collection):
    assert titles(catalogue("type=guide&country=SN")) == {"Guide Sénégal"}


def test_theme_filter_accepts_the_slug_of_either_language(collection):
    english = titles(catalogue("theme=legislation-and-regulation"))
    french = titles(catalogue("theme=legislation-et-reglementation"))
    assert english == french == {"Guide Sénégal", "Guide Cameroun"}


def test_language_facet_filters_by_resource_language(collection):
    assert titles(catalogue("language=en")) == {"Étude Sénégal", "Guide Cameroun"}


def test_period_facet_filters_by_publication_year_range(collection):
    assert titles(catalogue("period=2000-2009&period=-1999")) == {"Guide Sénégal", "MAS Gestion"}


def test_region_facet_matches_resources_through_their_countries(collection):
    assert titles(catalogue("region=west-africa")) == {"Guide Sénégal", "Étude Sénégal"}


def test_region_facet_matches_resources_tagged_with_the_region(collection, fr_library):
    ResourcePageFactory(
        parent=fr_library,
        title="Afrique centrale",
        regions=[Region.objects.get(slug="central-africa")],
    )
    assert titles(catalogue("region=central-africa")) == {"Guide Cameroun", "Afrique centrale"}


def test_facet_counts_ignore_their_own_selection(collection):
    cat = catalogue("type=guide")
    assert counts(cat, "type") == {"guide": 2, "study": 1, "software": 1}


def test_facet_counts_apply_the_other_facets_filters(collection):
    cat = catalogue("type=guide")
    assert counts(cat, "country") == {"SN": 1, "CM": 1}
    assert counts(cat, "language") == {"fr": 1, "en": 1}
    assert counts(cat, "period") == {"2000-2009": 1, "2020-": 1}


def test_theme_counts_follow_country_filter(collection, taxonomy):
    cat = catalogue("country=SN")
    assert counts(cat, "theme") == {
        taxonomy["legislation"].slug: 1,
        taxonomy["financing"].slug: 1,
    }


def test_region_counts_count_each_resource_once(collection, fr_library):
    ResourcePageFactory(
        parent=fr_library,
        title="UEMOA et Sénégal",
        countries=[Country.objects.get(code="SN"), Country.objects.get(code="BJ")],
        regions=[Region.objects.get(slug="west-africa")],
    )
    assert counts(catalogue(""), "region")["west-africa"] == 3


MALFORMED_QUERIES = [
    "type=poem",
    "theme=no-such-theme",
    "country=ZZ",
    "country=%00",
    "region=atlantis",
    "language=xx",
    "period=1850-1900",
    "sort=random",
    "page=abc",
    "page=-3",
    "colour=blue",
    "theme=" + "x" * 5000,
]


def test_unknown_or_malformed_parameters_are_ignored(client, collection):
    for query in MALFORMED_QUERIES:
        response = client.get(f"/fr/library/?{query}")
        assert response.status_code == 200, query
        assert "MAS Gestion" in response.content.decode(), query


def test_page_number_past_the_end_shows_the_last_page(client, collection):
    response = client.get("/fr/library/?page=99999")
    assert response.status_code == 200
    assert "MAS Gestion" in response.content.decode()


def test_unknown_value_is_ignored_but_known_one_still_filters(collection):
    assert titles(catalogue("type=poem&type=software")) == {"MAS Gestion"}


def test_sort_by_title(collection):
    ordered = [resource.title for resource in catalogue("sort=title").results()]
    # Accented initials sort by the database's collation: compare ASCII titles only.
    ascii_titles = [title for title in ordered if title[0].isascii()]
    assert ascii_titles == ["Guide Cameroun", "Guide Sénégal", "MAS Gestion"]


def test_sort_newest_puts_latest_publication_first(collection):
    ordered = [resource.title for resource in catalogue("sort=newest").results()]
    assert ordered[0] == "Guide Cameroun"
    assert ordered[-1] == "MAS Gestion"


def test_sort_by_downloads(collection):
    document_file = ResourceFileFactory(resource=collection["software"])
    DownloadCount.objects.create(
        resource=collection["software"], document=document_file.document,
        month="2026-01-01", count=40,
    )  # fmt: skip
    ordered = [resource.title for resource in catalogue("sort=downloads").results()]
    assert ordered[0] == "MAS Gestion"


def test_catalogue_paginates(client, fr_library):
    for number in range(25):
        ResourcePageFactory(parent=fr_library, title=f"Ressource numéro {number:02d}")
    first = client.get("/fr/library/?sort=title").content.decode()
    second = client.get("/fr/library/?sort=title&page=2").content.decode()
    assert "Ressource numéro 00" in first and "Ressource numéro 24" not in first
    assert "Ressource numéro 24" in second


def test_filtered_view_has_a_shareable_url_that_keeps_filters_across_pages(client, fr_library):
    for number in range(25):
        ResourcePageFactory(parent=fr_library, resource_type="study", title=f"Étude {number}")
    html = client.get("/fr/library/?type=study").content.decode()
    next_link = BeautifulSoup(html, "html.parser").find("a", rel="next")["href"]
    assert "type=study" in next_link and "page=2" in next_link


def test_catalogue_form_works_without_javascript(client, collection):
    soup = BeautifulSoup(client.get("/fr/library/").content, "html.parser")
    form = soup.find("form", class_="facets")
    assert form["method"] == "get"
    assert form.find("input", attrs={"name": "type", "value": "guide"}) is not None
    assert form.find("button", type="submit") is not None


def test_selected_options_are_checked_and_removable(client, collection):
    soup = BeautifulSoup(client.get("/fr/library/?type=guide").content, "html.parser")
    assert soup.find("input", attrs={"name": "type", "value": "guide"}).has_attr("checked")
    remove = soup.select_one(".active-filters li a")
    assert "type=guide" not in remove["href"]


def test_empty_result_explains_itself_and_offers_to_clear_filters(client, collection):
    response = client.get("/fr/library/?type=software&country=SN")
    soup = BeautifulSoup(response.content, "html.parser")
    empty = soup.find(class_="empty-result")
    assert empty is not None
    clear = empty.find("a")
    assert clear["href"] == "?"
    assert "MAS Gestion" not in response.content.decode()


def test_english_catalogue_lists_untranslated_french_resources_once(client, libraries):
    fr_only = ResourcePageFactory(parent=libraries["fr"], title="Seulement en français")
    translated = ResourcePageFactory(parent=libraries["fr"], title="Version française")
    ResourcePageFactory(
        parent=libraries["en"], title="English version",
        locale=Locale.objects.get(language_code="en"), translation_key=translated.translation_key,
    )  # fmt: skip
    html = client.get("/en/library/").content.decode()
    assert fr_only.title in html
    assert "English version" in html
    assert "Version française" not in html


def _query_count_for(client, django_assert_max_num_queries, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize(
    "query",
    [
        "",
        "type=guide&theme=health-financing&country=SN&language=fr&period=2000-2009",
        "sort=downloads",
    ],
)
def test_catalogue_query_count_does_not_grow_with_resources(
    client, fr_library, taxonomy, django_assert_max_num_queries, query
):
    def add(count):
        for _number in range(count):
            ResourcePageFactory(
                parent=fr_library, themes=[taxonomy["financing"]], countries=[taxonomy["SN"]],
                languages=[taxonomy["fr"]], publication_year=2005,
            )  # fmt: skip

    add(5)
    client.get(f"/fr/library/?{query}")  # warm Wagtail's per-process caches
    with_five = _query_count_for(client, django_assert_max_num_queries, f"/fr/library/?{query}")
    add(45)
    with django_assert_max_num_queries(with_five):
        client.get(f"/fr/library/?{query}")
    with django_assert_max_num_queries(32):
        client.get(f"/fr/library/?{query}")


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/resources/",
        "/api/v1/resources/?type=guide&theme=health-financing",
        "/fr/library/feeds/rss/",
        "/fr/library/feeds/atom/",
    ],
)
def test_api_and_feeds_query_count_does_not_grow_with_resources(
    client, fr_library, taxonomy, django_assert_max_num_queries, url
):
    def add(count):
        for _number in range(count):
            ResourcePageFactory(
                parent=fr_library, resource_type="guide", themes=[taxonomy["financing"]],
                countries=[taxonomy["SN"]], languages=[taxonomy["fr"]],
            )  # fmt: skip

    add(3)
    client.get(url)  # warm Wagtail's per-process caches
    with_three = _query_count_for(client, django_assert_max_num_queries, url)
    add(20)
    with django_assert_max_num_queries(with_three):
        client.get(url)
