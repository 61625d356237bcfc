"""Joining, requests to join, leaving, roles and removals, and the bad input around them."""

import pytest
from django.urls import reverse

from projects.models import JoinRequest, Membership, Role
from tests.portal.factories import UserFactory

from .conftest import member_of
from .factories import JoinRequestFactory, WorkspaceFactory

pytestmark = pytest.mark.django_db


def url(name, workspace, **kwargs):
    return reverse(name, kwargs={"slug": workspace.slug, **kwargs})


def test_verified_member_joins_an_open_workspace(client, member):
    workspace = WorkspaceFactory(membership_policy="open")
    client.force_login(member)

    response = client.post(url("projects:join", workspace))

    assert response.status_code == 302
    assert Membership.objects.get(workspace=workspace, user=member).role == Role.MEMBER


def test_joining_is_recorded_in_the_activity_stream(client, member):
    workspace = WorkspaceFactory(membership_policy="open")
    client.force_login(member)

    client.post(url("projects:join", workspace))

    assert workspace.activity.filter(verb="joined", actor=member).exists()


def test_unverified_account_cannot_join(client):
    workspace = WorkspaceFactory(membership_policy="open")
    unverified = UserFactory(verified=False)
    client.force_login(unverified)

    response = client.post(url("projects:join", workspace), follow=True)

    assert not Membership.objects.filter(user=unverified).exists()
    assert "Confirm your email address" in response.content.decode()


def test_crafted_join_post_to_invitation_only_workspace_is_refused(client, member):
    workspace = WorkspaceFactory(membership_policy="invitation")
    client.force_login(member)

    response = client.post(url("projects:join", workspace), follow=True)

    assert not Membership.objects.filter(workspace=workspace, user=member).exists()
    assert "invitation only" in response.content.decode()


def test_crafted_join_post_to_on_request_workspace_is_refused(client, member):
    workspace = WorkspaceFactory(membership_policy="on_request")
    client.force_login(member)

    response = client.post(url("projects:join", workspace), follow=True)

    assert not Membership.objects.filter(workspace=workspace, user=member).exists()
    assert "send a request to join" in response.content.decode()


def test_crafted_join_post_to_secret_workspace_answers_not_found(client, member):
    workspace = WorkspaceFactory(membership_policy="open", visibility="secret")
    client.force_login(member)

    response = client.post(url("projects:join", workspace))

    assert response.status_code == 404
    assert not Membership.objects.filter(workspace=workspace, user=member).exists()


def test_archived_workspace_takes_no_new_member(client, member):
    workspace = WorkspaceFactory(membership_policy="open", status="archived")
    client.force_login(member)

    response = client.post(url("projects:join", workspace), follow=True)

    assert not Membership.objects.filter(workspace=workspace, user=member).exists()
    assert "archived" in response.content.decode()


def test_anonymous_join_is_sent_to_log_in(client):
    workspace = WorkspaceFactory(membership_policy="open")

    response = client.post(url("projects:join", workspace))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_member_sends_a_request_with_a_message(client, member, django_capture_on_commit_callbacks):
    workspace = WorkspaceFactory(membership_policy="on_request")
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("projects:request", workspace), {"message": "J'utilise MAS Pilote à Thiès."}
        )

    assert response.status_code == 302
    join_request = JoinRequest.objects.get(workspace=workspace, user=member)
    assert join_request.status == JoinRequest.Status.PENDING
    assert join_request.message == "J'utilise MAS Pilote à Thiès."


def test_coordinators_are_emailed_about_a_request(
    client, member, mailoutbox, django_capture_on_commit_callbacks
):
    workspace = WorkspaceFactory(membership_policy="on_request")
    coordinator = member_of(workspace, Role.COORDINATOR)
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("projects:request", workspace), {"message": "Bonjour"})

    assert [message.to for message in mailoutbox] == [[coordinator.email]]
    assert member.public_name in mailoutbox[0].body
    # Written in the coordinator's language (French by default).
    assert f"/fr/projects/{workspace.slug}/requests/" in mailoutbox[0].body


def test_a_second_pending_request_is_refused_with_a_message(client, member):
    join_request = JoinRequestFactory(user=member)
    client.force_login(member)

    response = client.post(url("projects:request", join_request.workspace), follow=True)

    assert JoinRequest.objects.filter(user=member).count() == 1
    assert "already waiting" in response.content.decode()


def test_coordinator_approves_a_request(client, django_capture_on_commit_callbacks, mailoutbox):
    join_request = JoinRequestFactory()
    workspace = join_request.workspace
    client.force_login(member_of(workspace, Role.COORDINATOR))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("projects:decide", workspace, pk=join_request.pk),
            {f"r{join_request.pk}-decision": "approve"},
        )

    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.APPROVED
    assert Membership.objects.filter(workspace=workspace, user=join_request.user).exists()
    assert mailoutbox[-1].to == [join_request.user.email]


def test_declining_needs_a_reason(client):
    join_request = JoinRequestFactory()
    workspace = join_request.workspace
    client.force_login(member_of(workspace, Role.COORDINATOR))

    response = client.post(
        url("projects:decide", workspace, pk=join_request.pk),
        {f"r{join_request.pk}-decision": "decline", f"r{join_request.pk}-reason": ""},
    )

    assert response.status_code == 400
    assert "Say why you decline" in response.content.decode()
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING


def test_declined_member_is_told_the_reason(client, django_capture_on_commit_callbacks, mailoutbox):
    join_request = JoinRequestFactory()
    workspace = join_request.workspace
    client.force_login(member_of(workspace, Role.COORDINATOR))

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("projects:decide", workspace, pk=join_request.pk),
            {
                f"r{join_request.pk}-decision": "decline",
                f"r{join_request.pk}-reason": "Espace réservé aux gérants de mutuelles.",
            },
        )

    assert not Membership.objects.filter(user=join_request.user).exists()
    assert "Espace réservé aux gérants de mutuelles." in mailoutbox[-1].body


def test_requester_cannot_approve_their_own_request(client):
    join_request = JoinRequestFactory()
    client.force_login(join_request.user)

    response = client.post(
        url("projects:decide", join_request.workspace, pk=join_request.pk),
        {f"r{join_request.pk}-decision": "approve"},
    )

    assert response.status_code == 403
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING


def test_staff_cannot_approve_their_own_request(client):
    staff = UserFactory(role="Staff")
    join_request = JoinRequestFactory(user=staff)
    client.force_login(staff)

    response = client.post(
        url("projects:decide", join_request.workspace, pk=join_request.pk),
        {f"r{join_request.pk}-decision": "approve"},
        follow=True,
    )

    assert "your own request" in response.content.decode()
    assert not Membership.objects.filter(user=staff).exists()


def test_coordinator_of_another_workspace_cannot_decide(client):
    join_request = JoinRequestFactory()
    other = WorkspaceFactory()
    client.force_login(member_of(other, Role.COORDINATOR))

    response = client.post(
        url("projects:decide", join_request.workspace, pk=join_request.pk),
        {f"r{join_request.pk}-decision": "approve"},
    )

    assert response.status_code == 403
    assert not Membership.objects.filter(user=join_request.user).exists()


def test_coordinator_cannot_decide_a_request_of_another_workspace_through_their_own(client):
    join_request = JoinRequestFactory()
    mine = WorkspaceFactory()
    client.force_login(member_of(mine, Role.COORDINATOR))

    response = client.post(
        url("projects:decide", mine, pk=join_request.pk),
        {f"r{join_request.pk}-decision": "approve"},
    )

    assert response.status_code == 404
    assert not Membership.objects.filter(user=join_request.user).exists()


def test_coordinator_of_another_workspace_cannot_remove_a_member(client):
    workspace = WorkspaceFactory()
    target = member_of(workspace)
    client.force_login(member_of(WorkspaceFactory(), Role.COORDINATOR))

    response = client.post(url("projects:remove_member", workspace, user_id=target.pk))

    assert response.status_code == 403
    assert Membership.objects.filter(workspace=workspace, user=target).exists()


def test_coordinator_of_another_workspace_cannot_change_settings(client):
    workspace = WorkspaceFactory(name="Avant")
    client.force_login(member_of(WorkspaceFactory(), Role.COORDINATOR))

    response = client.post(url("projects:edit", workspace), {"name": "Après"})

    assert response.status_code == 403
    workspace.refresh_from_db()
    assert workspace.name == "Avant"


def test_member_cannot_change_roles(client):
    workspace = WorkspaceFactory()
    client.force_login(member_of(workspace))
    target = member_of(workspace)

    response = client.post(
        url("projects:change_role", workspace, user_id=target.pk), {"role": "coordinator"}
    )

    assert response.status_code == 403
    assert Membership.objects.get(user=target).role == Role.MEMBER


def test_coordinator_promotes_a_member(client):
    workspace = WorkspaceFactory()
    client.force_login(member_of(workspace, Role.COORDINATOR))
    target = member_of(workspace)

    client.post(url("projects:change_role", workspace, user_id=target.pk), {"role": "coordinator"})

    assert Membership.objects.get(user=target).role == Role.COORDINATOR


def test_invalid_role_is_refused(client):
    workspace = WorkspaceFactory()
    client.force_login(member_of(workspace, Role.COORDINATOR))
    target = member_of(workspace)

    response = client.post(
        url("projects:change_role", workspace, user_id=target.pk), {"role": "owner"}, follow=True
    )

    assert "Choose a valid role" in response.content.decode()
    assert Membership.objects.get(user=target).role == Role.MEMBER


def test_coordinator_removes_a_member(client):
    workspace = WorkspaceFactory()
    client.force_login(member_of(workspace, Role.COORDINATOR))
    target = member_of(workspace)

    client.post(url("projects:remove_member", workspace, user_id=target.pk))

    assert not Membership.objects.filter(workspace=workspace, user=target).exists()


def test_member_leaves(client):
    workspace = WorkspaceFactory()
    leaving = member_of(workspace)
    client.force_login(leaving)

    client.post(url("projects:leave", workspace))

    assert not Membership.objects.filter(workspace=workspace, user=leaving).exists()


def test_last_coordinator_cannot_leave_without_naming_another(client):
    workspace = WorkspaceFactory()
    coordinator = member_of(workspace, Role.COORDINATOR)
    member_of(workspace)
    client.force_login(coordinator)

    response = client.post(url("projects:leave", workspace), {"successor": ""})

    assert response.status_code == 400
    assert "choose who takes over" in response.content.decode()
    assert Membership.objects.filter(workspace=workspace, user=coordinator).exists()


def test_last_coordinator_leaves_after_naming_a_successor(client):
    workspace = WorkspaceFactory()
    coordinator = member_of(workspace, Role.COORDINATOR)
    successor = member_of(workspace)
    client.force_login(coordinator)
    successor_membership = Membership.objects.get(user=successor)

    client.post(url("projects:leave", workspace), {"successor": successor_membership.pk})

    assert not Membership.objects.filter(workspace=workspace, user=coordinator).exists()
    assert Membership.objects.get(user=successor).role == Role.COORDINATOR


def test_successor_must_belong_to_the_workspace(client):
    workspace = WorkspaceFactory()
    coordinator = member_of(workspace, Role.COORDINATOR)
    stranger_membership = Membership.objects.get(user=member_of(WorkspaceFactory()))
    client.force_login(coordinator)

    response = client.post(url("projects:leave", workspace), {"successor": stranger_membership.pk})

    assert response.status_code == 400
    assert Membership.objects.filter(workspace=workspace, user=coordinator).exists()


def test_one_of_several_coordinators_leaves_freely(client):
    workspace = WorkspaceFactory()
    coordinator = member_of(workspace, Role.COORDINATOR)
    member_of(workspace, Role.COORDINATOR)
    client.force_login(coordinator)

    client.post(url("projects:leave", workspace))

    assert not Membership.objects.filter(workspace=workspace, user=coordinator).exists()


def test_last_coordinator_cannot_be_demoted(client):
    workspace = WorkspaceFactory()
    coordinator = member_of(workspace, Role.COORDINATOR)
    staff = UserFactory(role="Staff")
    client.force_login(staff)

    response = client.post(
        url("projects:change_role", workspace, user_id=coordinator.pk),
        {"role": "member"},
        follow=True,
    )

    assert "needs a coordinator" in response.content.decode()
    assert Membership.objects.get(user=coordinator).role == Role.COORDINATOR


def test_member_chooses_a_daily_digest(client):
    workspace = WorkspaceFactory()
    member = member_of(workspace)
    client.force_login(member)

    client.post(url("projects:notifications", workspace), {"notifications": "none"})

    assert Membership.objects.get(user=member).notifications == "none"


def test_verified_member_creates_a_workspace_and_coordinates_it(client, member):
    client.force_login(member)

    response = client.post(
        reverse("projects:create"),
        {
            "name": "Stratégie nationale de protection sociale",
            "summary": "Co-écrire la stratégie avec les partenaires.",
            "visibility": "members",
            "membership_policy": "on_request",
            "languages": ["fr"],
        },
    )

    membership = Membership.objects.get(user=member)
    assert membership.role == Role.COORDINATOR
    assert membership.workspace.slug == "strategie-nationale-de-protection-sociale"
    assert response["Location"] == membership.workspace.get_absolute_url()


def test_workspace_without_a_name_gets_a_field_error(client, member):
    client.force_login(member)

    response = client.post(reverse("projects:create"), {"name": "", "summary": ""})

    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
