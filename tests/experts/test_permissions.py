"""Who sees which profile, through every path that shows one."""

import pytest
from django.contrib.auth.models import AnonymousUser

from experts.models import ExpertProfile, LanguageSkill
from experts.permissions import Visibility
from tests.experts.factories import ExpertProfileFactory, LanguageSkillFactory
from tests.experts.files import pdf_upload
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_user():
    return UserFactory(role="Staff")


def test_anonymous_visitor_sees_only_public_profiles():
    public = ExpertProfileFactory(visibility=Visibility.PUBLIC)
    ExpertProfileFactory(visibility=Visibility.MEMBERS)
    ExpertProfileFactory(visibility=Visibility.STAFF)

    assert list(ExpertProfile.objects.visible_to(AnonymousUser())) == [public]


def test_member_sees_public_and_members_only_profiles(member):
    public = ExpertProfileFactory(visibility=Visibility.PUBLIC)
    members = ExpertProfileFactory(visibility=Visibility.MEMBERS)
    ExpertProfileFactory(visibility=Visibility.STAFF)

    assert set(ExpertProfile.objects.visible_to(member)) == {public, members}


def test_unverified_account_sees_public_profiles_only_as_in_search():
    unverified = UserFactory(verified=False)
    public = ExpertProfileFactory(visibility=Visibility.PUBLIC)
    ExpertProfileFactory(visibility=Visibility.MEMBERS)

    assert list(ExpertProfile.objects.visible_to(unverified)) == [public]


def test_member_sees_their_own_staff_only_profile(member):
    own = ExpertProfileFactory(user=member, visibility=Visibility.STAFF)

    assert list(ExpertProfile.objects.visible_to(member)) == [own]


def test_staff_see_every_profile(staff_user):
    profiles = {ExpertProfileFactory(visibility=visibility) for visibility in Visibility.values}

    assert set(ExpertProfile.objects.visible_to(staff_user)) == profiles


def test_moderator_does_not_see_staff_only_profiles():
    moderator = UserFactory(role="Moderator")
    ExpertProfileFactory(visibility=Visibility.STAFF)

    assert not ExpertProfile.objects.visible_to(moderator).exists()


def test_deactivated_member_sees_only_public_profiles(member):
    ExpertProfileFactory(visibility=Visibility.MEMBERS)
    member.is_active = False

    assert not ExpertProfile.objects.visible_to(member).exists()


@pytest.mark.parametrize("path", ["", "cv.pdf", "contact/"])
def test_anonymous_visitor_gets_not_found_for_members_only_profile(client, site_pages, path):
    profile = ExpertProfileFactory(visibility=Visibility.MEMBERS)

    response = client.get(f"/en/experts/{profile.pk}/{path}")

    # contact/ asks to log in first; the others must not reveal the profile exists.
    assert response.status_code in (302, 404)
    assert profile.headline not in response.content.decode()
    if path != "contact/":
        assert response.status_code == 404


@pytest.mark.parametrize("path", ["", "cv.pdf", "contact/", "cv-file/"])
def test_member_gets_not_found_for_another_members_staff_only_profile(
    client, site_pages, member, path
):
    profile = ExpertProfileFactory(
        visibility=Visibility.STAFF, cv_file=pdf_upload(), cv_downloadable=True
    )
    client.force_login(member)

    response = client.get(f"/en/experts/{profile.pk}/{path}")

    assert response.status_code == 404


def test_member_can_open_a_members_only_profile(client, site_pages, member):
    profile = ExpertProfileFactory(visibility=Visibility.MEMBERS)
    client.force_login(member)

    response = client.get(f"/en/experts/{profile.pk}/")

    assert response.status_code == 200
    assert profile.headline in response.content.decode()


def test_hidden_profiles_are_left_out_of_the_bank(client, site_pages):
    ExpertProfileFactory(visibility=Visibility.PUBLIC, headline="Visible actuary")
    ExpertProfileFactory(visibility=Visibility.MEMBERS, headline="Members-only actuary")
    ExpertProfileFactory(visibility=Visibility.STAFF, headline="Staff-only actuary")

    body = client.get("/en/experts/").content.decode()

    assert "Visible actuary" in body
    assert "Members-only actuary" not in body
    assert "Staff-only actuary" not in body


def test_cv_file_is_not_downloadable_unless_the_expert_allows_it(client, site_pages, member):
    profile = ExpertProfileFactory(cv_file=pdf_upload(), cv_downloadable=False)
    client.force_login(member)

    response = client.get(f"/en/experts/{profile.pk}/cv-file/")

    assert response.status_code == 404


def test_cv_file_is_downloadable_when_the_expert_allows_it(client, site_pages, member):
    profile = ExpertProfileFactory(cv_file=pdf_upload(), cv_downloadable=True)
    client.force_login(member)

    response = client.get(f"/en/experts/{profile.pk}/cv-file/")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_owner_can_download_their_own_cv_file_even_when_not_shared(client, site_pages, member):
    profile = ExpertProfileFactory(user=member, cv_file=pdf_upload(), cv_downloadable=False)
    client.force_login(member)

    response = client.get(f"/en/experts/{profile.pk}/cv-file/")

    assert response.status_code == 200


def test_member_cannot_validate_a_profile(client, site_pages, member):
    profile = ExpertProfileFactory()
    client.force_login(member)

    response = client.post(f"/en/experts/{profile.pk}/validation/", {"validated": "1"})

    assert response.status_code == 403
    profile.refresh_from_db()
    assert not profile.is_validated


def _forged_language_post(victim, **extra):
    return {
        "languages-TOTAL_FORMS": "1",
        "languages-INITIAL_FORMS": "1",
        "languages-0-id": str(victim.pk),
        "languages-0-language": "en",
        "languages-0-level": "1",
        **extra,
    }


def test_member_cannot_change_another_experts_entry_with_a_forged_id(client, site_pages, member):
    victim = LanguageSkillFactory(language="en", level=6)
    ExpertProfileFactory(user=member)
    client.force_login(member)

    response = client.post("/en/experts/me/edit/languages/", _forged_language_post(victim))

    assert response.status_code == 400
    victim.refresh_from_db()
    assert victim.level == 6


def test_member_cannot_delete_another_experts_entry_with_a_forged_id(client, site_pages, member):
    victim = LanguageSkillFactory(language="en", level=6)
    ExpertProfileFactory(user=member)
    client.force_login(member)

    client.post(
        "/en/experts/me/edit/languages/",
        _forged_language_post(victim, **{"languages-0-DELETE": "on"}),
    )

    assert LanguageSkill.objects.filter(pk=victim.pk, profile=victim.profile).exists()


def test_owner_export_is_for_the_owner_only(client, site_pages, member):
    ExpertProfileFactory(headline="Someone else's CV")
    client.force_login(member)

    response = client.get("/en/experts/me/export.json")

    # Members without a profile have nothing to export, and can't name another's.
    assert response.status_code == 404


def test_staff_only_profile_has_noindex_for_its_owner(client, site_pages, member):
    profile = ExpertProfileFactory(user=member, visibility=Visibility.STAFF)
    client.force_login(member)

    body = client.get(f"/en/experts/{profile.pk}/").content.decode()

    assert '<meta name="robots" content="noindex">' in body


def test_sitemap_lists_only_public_profiles(client, site_pages):
    public = ExpertProfileFactory(visibility=Visibility.PUBLIC)
    members = ExpertProfileFactory(visibility=Visibility.MEMBERS)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert public.get_absolute_url() in sitemap
    assert members.get_absolute_url() not in sitemap
