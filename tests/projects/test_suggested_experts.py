"""Suggested experts: ranked by theme, country and language; only profiles the coordinator sees."""

import pytest
from django.urls import reverse

from experts.permissions import Visibility
from portal.models import Theme
from projects.models import Invitation, Role
from projects.services.experts import suggested_experts
from tests.experts.factories import ExpertiseFactory, ExpertProfileFactory, LanguageSkillFactory

from .conftest import member_of
from .factories import WorkspaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def workspace():
    return WorkspaceFactory(
        themes=[Theme.objects.get(slug_en="social-marketing")], countries=["BJ"], languages=["fr"]
    )


def expert(theme=None, countries=(), language=None, **fields):
    profile = ExpertProfileFactory(**fields)
    if theme:
        ExpertiseFactory(profile=profile, theme=Theme.objects.get(slug_en=theme))
    profile.experience_countries.set(countries)
    if language:
        LanguageSkillFactory(profile=profile, language=language)
    return profile


def test_experts_are_ranked_by_theme_then_country_then_language(workspace):
    by_language = expert(language="fr")
    by_theme_and_country = expert(theme="social-marketing", countries=["BJ"])
    by_country = expert(countries=["BJ"])
    expert(theme="hiv-aids", countries=["KE"], language="sw")  # matches nothing
    coordinator = member_of(workspace, Role.COORDINATOR)

    ranked = list(suggested_experts(workspace, coordinator))

    assert ranked == [by_theme_and_country, by_country, by_language]


def test_profiles_the_coordinator_may_not_see_are_never_suggested(workspace):
    expert(theme="social-marketing", visibility=Visibility.STAFF)
    coordinator = member_of(workspace, Role.COORDINATOR)

    assert list(suggested_experts(workspace, coordinator)) == []


def test_members_already_in_the_workspace_are_not_suggested(workspace):
    profile = expert(theme="social-marketing")
    workspace.memberships.create(user=profile.user, role=Role.MEMBER)
    coordinator = member_of(workspace, Role.COORDINATOR)

    assert list(suggested_experts(workspace, coordinator)) == []


def test_coordinator_invites_a_suggested_expert_in_one_click(
    client, workspace, mailoutbox, django_capture_on_commit_callbacks
):
    profile = expert(theme="social-marketing")
    client.force_login(member_of(workspace, Role.COORDINATOR))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse(
                "projects:invite_expert",
                kwargs={"slug": workspace.slug, "profile_id": profile.pk},
            )
        )

    assert Invitation.objects.get(workspace=workspace).email == profile.user.email.lower()
    assert mailoutbox[-1].to == [profile.user.email.lower()]


def test_invite_page_shows_suggestions_by_name_never_their_email(client, workspace):
    profile = expert(theme="social-marketing")
    client.force_login(member_of(workspace, Role.COORDINATOR))
    url = reverse("projects:invite", kwargs={"slug": workspace.slug})
    client.post(
        reverse("projects:invite_expert", kwargs={"slug": workspace.slug, "profile_id": profile.pk})
    )

    content = client.get(url).content.decode()

    assert profile.user.public_name in content
    assert "Invited, not yet accepted" in content
    assert profile.user.email not in content


def test_crafted_invitation_of_a_hidden_profile_is_not_found(client, workspace):
    hidden = expert(theme="social-marketing", visibility=Visibility.STAFF)
    client.force_login(member_of(workspace, Role.COORDINATOR))

    response = client.post(
        reverse("projects:invite_expert", kwargs={"slug": workspace.slug, "profile_id": hidden.pk})
    )

    assert response.status_code == 404
    assert not Invitation.objects.exists()


def test_member_cannot_invite_a_suggested_expert(client, workspace):
    profile = expert(theme="social-marketing")
    client.force_login(member_of(workspace))

    response = client.post(
        reverse("projects:invite_expert", kwargs={"slug": workspace.slug, "profile_id": profile.pk})
    )

    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_members_tab_links_to_expert_profiles_the_viewer_may_see(client, workspace):
    shown = expert(visibility=Visibility.MEMBERS)
    hidden = expert(visibility=Visibility.STAFF)
    for profile in (shown, hidden):
        workspace.memberships.create(user=profile.user, role=Role.MEMBER)
    client.force_login(member_of(workspace))

    content = client.get(reverse("projects:members", kwargs={"slug": workspace.slug})).content

    assert shown.get_absolute_url() in content.decode()
    assert hidden.get_absolute_url() not in content.decode()
