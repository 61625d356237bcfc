"""Invitations by email: signed, expiring, single-use links that bring the invitee in."""

import re
from urllib.parse import quote

import pytest
from allauth.account.models import EmailAddress
from django.core import signing
from django.urls import reverse

from projects.models import Invitation, Membership, Role
from projects.services.membership import invitation_token
from tests.portal.factories import UserFactory

from .conftest import member_of
from .factories import InvitationFactory, WorkspaceFactory

pytestmark = pytest.mark.django_db


def invitation_url(token: str) -> str:
    return reverse("projects:invitation", kwargs={"token": token})


def test_coordinator_invites_addresses_and_each_gets_a_link(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    workspace = WorkspaceFactory(membership_policy="invitation")
    client.force_login(member_of(workspace, Role.COORDINATOR))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("projects:invite", kwargs={"slug": workspace.slug}),
            {"emails": "awa@example.org, youssef@example.org", "role": "member"},
        )

    assert response.status_code == 302
    assert sorted(Invitation.objects.values_list("email", flat=True)) == [
        "awa@example.org",
        "youssef@example.org",
    ]
    assert sorted(message.to[0] for message in mailoutbox) == [
        "awa@example.org",
        "youssef@example.org",
    ]
    assert "/projects/invitations/" in mailoutbox[0].body


def test_people_already_in_are_not_invited_again(client):
    workspace = WorkspaceFactory()
    coordinator = member_of(workspace, Role.COORDINATOR)
    client.force_login(coordinator)

    client.post(
        reverse("projects:invite", kwargs={"slug": workspace.slug}),
        {"emails": coordinator.email.upper(), "role": "member"},
    )

    assert not Invitation.objects.exists()


def test_invalid_addresses_get_a_field_error(client):
    workspace = WorkspaceFactory()
    client.force_login(member_of(workspace, Role.COORDINATOR))

    response = client.post(
        reverse("projects:invite", kwargs={"slug": workspace.slug}),
        {"emails": "awa@example.org\nnot-an-address", "role": "member"},
    )

    assert response.status_code == 400
    assert "not valid email addresses: not-an-address" in response.content.decode()
    assert not Invitation.objects.exists()


def test_member_cannot_invite(client):
    workspace = WorkspaceFactory()
    client.force_login(member_of(workspace))

    response = client.post(
        reverse("projects:invite", kwargs={"slug": workspace.slug}),
        {"emails": "awa@example.org", "role": "coordinator"},
    )

    assert response.status_code == 403
    assert not Invitation.objects.exists()


def test_invitee_with_an_account_accepts_and_joins_with_the_invited_role(client):
    invitee = UserFactory()
    invitation = InvitationFactory(email=invitee.email, role=Role.OBSERVER)
    client.force_login(invitee)

    response = client.post(invitation_url(invitation_token(invitation)))

    assert response["Location"] == invitation.workspace.get_absolute_url()
    assert Membership.objects.get(user=invitee).role == Role.OBSERVER
    invitation.refresh_from_db()
    assert invitation.accepted_by == invitee


def test_a_used_invitation_cannot_be_used_again(client):
    invitee = UserFactory()
    invitation = InvitationFactory(email=invitee.email)
    token = invitation_token(invitation)
    client.force_login(invitee)
    client.post(invitation_url(token))
    Membership.objects.filter(user=invitee).delete()

    response = client.post(invitation_url(token))

    assert response.status_code == 400
    assert "already been used" in response.content.decode()
    assert not Membership.objects.filter(user=invitee).exists()


def test_a_tampered_token_is_refused(client):
    invitee = UserFactory()
    invitation = InvitationFactory(email=invitee.email)
    token = invitation_token(invitation)
    client.force_login(invitee)

    response = client.post(invitation_url(token[:-2] + ("AA" if token[-2:] != "AA" else "BB")))

    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    assert not Membership.objects.exists()


def test_a_token_forged_for_another_invitation_is_refused(client):
    """Without the secret key nobody can sign; with a stolen id but a wrong nonce, nothing opens."""
    invitee = UserFactory()
    invitation = InvitationFactory(email=invitee.email)
    forged = signing.dumps({"i": invitation.pk, "n": "guessed"}, salt="projects.invitation")
    client.force_login(invitee)

    response = client.post(invitation_url(forged))

    assert response.status_code == 400
    assert not Membership.objects.exists()


def test_an_expired_token_is_refused(client, settings):
    settings.PROJECTS_INVITATION_MAX_AGE_DAYS = 0
    invitee = UserFactory()
    invitation = InvitationFactory(email=invitee.email)
    token = invitation_token(invitation)
    client.force_login(invitee)

    response = client.post(invitation_url(token))

    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert not Membership.objects.exists()


def test_a_revoked_invitation_is_refused(client):
    invitee = UserFactory()
    invitation = InvitationFactory(email=invitee.email)
    token = invitation_token(invitation)
    invitation.delete()
    client.force_login(invitee)

    response = client.post(invitation_url(token))

    assert response.status_code == 400
    assert not Membership.objects.exists()


def test_someone_else_cannot_use_a_forwarded_invitation(client):
    invitation = InvitationFactory(email="expert@example.org")
    client.force_login(UserFactory())

    response = client.post(invitation_url(invitation_token(invitation)), follow=True)

    assert "sent to another email address" in response.content.decode()
    assert not Membership.objects.exists()


def test_anonymous_visitor_is_offered_to_sign_up_and_come_back(client):
    invitation = InvitationFactory()
    url = invitation_url(invitation_token(invitation))

    response = client.get(url)

    content = response.content.decode()
    assert response.status_code == 200
    assert f"{reverse('account_signup')}?next={quote(url)}" in content
    assert invitation.workspace.name in content


def test_invited_person_without_account_signs_up_and_lands_in_the_workspace(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    """The whole path of a newcomer: invitation email, sign-up, email confirmation, joining."""
    workspace = WorkspaceFactory(membership_policy="invitation", visibility="secret")
    coordinator = member_of(workspace, Role.COORDINATOR)
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("projects:invite", kwargs={"slug": workspace.slug}),
            {"emails": "nouvelle@example.org", "role": "member"},
        )
    link = re.search(r"https?://[^/]+(/\S+/invitations/\S+/)", mailoutbox[-1].body).group(1)
    client.logout()

    client.post(
        f"{reverse('account_signup')}?next={link}",
        {
            "email": "nouvelle@example.org",
            "password1": "une-phrase-de-passe-longue",
            "password2": "une-phrase-de-passe-longue",
            "display_name": "Mariama Ba",
            "next": link,
        },
    )
    confirmation = re.search(r"https?://[^/]+(/\S+/confirm-email/\S+/)", mailoutbox[-1].body)
    response = client.post(confirmation.group(1))
    assert response["Location"] == link
    response = client.post(link)

    newcomer = EmailAddress.objects.get(email="nouvelle@example.org").user
    assert response["Location"] == workspace.get_absolute_url()
    assert Membership.objects.get(user=newcomer).role == Role.MEMBER
