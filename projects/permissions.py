"""Who may do what in a workspace: the one place that decides.

Every view, file download, feed, sitemap, API answer, search document and
home-page item asks here, either `can(user, action, workspace)` for one
workspace or through `Workspace.objects.visible_to(user)` /
`readable_by(user)` for lists. Nothing else in the app compares roles or
visibilities.

- VIEW: know the workspace exists (name, summary, themes, countries).
  Public and members-only workspaces: anyone. Secret ones: members and staff.
- READ: its content (description, wiki, documents, discussion, activity,
  members). Public: anyone. Otherwise members (any role) and staff.
- CONTRIBUTE: edit the wiki, upload documents, post. Coordinators and
  members of an active workspace; observers only read. (Staff may also post
  in the discussion of an active workspace: `discussion_poster_ids`.)
- MANAGE: settings, members, requests, invitations, milestones, moderation,
  publishing to the library. Coordinators, and portal staff.
- JOIN / REQUEST_TO_JOIN: verified members who aren't in yet, of an active
  workspace they may see, when its policy is open / on request.
- LEAVE: any member (the last coordinator must name a successor first,
  which the membership service enforces).
"""

from enum import StrEnum

from django.contrib.auth.models import Group
from django.db.models import Q
from django.utils.translation import gettext as _

from portal import roles
from search.documents import PUBLIC, group_token

from .models import Membership, MembershipPolicy, Role, Visibility

CONTRIBUTING_ROLES = frozenset({Role.COORDINATOR, Role.MEMBER})


class Action(StrEnum):
    VIEW = "view"
    READ = "read"
    CONTRIBUTE = "contribute"
    MANAGE = "manage"
    JOIN = "join"
    REQUEST_TO_JOIN = "request_to_join"
    LEAVE = "leave"


def _group_names(user) -> frozenset[str]:
    # Cached on the user object: one query per request whatever the page asks.
    if not hasattr(user, "_projects_groups"):
        user._projects_groups = frozenset(user.groups.values_list("name", flat=True))
    return user._projects_groups


def _roles(user) -> dict[int, str]:
    if not hasattr(user, "_projects_roles"):
        user._projects_roles = dict(
            Membership.objects.filter(user=user).values_list("workspace_id", "role")
        )
    return user._projects_roles


def forget(user) -> None:
    """Drop what was cached on this user object (after their memberships changed)."""
    for name in ("_projects_groups", "_projects_roles"):
        if hasattr(user, name):
            delattr(user, name)


def is_staff(user) -> bool:
    if user is None or not user.is_authenticated:
        return False
    return user.is_superuser or roles.STAFF in _group_names(user)


def is_verified(user) -> bool:
    """A member whose email is confirmed (the portal puts them in the Member group)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return roles.MEMBER in _group_names(user)


def role_in(user, workspace) -> str | None:
    if user is None or not user.is_authenticated:
        return None
    return _roles(user).get(workspace.pk)


def can(user, action: Action, workspace) -> bool:
    role = role_in(user, workspace)
    if action == Action.VIEW:
        return workspace.visibility != Visibility.SECRET or role is not None or is_staff(user)
    if action == Action.READ:
        return workspace.visibility == Visibility.PUBLIC or role is not None or is_staff(user)
    if action == Action.CONTRIBUTE:
        return role in CONTRIBUTING_ROLES and not workspace.is_archived
    if action == Action.MANAGE:
        return role == Role.COORDINATOR or is_staff(user)
    if action == Action.LEAVE:
        return role is not None
    if action in (Action.JOIN, Action.REQUEST_TO_JOIN):
        policy = MembershipPolicy.OPEN if action == Action.JOIN else MembershipPolicy.ON_REQUEST
        return (
            role is None
            and is_verified(user)
            and workspace.membership_policy == policy
            and not workspace.is_archived
            and can(user, Action.VIEW, workspace)
        )
    raise ValueError(f"Unknown action {action!r}")


def _member_of(user):
    return Q(pk__in=Membership.objects.filter(user=user).values("workspace_id"))


def visible_workspaces(queryset, user):
    """Filter `queryset` to the workspaces whose existence `user` may know (Action.VIEW)."""
    if is_staff(user):
        return queryset
    condition = ~Q(visibility=Visibility.SECRET)
    if user is not None and user.is_authenticated:
        condition |= _member_of(user)
    return queryset.filter(condition)


def readable_workspaces(queryset, user):
    """Filter `queryset` to the workspaces whose content `user` may read (Action.READ)."""
    if is_staff(user):
        return queryset
    condition = Q(visibility=Visibility.PUBLIC)
    if user is not None and user.is_authenticated:
        condition |= _member_of(user)
    return queryset.filter(condition)


def discussion_reader_ids(user):
    """Workspaces whose forum `user` may read (the forums' owner hook): Action.READ.

    The Discussion is workspace content like the wiki: anyone reads a public
    workspace's discussion; otherwise its members (observers included) and staff.
    """
    from .models import Workspace

    return readable_workspaces(Workspace.objects.all(), user).values("pk")


def discussion_poster_ids(user):
    """Workspaces whose forum `user` may post to: Action.CONTRIBUTE, plus staff.

    Members and coordinators post, observers only read; staff may post in any
    workspace's discussion. An archived workspace's discussion takes no new
    posts from anyone (as its documents take no uploads).
    """
    from .models import Status, Workspace

    active = Workspace.objects.exclude(status=Status.ARCHIVED)
    if is_staff(user):
        return active.values("pk")
    if user is None or not user.is_authenticated:
        return active.none().values("pk")
    contributing = Membership.objects.filter(user=user, role__in=CONTRIBUTING_ROLES)
    return active.filter(pk__in=contributing.values("workspace_id")).values("pk")


def discussion_posting_refusal(user, workspace) -> str:
    """Why `user`, who reads the workspace's discussion, may not post in it."""
    if workspace.is_archived:
        return _("This workspace is archived: its discussion takes no new posts.")
    if role_in(user, workspace) == Role.OBSERVER:
        return _("Observers read this workspace's discussion but do not post in it.")
    return _("Only members of this workspace can post in its discussion.")


# Search: documents carry access tokens, readers hold tokens (see search.registry).


def workspace_token(workspace_id: int) -> str:
    """The search access token held by a workspace's members."""
    return f"workspace:{workspace_id}"


def _staff_token() -> str:
    # The portal's Staff role, not search's "staff" token (which editors and moderators hold).
    return group_token(Group.objects.get(name=roles.STAFF).pk)


def discussion_tokens(workspace) -> frozenset[str]:
    """Who may find the workspace's discussion in search: as `discussion_reader_ids` (READ)."""
    return frozenset(content_tokens(workspace))


def summary_tokens(workspace) -> list[str]:
    """Who may find the workspace itself (name, summary) in search: Action.VIEW."""
    if workspace.visibility == Visibility.SECRET:
        return [workspace_token(workspace.pk), _staff_token()]
    return [PUBLIC]


def content_tokens(workspace) -> list[str]:
    """Who may find its wiki pages and documents in search: Action.READ."""
    if workspace.visibility == Visibility.PUBLIC:
        return [PUBLIC]
    return [workspace_token(workspace.pk), _staff_token()]


def user_tokens(user) -> list[str]:
    """One token per workspace the user belongs to (registered as a search token provider)."""
    if user is None or not user.is_authenticated:
        return []
    return [workspace_token(workspace_id) for workspace_id in sorted(_roles(user))]
