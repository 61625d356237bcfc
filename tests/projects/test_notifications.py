"""Email notifications: every activity, a daily digest, or nothing, as each member chooses."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from projects.models import Membership, NotificationFrequency, Role, Verb
from projects.services.activity import record
from projects.tasks import notify_activity, send_daily_digests

from .conftest import member_of
from .factories import ActivityEntryFactory, WorkspaceFactory

pytestmark = pytest.mark.django_db


def member_wanting(workspace, frequency):
    user = member_of(workspace)
    Membership.objects.filter(user=user).update(notifications=frequency)
    return user


def test_members_who_want_every_activity_get_an_email_but_not_its_author(
    mailoutbox, django_capture_on_commit_callbacks
):
    workspace = WorkspaceFactory(name="Utilisateurs de MAS")
    each = member_wanting(workspace, NotificationFrequency.EACH)
    member_wanting(workspace, NotificationFrequency.DAILY)
    member_wanting(workspace, NotificationFrequency.NONE)
    author = member_wanting(workspace, NotificationFrequency.EACH)

    with django_capture_on_commit_callbacks(execute=True):
        record(workspace, author, Verb.CREATED_PAGE, "Sauvegardes", "wiki/sauvegardes/")

    assert [message.to for message in mailoutbox] == [[each.email]]
    assert "Utilisateurs de MAS" in mailoutbox[0].subject
    assert f"/projects/{workspace.slug}/wiki/sauvegardes/" in mailoutbox[0].body


def test_an_activity_is_emailed_once_even_if_the_task_runs_again(mailoutbox):
    workspace = WorkspaceFactory()
    member_wanting(workspace, NotificationFrequency.EACH)
    entry = ActivityEntryFactory(workspace=workspace)

    notify_activity.call(entry.pk)
    notify_activity.call(entry.pk)

    assert len(mailoutbox) == 1


def test_daily_digest_gathers_what_others_did_in_each_workspace(mailoutbox):
    first, second = WorkspaceFactory(name="Premier espace"), WorkspaceFactory(name="Second espace")
    reader = member_wanting(first, NotificationFrequency.DAILY)
    Membership.objects.create(workspace=second, user=reader, notifications="daily")
    Membership.objects.filter(user=reader).update(joined_at=timezone.now() - timedelta(days=2))
    ActivityEntryFactory(workspace=first, target="Compte rendu de l'atelier")
    ActivityEntryFactory(workspace=second, target="Plan de la stratégie")
    ActivityEntryFactory(workspace=first, actor=reader, target="Ma propre page")

    sent = send_daily_digests.call()

    assert sent == 1
    body = mailoutbox[0].body
    assert "Premier espace" in body and "Second espace" in body
    assert "Compte rendu de l'atelier" in body and "Plan de la stratégie" in body
    assert "Ma propre page" not in body


def test_a_digest_never_repeats_what_an_earlier_one_sent(mailoutbox):
    workspace = WorkspaceFactory()
    member_wanting(workspace, NotificationFrequency.DAILY)
    ActivityEntryFactory(workspace=workspace, target="Déjà envoyé")
    send_daily_digests.call()

    sent = send_daily_digests.call()

    assert sent == 0
    assert len(mailoutbox) == 1


def test_members_who_chose_no_email_get_no_digest(mailoutbox):
    workspace = WorkspaceFactory()
    member_wanting(workspace, NotificationFrequency.NONE)
    ActivityEntryFactory(workspace=workspace)

    assert send_daily_digests.call() == 0


def test_digest_command_sends_the_digests(mailoutbox):
    workspace = WorkspaceFactory()
    member_wanting(workspace, NotificationFrequency.DAILY)
    ActivityEntryFactory(workspace=workspace, target="Nouvelle version du guide")

    call_command("send_workspace_digests", stdout=None)

    assert "Nouvelle version du guide" in mailoutbox[0].body


def test_a_member_removed_from_a_workspace_gets_no_more_of_its_news(mailoutbox):
    workspace = WorkspaceFactory()
    gone = member_wanting(workspace, NotificationFrequency.EACH)
    member_of(workspace, Role.COORDINATOR)
    Membership.objects.filter(user=gone).delete()
    entry = ActivityEntryFactory(workspace=workspace)

    notify_activity.call(entry.pk)

    assert mailoutbox == []
