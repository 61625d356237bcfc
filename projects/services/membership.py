"""Creating workspaces and every way people enter, move within and leave them.

Each function checks its own rule through projects.permissions and raises
MembershipError with a message for the person who tried: a crafted POST gets
the same answer as a button that should not have been shown.
"""

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from projects import permissions
from projects.models import (
    Invitation,
    JoinRequest,
    Membership,
    MembershipPolicy,
    Role,
    Verb,
    Workspace,
)
from projects.permissions import Action

from .activity import record
from .discussion import ensure_forum

INVITATION_SALT = "projects.invitation"


class MembershipError(Exception):
    """A membership change that the rules refuse; `message` is shown to the person."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


# Slugs that would collide with the app's own URLs (/projects/new/, …/wiki/new/).
RESERVED_SLUGS = frozenset({"new", "feed", "invitations"})


def unique_slug(model, base: str, max_length: int = 80, **scope) -> str:
    """A slug for `base` not yet used by `model` within `scope` (suffixes -2, -3…)."""
    root = (slugify(base) or "page")[: max_length - 4].strip("-") or "page"
    slug, counter = root, 2
    while slug in RESERVED_SLUGS or model.objects.filter(slug=slug, **scope).exists():
        slug = f"{root}-{counter}"
        counter += 1
    return slug


@transaction.atomic
def create_workspace(creator, *, themes=(), countries=(), **fields) -> Workspace:
    """Create a workspace whose creator is its first coordinator."""
    if not permissions.is_verified(creator):
        raise MembershipError(
            _("Only members with a confirmed email address can create a workspace.")
        )
    workspace = Workspace(created_by=creator, **fields)
    workspace.slug = unique_slug(Workspace, workspace.name)
    workspace.save()
    workspace.themes.set(themes)
    workspace.countries.set(countries)
    Membership.objects.create(workspace=workspace, user=creator, role=Role.COORDINATOR)
    permissions.forget(creator)
    ensure_forum(workspace)
    record(workspace, creator, Verb.CREATED_WORKSPACE, workspace.name)
    return workspace


def _add_member(workspace: Workspace, user, role: str) -> Membership:
    membership, created = Membership.objects.get_or_create(
        workspace=workspace, user=user, defaults={"role": role}
    )
    permissions.forget(user)
    if created:
        record(workspace, user, Verb.JOINED, user.public_name, "members/")
    return membership


@transaction.atomic
def join(workspace: Workspace, user) -> Membership:
    if not permissions.can(user, Action.JOIN, workspace):
        raise MembershipError(_not_joinable_message(workspace, user))
    return _add_member(workspace, user, Role.MEMBER)


def _not_joinable_message(workspace: Workspace, user) -> str:
    if permissions.role_in(user, workspace):
        return _("You are already a member of this workspace.")
    if not permissions.is_verified(user):
        return _("Confirm your email address before joining a workspace.")
    if workspace.is_archived:
        return _("This workspace is archived: it no longer takes new members.")
    if workspace.membership_policy == MembershipPolicy.INVITATION:
        return _("This workspace is open by invitation only.")
    if workspace.membership_policy == MembershipPolicy.ON_REQUEST:
        return _("This workspace takes new members on request: send a request to join.")
    return _("You can't join this workspace directly.")


@transaction.atomic
def request_to_join(workspace: Workspace, user, message: str = "") -> JoinRequest:
    if not permissions.can(user, Action.REQUEST_TO_JOIN, workspace):
        if permissions.can(user, Action.JOIN, workspace):
            raise MembershipError(_("This workspace is open: you can join it directly."))
        raise MembershipError(_not_joinable_message(workspace, user))
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(
                workspace=workspace, user=user, message=message
            )
    except IntegrityError as exc:
        raise MembershipError(_("Your request is already waiting for the coordinators.")) from exc
    from projects.tasks import notify_join_request

    transaction.on_commit(lambda: notify_join_request.enqueue(join_request.pk))
    return join_request


@transaction.atomic
def decide_request(join_request: JoinRequest, decider, *, approve: bool, reason: str = "") -> None:
    workspace = join_request.workspace
    if not permissions.can(decider, Action.MANAGE, workspace):
        raise MembershipError(_("Only the coordinators of this workspace can decide on requests."))
    if join_request.user_id == decider.pk:
        raise MembershipError(_("You can't decide on your own request."))
    locked = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if locked.status != JoinRequest.Status.PENDING:
        raise MembershipError(_("This request has already been decided."))
    locked.status = JoinRequest.Status.APPROVED if approve else JoinRequest.Status.DECLINED
    locked.reason = reason
    locked.decided_by = decider
    locked.decided_at = timezone.now()
    locked.save()
    if approve:
        _add_member(workspace, locked.user, Role.MEMBER)
    from projects.tasks import notify_request_decided

    transaction.on_commit(lambda: notify_request_decided.enqueue(locked.pk))


def _coordinator_count(workspace: Workspace) -> int:
    return workspace.memberships.filter(role=Role.COORDINATOR).count()


def _membership_of(workspace: Workspace, user) -> Membership:
    membership = (
        Membership.objects.select_for_update().filter(workspace=workspace, user=user).first()
    )
    if membership is None:
        raise MembershipError(_("This person is not a member of the workspace."))
    return membership


@transaction.atomic
def leave(workspace: Workspace, user, successor=None) -> None:
    """Leave a workspace; the last coordinator first hands the role to `successor`."""
    membership = _membership_of(workspace, user)
    if membership.role == Role.COORDINATOR and _coordinator_count(workspace) == 1:
        if successor is None:
            raise MembershipError(
                _("You are the last coordinator: name another coordinator before you leave.")
            )
        heir = _membership_of(workspace, successor)
        if heir.pk == membership.pk:
            raise MembershipError(_("Choose another member as coordinator."))
        heir.role = Role.COORDINATOR
        heir.save(update_fields=["role"])
        permissions.forget(successor)
    membership.delete()
    permissions.forget(user)
    ensure_forum(workspace)


@transaction.atomic
def remove_member(workspace: Workspace, by, user) -> None:
    if not permissions.can(by, Action.MANAGE, workspace):
        raise MembershipError(_("Only the coordinators of this workspace can remove members."))
    if user.pk == by.pk:
        raise MembershipError(_("Use “Leave the workspace” to leave it yourself."))
    membership = _membership_of(workspace, user)
    if membership.role == Role.COORDINATOR and _coordinator_count(workspace) == 1:
        raise MembershipError(_("The last coordinator can't be removed."))
    membership.delete()
    permissions.forget(user)
    ensure_forum(workspace)


@transaction.atomic
def change_role(workspace: Workspace, by, user, role: str) -> Membership:
    if not permissions.can(by, Action.MANAGE, workspace):
        raise MembershipError(_("Only the coordinators of this workspace can change roles."))
    if role not in Role.values:
        raise MembershipError(_("Choose a valid role."))
    membership = _membership_of(workspace, user)
    if (
        membership.role == Role.COORDINATOR
        and role != Role.COORDINATOR
        and _coordinator_count(workspace) == 1
    ):
        raise MembershipError(
            _("The workspace needs a coordinator: name another one before changing this role.")
        )
    membership.role = role
    membership.save(update_fields=["role"])
    permissions.forget(user)
    ensure_forum(workspace)
    return membership


# Invitations ---------------------------------------------------------------

INVALID_INVITATION = gettext_lazy(
    "This invitation link is not valid. Check that you copied the whole link, "
    "or ask the coordinators for a new invitation."
)


def invite(
    workspace: Workspace, by, emails: list[str], role: str = Role.MEMBER
) -> list[Invitation]:
    """Invite each address (skipping people already in); each invitee gets an email."""
    if not permissions.can(by, Action.MANAGE, workspace):
        raise MembershipError(_("Only the coordinators of this workspace can invite people."))
    if role not in Role.values:
        raise MembershipError(_("Choose a valid role."))
    members = {
        email.lower() for email in workspace.memberships.values_list("user__email", flat=True)
    }
    invitations = []
    with transaction.atomic():
        for email in dict.fromkeys(address.strip().lower() for address in emails):
            if not email or email in members:
                continue
            invitations.append(
                Invitation.objects.create(
                    workspace=workspace,
                    email=email,
                    role=role,
                    invited_by=by,
                    nonce=get_random_string(32),
                )
            )
    from projects.tasks import send_invitation

    for invitation in invitations:
        transaction.on_commit(lambda pk=invitation.pk: send_invitation.enqueue(pk))
    return invitations


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"i": invitation.pk, "n": invitation.nonce}, salt=INVITATION_SALT)


def invitation_for_token(token: str) -> Invitation:
    """The invitation a link names, or MembershipError if tampered with, expired or used."""
    max_age = settings.PROJECTS_INVITATION_MAX_AGE_DAYS * 24 * 3600
    try:
        payload = signing.loads(token, salt=INVITATION_SALT, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise MembershipError(
            _("This invitation has expired. Ask the coordinators to invite you again.")
        ) from exc
    except signing.BadSignature as exc:
        raise MembershipError(str(INVALID_INVITATION)) from exc
    if not isinstance(payload, dict):
        raise MembershipError(str(INVALID_INVITATION))
    invitation = (
        Invitation.objects.select_related("workspace", "invited_by")
        .filter(pk=payload.get("i"), nonce=payload.get("n"))
        .first()
    )
    if invitation is None:
        raise MembershipError(str(INVALID_INVITATION))
    if invitation.is_used:
        raise MembershipError(_("This invitation has already been used."))
    return invitation


def _verified_emails(user) -> set[str]:
    from allauth.account.models import EmailAddress

    return {
        email.lower()
        for email in EmailAddress.objects.filter(user=user, verified=True).values_list(
            "email", flat=True
        )
    }


@transaction.atomic
def accept_invitation(token: str, user) -> Membership:
    """Turn a valid, unused invitation into a membership of the person it was sent to."""
    invitation = invitation_for_token(token)
    if not permissions.is_verified(user):
        raise MembershipError(_("Confirm your email address before accepting the invitation."))
    if invitation.email.lower() not in _verified_emails(user):
        raise MembershipError(
            _(
                "This invitation was sent to another email address. Log in with the "
                "account of that address, or add and confirm it in your account."
            )
        )
    # Lock the row: two clicks at once must not both use it.
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.is_used:
        raise MembershipError(_("This invitation has already been used."))
    locked.accepted_by = user
    locked.accepted_at = timezone.now()
    locked.save(update_fields=["accepted_by", "accepted_at"])
    return _add_member(invitation.workspace, user, invitation.role)
