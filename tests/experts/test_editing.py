"""Building and editing a CV step by step, and the bad input each step refuses."""

import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from experts.models import ExpertEditLog, ExpertProfile, WorkExperience
from experts.permissions import Visibility
from portal.models import Theme
from tests.experts.factories import (
    ExpertProfileFactory,
    LanguageSkillFactory,
    WorkExperienceFactory,
)
from tests.experts.files import png_bytes
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


def formset_data(prefix: str, rows: list[dict], initial: int = 0) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(len(rows)),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
    return data


def job(role: str, start: str, end: str = "", kind: str = "employment") -> dict:
    return {
        "role": role,
        "organisation": "Mutuelle",
        "country": "SN",
        "kind": kind,
        "start_date": start,
        "end_date": end,
        "description": "",
    }


@pytest.fixture
def expert(client, site_pages, member):
    """The logged-in member with a profile of their own."""
    client.force_login(member)
    return ExpertProfileFactory(user=member, visibility=Visibility.STAFF)


def test_first_step_creates_the_profile_of_the_logged_in_member(client, site_pages, member):
    client.force_login(member)

    response = client.post(
        "/en/experts/me/edit/about/",
        {"headline": "Health economist", "availability": "available", "continue": ""},
    )

    profile = ExpertProfile.objects.get(user=member)
    assert profile.headline == "Health economist"
    assert response.status_code == 302
    assert response.url == "/en/experts/me/edit/languages/"


def test_new_profile_is_visible_to_staff_only_until_the_expert_opens_it(client, site_pages, member):
    client.force_login(member)

    client.post("/en/experts/me/edit/about/", {"headline": "Actuary", "availability": "available"})

    assert ExpertProfile.objects.get(user=member).visibility == Visibility.STAFF


def test_later_steps_send_a_member_without_profile_to_the_first_step(client, site_pages, member):
    client.force_login(member)

    response = client.get("/en/experts/me/edit/work/")

    assert response.status_code == 302
    assert response.url == "/en/experts/me/edit/about/"


def test_unverified_user_cannot_create_a_profile(client, site_pages):
    unverified = UserFactory(verified=False)
    client.force_login(unverified)

    response = client.post(
        "/en/experts/me/edit/about/", {"headline": "Actuary", "availability": "available"}
    )

    assert response.status_code == 403
    assert "verified" in response.content.decode()
    assert not ExpertProfile.objects.exists()


def test_anonymous_visitor_is_asked_to_log_in_to_edit(client, site_pages):
    response = client.get("/en/experts/me/edit/about/")

    assert response.status_code == 302
    assert "/accounts/login/" in response.url


def test_unknown_step_is_not_found(client, expert):
    assert client.get("/en/experts/me/edit/salary/").status_code == 404


def test_each_step_page_renders_for_the_owner(client, expert):
    for step in (
        "about", "languages", "expertise", "work", "education", "trainings",
        "publications", "cv-file", "privacy",
    ):  # fmt: skip
        assert client.get(f"/en/experts/me/edit/{step}/").status_code == 200, step


def test_languages_step_saves_levels(client, expert):
    client.post(
        "/en/experts/me/edit/languages/",
        formset_data(
            "languages",
            [{"language": "fr", "level": "7"}, {"language": "en", "level": "5"}],
        ),
    )

    levels = dict(expert.languages.values_list("language", "level"))
    assert levels == {"fr": 7, "en": 5}


def test_cefr_level_outside_a1_to_c2_is_refused_with_a_clear_message(client, expert):
    response = client.post(
        "/en/experts/me/edit/languages/",
        formset_data("languages", [{"language": "fr", "level": "D1"}]),
    )

    assert response.status_code == 400
    assert "Choose a level from A1 to C2" in response.content.decode()
    assert not expert.languages.exists()


def test_out_of_range_numeric_level_is_refused(client, expert):
    response = client.post(
        "/en/experts/me/edit/languages/",
        formset_data("languages", [{"language": "fr", "level": "9"}]),
    )

    assert response.status_code == 400
    assert not expert.languages.exists()


def test_same_language_twice_is_refused(client, expert):
    response = client.post(
        "/en/experts/me/edit/languages/",
        formset_data(
            "languages", [{"language": "fr", "level": "7"}, {"language": "fr", "level": "3"}]
        ),
    )

    assert response.status_code == 400
    assert "This language is already listed." in response.content.decode()


def test_level_errors_are_shown_in_french_on_french_pages(client, expert):
    response = client.post(
        "/fr/experts/me/edit/languages/",
        formset_data("languages", [{"language": "fr", "level": "D1"}]),
    )

    assert response.status_code == 400
    assert '<html lang="fr">' in response.content.decode()


def test_reversed_work_dates_are_refused_on_the_end_date(client, expert):
    response = client.post(
        "/en/experts/me/edit/work/",
        formset_data("work", [job("Actuary", "2019-05", "2018-02")]),
    )

    assert response.status_code == 400
    assert "The end date is before the start date." in response.content.decode()
    assert not WorkExperience.objects.exists()


def test_overlapping_jobs_are_refused_with_both_roles_named(client, expert):
    response = client.post(
        "/en/experts/me/edit/work/",
        formset_data(
            "work",
            [job("Actuary", "2015-01", "2019-12"), job("Mutual manager", "2018-03", "2020-06")],
        ),
    )

    body = response.content.decode()
    assert response.status_code == 400
    assert "Two jobs overlap: “Actuary” and “Mutual manager”" in body
    assert not WorkExperience.objects.exists()


def test_a_job_overlapping_an_ongoing_one_is_refused(client, expert):
    WorkExperienceFactory(profile=expert, role="Director", start_date="2020-01-01", end_date=None)
    existing = expert.work_history.get()

    response = client.post(
        "/en/experts/me/edit/work/",
        formset_data(
            "work",
            [
                {**job("Director", "2020-01"), "id": str(existing.pk)},
                job("Coordinator", "2023-01", "2023-06"),
            ],
            initial=1,
        ),
    )

    assert response.status_code == 400
    assert expert.work_history.count() == 1


def test_consultancies_may_overlap_a_job(client, expert):
    response = client.post(
        "/en/experts/me/edit/work/",
        formset_data(
            "work",
            [
                job("Actuary", "2015-01", "2019-12"),
                job("Feasibility study", "2018-03", "2018-06", kind="consultancy"),
            ],
        ),
    )

    assert response.status_code == 302
    assert expert.work_history.count() == 2


def test_changing_jobs_within_a_month_is_not_an_overlap(client, expert):
    response = client.post(
        "/en/experts/me/edit/work/",
        formset_data("work", [job("Actuary", "2015-01", "2019-03"), job("Director", "2019-03")]),
    )

    assert response.status_code == 302


def test_html_in_a_headline_is_refused_with_a_clear_message(client, expert):
    response = client.post(
        "/en/experts/me/edit/about/",
        {"headline": "<script>alert(1)</script>Actuary", "availability": "available"},
    )

    assert response.status_code == 400
    assert "HTML is not allowed here. Please write plain text." in response.content.decode()
    expert.refresh_from_db()
    assert "script" not in expert.headline


def test_html_in_a_work_role_is_refused(client, expert):
    response = client.post(
        "/en/experts/me/edit/work/",
        formset_data("work", [job('<img src=x onerror="alert(1)">', "2015-01", "2016-01")]),
    )

    assert response.status_code == 400
    assert "HTML is not allowed here" in response.content.decode()


def test_html_in_the_summary_is_stripped_when_shown(client, site_pages, expert):
    client.post(
        "/en/experts/me/edit/about/",
        {
            "headline": "Actuary",
            "summary": "Hello <script>alert('x')</script> **world**",
            "availability": "available",
        },
    )

    body = client.get(f"/en/experts/{expert.pk}/").content.decode()

    assert "<strong>world</strong>" in body
    assert "<script>alert" not in body


def test_a_start_date_with_not_available_is_refused(client, expert):
    response = client.post(
        "/en/experts/me/edit/about/",
        {"headline": "Actuary", "availability": "unavailable", "available_from": "2030-01-01"},
    )

    assert response.status_code == 400
    assert "A start date only makes sense" in response.content.decode()


def test_publication_needs_a_reference_or_a_link(client, expert):
    response = client.post(
        "/en/experts/me/edit/publications/",
        formset_data("publications", [{"reference": "", "url": "", "year": "2010"}]),
    )

    assert response.status_code == 400
    assert "Give the publication" in response.content.decode()


def test_entries_can_be_removed(client, expert):
    skill = LanguageSkillFactory(profile=expert, language="fr", level=7)

    client.post(
        "/en/experts/me/edit/languages/",
        formset_data(
            "languages",
            [{"id": str(skill.pk), "language": "fr", "level": "7", "DELETE": "on"}],
            initial=1,
        ),
    )

    assert not expert.languages.exists()


def test_expertise_step_saves_themes_and_countries(client, expert):
    theme = Theme.objects.get(slug_en="feasibility-studies")
    data = formset_data("expertise", [{"theme": str(theme.pk), "years": "12"}])
    data["experience_countries"] = ["SN", "ML"]

    response = client.post("/en/experts/me/edit/expertise/", data)

    assert response.status_code == 302
    assert list(expert.expertise.values_list("theme__slug_en", "years")) == [
        ("feasibility-studies", 12)
    ]
    assert set(expert.experience_countries.values_list("code", flat=True)) == {"SN", "ML"}


def test_privacy_step_sets_members_only(client, expert):
    response = client.post(
        "/en/experts/me/edit/privacy/", {"visibility": "members", "continue": ""}
    )

    expert.refresh_from_db()
    assert expert.visibility == Visibility.MEMBERS
    # The last step leads to the finished profile.
    assert response.url == f"/en/experts/{expert.pk}/"


def test_photo_is_checked_like_an_avatar(client, expert):
    response = client.post(
        "/en/experts/me/edit/about/",
        {
            "headline": "Actuary",
            "availability": "available",
            "photo": SimpleUploadedFile("me.png", b"MZ not an image", content_type="image/png"),
        },
    )

    assert response.status_code == 400
    expert.refresh_from_db()
    assert not expert.photo


def test_replacing_the_photo_removes_the_old_file(
    client, expert, django_capture_on_commit_callbacks
):
    def upload(name):
        return SimpleUploadedFile(name, png_bytes(), content_type="image/png")

    client.post(
        "/en/experts/me/edit/about/",
        {"headline": "Actuary", "availability": "available", "photo": upload("one.png")},
    )
    expert.refresh_from_db()
    first = expert.photo.path

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/en/experts/me/edit/about/",
            {"headline": "Actuary", "availability": "available", "photo": upload("two.png")},
        )

    expert.refresh_from_db()
    assert os.path.exists(expert.photo.path)
    assert not os.path.exists(first)


def test_editing_a_validated_profile_keeps_the_badge_and_logs_the_change(client, expert):
    expert.is_validated = True
    expert.save()

    client.post(
        "/en/experts/me/edit/about/",
        {"headline": "Senior actuary", "availability": "partial"},
    )

    expert.refresh_from_db()
    assert expert.is_validated
    entry = ExpertEditLog.objects.get(profile=expert)
    assert entry.section == "about"
    assert set(entry.changed_fields) >= {"headline", "availability"}
    assert entry.editor == expert.user


def test_editing_an_unvalidated_profile_is_not_logged(client, expert):
    client.post("/en/experts/me/edit/about/", {"headline": "Actuary", "availability": "partial"})

    assert not ExpertEditLog.objects.exists()


def test_saving_an_unchanged_step_of_a_validated_profile_logs_nothing(client, expert):
    expert.is_validated = True
    expert.save()

    client.post("/en/experts/me/edit/privacy/", {"visibility": expert.visibility})

    assert not ExpertEditLog.objects.exists()
