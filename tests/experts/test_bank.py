"""The bank page: search, filters, sorting, and a constant cost per page."""

import datetime

import pytest

from experts.languages import LanguageLevel
from experts.models import Availability
from portal.models import Region, Theme
from tests.experts.factories import (
    ExpertiseFactory,
    ExpertProfileFactory,
    LanguageSkillFactory,
    WorkExperienceFactory,
)

pytestmark = pytest.mark.django_db


def names_in(response) -> list[str]:
    return [profile.headline for profile in response.context["page_obj"]]


@pytest.fixture
def theme():
    return Theme.objects.get(slug_en="feasibility-studies")


def test_bank_filters_by_expertise_theme(client, site_pages, theme):
    ExpertiseFactory(profile__headline="Feasibility trainer", theme=theme)
    ExpertiseFactory(profile__headline="Lawyer", theme=Theme.objects.get(slug_en="governance"))

    response = client.get("/en/experts/", {"theme": "feasibility-studies"})

    assert names_in(response) == ["Feasibility trainer"]


def test_theme_filter_accepts_the_slug_of_the_other_language(client, site_pages, theme):
    ExpertiseFactory(profile__headline="Feasibility trainer", theme=theme)

    response = client.get("/en/experts/", {"theme": "etudes-de-faisabilite"})

    assert names_in(response) == ["Feasibility trainer"]


def test_bank_filters_by_country_of_experience_or_of_work_history(client, site_pages):
    declared = ExpertProfileFactory(headline="Declared Mali")
    declared.experience_countries.set(["ML"])
    WorkExperienceFactory(profile__headline="Worked in Mali", country_id="ML")
    WorkExperienceFactory(profile__headline="Worked in Senegal", country_id="SN")

    response = client.get("/en/experts/", {"country": "ML"})

    assert sorted(names_in(response)) == ["Declared Mali", "Worked in Mali"]


def test_bank_filters_by_region_through_its_countries(client, site_pages):
    in_region = ExpertProfileFactory(headline="Benin expert")
    in_region.experience_countries.set(["BJ"])
    by_region = ExpertProfileFactory(headline="UEMOA expert")
    by_region.experience_regions.set([Region.objects.get(slug="uemoa")])
    elsewhere = ExpertProfileFactory(headline="India expert")
    elsewhere.experience_countries.set(["IN"])

    response = client.get("/en/experts/", {"region": "uemoa"})

    assert sorted(names_in(response)) == ["Benin expert", "UEMOA expert"]


def test_bank_filters_by_language_with_a_minimum_level(client, site_pages):
    LanguageSkillFactory(profile__headline="Fluent", language="en", level=LanguageLevel.C1)
    LanguageSkillFactory(profile__headline="Beginner", language="en", level=LanguageLevel.A2)
    LanguageSkillFactory(profile__headline="French only", language="fr", level=LanguageLevel.C2)

    response = client.get("/en/experts/", {"language": "en", "level": LanguageLevel.B2})

    assert names_in(response) == ["Fluent"]


def test_bank_filters_by_availability_now(client, site_pages):
    ExpertProfileFactory(headline="Free now", availability=Availability.AVAILABLE)
    ExpertProfileFactory(headline="Partly", availability=Availability.PARTIAL)
    ExpertProfileFactory(
        headline="Free later",
        availability=Availability.AVAILABLE,
        available_from=datetime.date.today() + datetime.timedelta(days=60),
    )
    ExpertProfileFactory(headline="Busy", availability=Availability.UNAVAILABLE)

    now = client.get("/en/experts/", {"availability": "now"})
    partly = client.get("/en/experts/", {"availability": "partly"})

    assert names_in(now) == ["Free now"]
    assert sorted(names_in(partly)) == ["Free now", "Partly"]


def test_bank_filters_validated_experts_only(client, site_pages):
    ExpertProfileFactory(headline="Checked", is_validated=True)
    ExpertProfileFactory(headline="Not checked")

    response = client.get("/en/experts/", {"validated": "on"})

    assert names_in(response) == ["Checked"]


def test_keyword_search_matches_the_text_of_the_cv_file(client, site_pages):
    ExpertProfileFactory(headline="Consultant", cv_text="Built the MAS Gestion training kit")
    ExpertProfileFactory(headline="Other consultant")

    response = client.get("/en/experts/", {"q": "gestion"})

    assert names_in(response) == ["Consultant"]


def test_keyword_search_requires_every_word(client, site_pages):
    ExpertProfileFactory(headline="Actuary", keywords="pricing, reserves")
    ExpertProfileFactory(headline="Trainer", keywords="pricing, training")

    response = client.get("/en/experts/", {"q": "pricing reserves"})

    assert names_in(response) == ["Actuary"]


def test_relevance_puts_headline_matches_before_cv_text_matches(client, site_pages):
    ExpertProfileFactory(headline="Lawyer", summary="", cv_text="once met an actuary")
    ExpertProfileFactory(headline="Actuary", summary="")

    response = client.get("/en/experts/", {"q": "actuary", "sort": "relevance"})

    assert names_in(response) == ["Actuary", "Lawyer"]


def test_experience_sort_uses_years_in_the_filtered_theme(client, site_pages, theme):
    governance = Theme.objects.get(slug_en="governance")
    senior = ExpertiseFactory(profile__headline="Senior", theme=theme, years=20).profile
    junior = ExpertiseFactory(profile__headline="Junior", theme=theme, years=3).profile
    ExpertiseFactory(profile=junior, theme=governance, years=30)
    assert senior

    by_theme = client.get("/en/experts/", {"theme": theme.slug_en, "sort": "experience"})
    overall = client.get("/en/experts/", {"sort": "experience"})

    assert names_in(by_theme) == ["Senior", "Junior"]
    assert names_in(overall) == ["Junior", "Senior"]


def test_recently_updated_sort_shows_the_latest_first(client, site_pages):
    ExpertProfileFactory(headline="Older")
    ExpertProfileFactory(headline="Newer")

    response = client.get("/en/experts/", {"sort": "updated"})

    assert names_in(response) == ["Newer", "Older"]


def test_results_show_headline_expertise_countries_languages_and_availability(
    client, site_pages, theme
):
    profile = ExpertiseFactory(theme=theme, years=12, profile__headline="Trainer").profile
    profile.experience_countries.set(["BF"])
    LanguageSkillFactory(profile=profile, language="fr", level=LanguageLevel.NATIVE)

    body = client.get("/en/experts/").content.decode()

    assert "Trainer" in body
    assert "Feasibility studies, 12 years" in body
    assert "Burkina Faso" in body
    assert "French (Mother tongue)" in body
    assert "Available" in body


@pytest.mark.parametrize(
    "params",
    [
        {"level": "D1", "language": "en"},
        {"theme": "no-such-theme"},
        {"country": "XX"},
        {"region": "atlantis"},
        {"sort": "salary"},
        {"page": "999"},
        {"page": "-1"},
        {"level": "5"},
    ],
)
def test_bad_filters_are_reported_not_a_server_error(client, site_pages, params):
    LanguageSkillFactory(profile__headline="Still listed", language="en")

    response = client.get("/en/experts/", params)

    assert response.status_code == 200
    assert "Still listed" in response.content.decode()


def test_bad_level_filter_says_what_is_expected(client, site_pages):
    response = client.get("/en/experts/", {"language": "en", "level": "D1"})

    assert "Choose a level from A1 to C2" in response.content.decode()


def _make_experts(count: int, theme) -> None:
    for index in range(count):
        profile = ExpertiseFactory(theme=theme, years=index % 30).profile
        profile.experience_countries.set(["SN", "ML"])
        LanguageSkillFactory(profile=profile, language="fr", level=LanguageLevel.C2)
        LanguageSkillFactory(profile=profile, language="en", level=LanguageLevel.B2)


@pytest.mark.parametrize("count", [5, 40])
def test_filtered_bank_page_costs_the_same_queries_for_5_or_40_experts(
    client, site_pages, member, theme, django_assert_max_num_queries, count
):
    _make_experts(count, theme)
    client.force_login(member)
    client.get("/en/experts/")  # warm the session and the site caches

    # Session, user, permissions (2), the member's groups and verified address
    # (what "members only" means), themes, regions, count, page, three
    # prefetches, the member's own profile, and the layout's site and menu.
    with django_assert_max_num_queries(18):
        response = client.get(
            "/en/experts/",
            {
                "theme": theme.slug_en,
                "country": "SN",
                "language": "en",
                "level": "3",
                "q": "health",
            },
        )

    assert response.status_code == 200
    assert len(response.context["page_obj"]) == min(count, 20)
