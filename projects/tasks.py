"""Background work of the workspaces: notification emails and daily digests.

Each task reads fresh rows and is safe to run twice: activity emails and
digests remember what they already sent.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from .models import ActivityEntry, Invitation, JoinRequest, Membership, NotificationFrequency, Role
from .notifications import compose, send_all, to_user


@task()
def notify_activity(entry_id: int) -> int:
    """Email one activity to the members who want every activity (not to its author)."""
    claimed = ActivityEntry.objects.filter(pk=entry_id, notified_at__isnull=True).update(
        notified_at=timezone.now()
    )
    if not claimed:
        return 0
    entry = ActivityEntry.objects.select_related("workspace", "actor").get(pk=entry_id)
    recipients = (
        Membership.objects.filter(
            workspace=entry.workspace,
            notifications=NotificationFrequency.EACH,
            user__is_active=True,
        )
        .exclude(user_id=entry.actor_id)
        .select_related("user")
    )

    def subject():
        return _("%(workspace)s: %(actor)s %(verb)s %(target)s") % {
            "workspace": entry.workspace.name,
            "actor": entry.actor.public_name if entry.actor else _("someone"),
            "verb": entry.get_verb_display(),
            "target": entry.target,
        }

    return send_all(
        to_user(membership.user, subject, "projects/email/activity.txt", {"entry": entry})
        for membership in recipients
    )


@task()
def send_daily_digests() -> int:
    """One email per member gathering, per workspace, what others did since their last digest."""
    now = timezone.now()
    memberships = list(
        Membership.objects.filter(notifications=NotificationFrequency.DAILY, user__is_active=True)
        .select_related("user", "workspace")
        .order_by("user_id", "workspace__name")
    )
    if not memberships:
        return 0
    start = min(m.digest_sent_until or m.joined_at for m in memberships)
    entries_by_workspace = defaultdict(list)
    for entry in (
        ActivityEntry.objects.filter(
            workspace__in={m.workspace_id for m in memberships},
            created_at__gt=start,
            created_at__lte=now,
        )
        .select_related("actor", "workspace")
        .order_by("created_at")
    ):
        entries_by_workspace[entry.workspace_id].append(entry)

    sections_by_user = defaultdict(list)
    users = {}
    for membership in memberships:
        since = membership.digest_sent_until or membership.joined_at
        entries = [
            entry
            for entry in entries_by_workspace[membership.workspace_id]
            if entry.created_at > since and entry.actor_id != membership.user_id
        ]
        if entries:
            sections_by_user[membership.user_id].append((membership.workspace, entries))
            users[membership.user_id] = membership.user

    sent = send_all(
        to_user(
            users[user_id],
            lambda: _("Your daily workspace digest"),
            "projects/email/digest.txt",
            {"sections": sections},
        )
        for user_id, sections in sections_by_user.items()
    )
    Membership.objects.filter(pk__in=[m.pk for m in memberships]).update(digest_sent_until=now)
    return sent


@task()
def notify_join_request(request_id: int) -> int:
    """Tell the coordinators that someone asks to join."""
    join_request = JoinRequest.objects.select_related("workspace", "user").get(pk=request_id)
    coordinators = get_user_model().objects.filter(
        workspace_memberships__workspace=join_request.workspace,
        workspace_memberships__role=Role.COORDINATOR,
        is_active=True,
    )

    def subject():
        return _("%(name)s asks to join %(workspace)s") % {
            "name": join_request.user.public_name,
            "workspace": join_request.workspace.name,
        }

    return send_all(
        to_user(coordinator, subject, "projects/email/join_request.txt", {"request": join_request})
        for coordinator in coordinators
    )


@task()
def notify_request_decided(request_id: int) -> int:
    """Tell the person who asked to join what the coordinators decided, and why."""
    join_request = JoinRequest.objects.select_related("workspace", "user").get(pk=request_id)
    if join_request.status == JoinRequest.Status.APPROVED:
        subject = gettext_lazy("Welcome to %(workspace)s")
    else:
        subject = gettext_lazy("Your request to join %(workspace)s was declined")
    message = to_user(
        join_request.user,
        lambda: subject % {"workspace": join_request.workspace.name},
        "projects/email/request_decided.txt",
        {"request": join_request},
    )
    return send_all([message])


@task()
def send_invitation(invitation_id: int) -> int:
    """Email an invitation link (a fresh signed token) to the invited address."""
    from .services.membership import invitation_token

    invitation = (
        Invitation.objects.select_related("workspace", "invited_by")
        .filter(pk=invitation_id, accepted_at__isnull=True)
        .first()
    )
    if invitation is None:
        return 0
    invitee = get_user_model().objects.filter(email__iexact=invitation.email).first()
    # Written in the invitee's language if they have an account, else in the inviter's.
    someone = invitee or invitation.invited_by
    language = someone.preferred_language if someone else settings.LANGUAGE_CODE

    def subject():
        return _("You are invited to join %(workspace)s") % {"workspace": invitation.workspace.name}

    message = compose(
        invitation.email,
        language,
        subject,
        "projects/email/invitation.txt",
        {
            "invitation": invitation,
            "token": invitation_token(invitation),
            "invitee": invitee,
            "invitation_days": settings.PROJECTS_INVITATION_MAX_AGE_DAYS,
        },
    )
    return send_all([message])
