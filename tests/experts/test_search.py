"""Expert profiles in the unified search: findable by who may see them, updated on change."""

from django.contrib.auth.models import AnonymousUser

from experts.permissions import Visibility
from portal.models import Theme
from search import services
from tests.experts.factories import ExpertiseFactory, ExpertProfileFactory
from tests.experts.files import pdf_upload
from tests.portal.factories import UserFactory


def found(text, user=None) -> list[str]:
    params = {"type": ["experts"]}
    outcome = services.search(text, user or AnonymousUser(), params)
    return [item.hit.title for item in outcome.items]


def test_public_profile_is_found_by_anyone(search_backend):
    ExpertProfileFactory(user__display_name="Kadiatou Traore", headline="Actuary")

    assert found("actuary") == ["Kadiatou Traore"]


def test_members_only_profile_is_hidden_from_anonymous_search(search_backend):
    ExpertProfileFactory(visibility=Visibility.MEMBERS, headline="Actuary")

    assert found("actuary") == []


def test_members_only_profile_is_found_by_members(search_backend, member):
    ExpertProfileFactory(
        visibility=Visibility.MEMBERS, headline="Actuary", user__display_name="Rohan Menon"
    )

    assert found("actuary", member) == ["Rohan Menon"]


def test_staff_only_profile_is_found_by_staff_but_not_by_editors(search_backend):
    ExpertProfileFactory(
        visibility=Visibility.STAFF, headline="Actuary", user__display_name="Fatimata Sow"
    )

    assert found("actuary", UserFactory(role="Staff")) == ["Fatimata Sow"]
    assert found("actuary", UserFactory(role="Editor")) == []
    assert found("actuary", UserFactory()) == []


def test_owner_finds_their_own_staff_only_profile(search_backend):
    profile = ExpertProfileFactory(visibility=Visibility.STAFF, headline="Actuary")

    assert found("actuary", profile.user) == [profile.name]


def test_changing_visibility_updates_the_index(search_backend):
    profile = ExpertProfileFactory(visibility=Visibility.PUBLIC, headline="Actuary")

    profile.visibility = Visibility.STAFF
    profile.save()

    assert found("actuary") == []


def test_deleted_profile_leaves_the_index(search_backend):
    profile = ExpertProfileFactory(headline="Actuary")

    profile.delete()

    assert found("actuary") == []


def test_expertise_saved_through_the_editing_flow_is_searchable(
    search_backend, client, site_pages, member
):
    profile = ExpertProfileFactory(user=member, headline="Consultant")
    theme = Theme.objects.get(slug_en="governance")
    client.force_login(member)

    client.post(
        "/en/experts/me/edit/expertise/",
        {
            "expertise-TOTAL_FORMS": "1",
            "expertise-INITIAL_FORMS": "0",
            "expertise-0-theme": str(theme.pk),
            "expertise-0-years": "7",
        },
    )

    assert found("governance") == [profile.name]


def test_text_of_the_cv_file_is_searchable(search_backend, client, site_pages, member):
    profile = ExpertProfileFactory(user=member, headline="Consultant")
    client.force_login(member)

    client.post("/en/experts/me/edit/cv-file/", {"cv_file": pdf_upload("Reinsurance pools")})

    assert found("reinsurance") == [profile.name]


def test_renaming_the_member_renames_the_document(search_backend):
    profile = ExpertProfileFactory(headline="Actuary", user__display_name="Old Name")

    profile.user.display_name = "New Name"
    profile.user.save()

    assert found("actuary") == ["New Name"]


def test_autocomplete_suggests_expert_names(search_backend):
    ExpertiseFactory(profile__user__display_name="Kadiatou Traore")

    labels = [suggestion.label for suggestion in services.autocomplete("Kadi", AnonymousUser())]

    assert "Kadiatou Traore" in labels


def test_autocomplete_hides_names_of_members_only_profiles(search_backend):
    ExpertProfileFactory(visibility=Visibility.MEMBERS, user__display_name="Kadiatou Traore")

    assert services.autocomplete("Kadi", AnonymousUser()) == []


def test_search_api_returns_public_profiles(search_backend, client):
    ExpertProfileFactory(headline="Actuary", user__display_name="Rohan Menon")

    data = client.get("/api/v1/search", {"q": "actuary", "type": "experts"}).json()

    assert [result["title"] for result in data["results"]] == ["Rohan Menon"]


def test_search_api_never_returns_members_only_or_staff_only_profiles_to_visitors(
    search_backend, client
):
    ExpertProfileFactory(visibility=Visibility.MEMBERS, headline="Actuary")
    ExpertProfileFactory(visibility=Visibility.STAFF, headline="Actuary")

    data = client.get("/api/v1/search", {"q": "actuary"}).json()

    assert data["count"] == 0


def test_search_api_never_returns_staff_only_profiles_to_members(search_backend, client, member):
    ExpertProfileFactory(visibility=Visibility.STAFF, headline="Actuary")
    client.force_login(member)

    data = client.get("/api/v1/search", {"q": "actuary"}).json()

    assert data["count"] == 0
