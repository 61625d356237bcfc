"""Joining, requesting, inviting, leaving; the members tab and the coordinators' tools."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from experts.models import ExpertProfile
from projects.forms import DecisionForm, InvitationForm, JoinRequestForm, LeaveForm, RoleForm
from projects.models import JoinRequest, Membership, Role
from projects.permissions import Action
from projects.services import experts as experts_service
from projects.services import membership as service

from .common import load_workspace, private, workspace_context


def _refused(request, error: service.MembershipError, workspace):
    messages.error(request, error.message)
    return redirect(workspace)


@private
@login_required
@require_POST
def join(request, slug):
    workspace = load_workspace(request, slug, Action.VIEW)
    try:
        service.join(workspace, request.user)
    except service.MembershipError as error:
        return _refused(request, error, workspace)
    messages.success(request, _("Welcome to the workspace!"))
    return redirect(workspace)


@private
@login_required
@require_http_methods(["GET", "POST"])
def request_to_join(request, slug):
    workspace = load_workspace(request, slug, Action.VIEW)
    form = JoinRequestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            service.request_to_join(workspace, request.user, form.cleaned_data["message"])
        except service.MembershipError as error:
            return _refused(request, error, workspace)
        messages.success(
            request, _("Your request has been sent. The coordinators will answer by email.")
        )
        return redirect(workspace)
    context = workspace_context(request, workspace, None, (_("Request to join"), None))
    context["form"] = form
    return render(
        request, "projects/request_to_join.html", context, status=400 if form.errors else 200
    )


@private
@login_required
@require_http_methods(["GET", "POST"])
def leave(request, slug):
    workspace = load_workspace(request, slug, Action.LEAVE)
    membership = get_object_or_404(Membership, workspace=workspace, user=request.user)
    needs_successor = (
        membership.role == Role.COORDINATOR
        and not workspace.memberships.filter(role=Role.COORDINATOR)
        .exclude(pk=membership.pk)
        .exists()
    )
    form = LeaveForm(
        request.POST if request.method == "POST" else None,
        membership=membership,
        needs_successor=needs_successor,
    )
    if request.method == "POST" and form.is_valid():
        successor = form.cleaned_data.get("successor")
        try:
            service.leave(workspace, request.user, successor.user if successor else None)
        except service.MembershipError as error:
            return _refused(request, error, workspace)
        messages.success(request, _("You have left the workspace."))
        return redirect("projects:directory")
    context = workspace_context(request, workspace, None, (_("Leave"), None))
    context.update(form=form, needs_successor=needs_successor)
    return render(request, "projects/leave.html", context, status=400 if form.errors else 200)


@private
def members(request, slug):
    workspace = load_workspace(request, slug, Action.READ)
    context = workspace_context(request, workspace, "members", (_("Members"), None))
    memberships = list(
        Membership.objects.filter(workspace=workspace)
        .select_related("user", "user__country")
        .order_by("role", "user__display_name")
    )
    # Links to members' expert profiles, for those profiles the viewer may see.
    profiles = dict(
        ExpertProfile.objects.visible_to(request.user)
        .filter(user__in=[membership.user_id for membership in memberships])
        .values_list("user_id", "pk")
    )
    for membership in memberships:
        membership.expert_profile_id = profiles.get(membership.user_id)
    context["memberships"] = memberships
    context["role_choices"] = Role.choices
    return render(request, "projects/members.html", context)


@private
@login_required
@require_POST
def change_role(request, slug, user_id):
    workspace = load_workspace(request, slug, Action.MANAGE)
    member = get_object_or_404(get_user_model(), pk=user_id)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a valid role."))
        return redirect("projects:members", slug=workspace.slug)
    try:
        service.change_role(workspace, request.user, member, form.cleaned_data["role"])
    except service.MembershipError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("%(name)s's role has been changed.") % {"name": member.public_name}
        )
    return redirect("projects:members", slug=workspace.slug)


@private
@login_required
@require_POST
def remove(request, slug, user_id):
    workspace = load_workspace(request, slug, Action.MANAGE)
    member = get_object_or_404(get_user_model(), pk=user_id)
    try:
        service.remove_member(workspace, request.user, member)
    except service.MembershipError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("%(name)s is no longer a member of the workspace.") % {"name": member.public_name},
        )
    return redirect("projects:members", slug=workspace.slug)


@private
@login_required
def requests(request, slug):
    workspace = load_workspace(request, slug, Action.MANAGE)
    context = workspace_context(request, workspace, "members", (_("Requests to join"), None))
    context["pending"] = [
        (join_request, DecisionForm(prefix=f"r{join_request.pk}"))
        for join_request in workspace.join_requests.filter(
            status=JoinRequest.Status.PENDING
        ).select_related("user")
    ]
    context["decided"] = workspace.join_requests.exclude(
        status=JoinRequest.Status.PENDING
    ).select_related("user", "decided_by")[:20]
    return render(request, "projects/requests.html", context)


@private
@login_required
@require_POST
def decide(request, slug, pk):
    workspace = load_workspace(request, slug, Action.MANAGE)
    join_request = get_object_or_404(JoinRequest, workspace=workspace, pk=pk)
    form = DecisionForm(request.POST, prefix=f"r{join_request.pk}")
    if not form.is_valid():
        context = workspace_context(request, workspace, "members", (_("Requests to join"), None))
        context["pending"] = [(join_request, form)]
        context["decided"] = []
        return render(request, "projects/requests.html", context, status=400)
    try:
        service.decide_request(
            join_request, request.user, approve=form.approve, reason=form.cleaned_data["reason"]
        )
    except service.MembershipError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The request has been approved.")
            if form.approve
            else _("The request has been declined."),
        )
    return redirect("projects:requests", slug=workspace.slug)


@private
@login_required
@require_http_methods(["GET", "POST"])
def invite(request, slug):
    workspace = load_workspace(request, slug, Action.MANAGE)
    form = InvitationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            sent = service.invite(
                workspace, request.user, form.cleaned_data["emails"], form.cleaned_data["role"]
            )
        except service.MembershipError as error:
            return _refused(request, error, workspace)
        messages.success(
            request,
            ngettext(
                "%(count)s invitation has been sent.",
                "%(count)s invitations have been sent.",
                len(sent),
            )
            % {"count": len(sent)},
        )
        return redirect("projects:members", slug=workspace.slug)
    context = workspace_context(request, workspace, "members", (_("Invite people"), None))
    context["form"] = form
    context["invitations"] = _pending_invitations(workspace)
    invited = experts_service.invited_emails(workspace)
    context["suggestions"] = [
        (profile, profile.user.email.lower() in invited)
        for profile in experts_service.suggested_experts(workspace, request.user)
    ]
    return render(request, "projects/invite.html", context, status=400 if form.errors else 200)


def _pending_invitations(workspace) -> list[tuple[str, object]]:
    """Waiting invitations, named by the invitee's public name when they have an account.

    Invitations sent from the expert suggestions go to the expert's account
    address, which the coordinator never typed and must not be shown.
    """
    invitations = list(workspace.invitations.filter(accepted_at__isnull=True)[:50])
    accounts = Q(pk__in=[])
    for invitation in invitations:
        accounts |= Q(email__iexact=invitation.email)
    names = {
        user.email.lower(): user.public_name for user in get_user_model().objects.filter(accounts)
    }
    return [
        (names.get(invitation.email) or invitation.email, invitation) for invitation in invitations
    ]


@private
@login_required
@require_POST
def invite_expert(request, slug, profile_id):
    """One-click invitation of a suggested expert (only a profile the coordinator may see)."""
    workspace = load_workspace(request, slug, Action.MANAGE)
    profile = get_object_or_404(
        ExpertProfile.objects.visible_to(request.user).select_related("user"), pk=profile_id
    )
    try:
        service.invite(workspace, request.user, [profile.user.email], Role.MEMBER)
    except service.MembershipError as error:
        return _refused(request, error, workspace)
    messages.success(
        request, _("%(name)s has been invited by email.") % {"name": profile.user.public_name}
    )
    return redirect("projects:invite", slug=workspace.slug)


@private
@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """The link in an invitation email: shows what it is for, and accepts it on POST."""
    try:
        found = service.invitation_for_token(token)
    except service.MembershipError as error:
        return render(
            request,
            "projects/invitation.html",
            {"error": error.message, "breadcrumbs": [(_("Invitation"), None)]},
            status=400,
        )
    if request.method == "POST" and request.user.is_authenticated:
        try:
            service.accept_invitation(token, request.user)
        except service.MembershipError as error:
            messages.error(request, error.message)
            return redirect(request.path)
        messages.success(request, _("Welcome to the workspace!"))
        return redirect(found.workspace)
    return render(
        request,
        "projects/invitation.html",
        {
            "invitation": found,
            "login_url": reverse("account_login"),
            "signup_url": reverse("account_signup"),
            "breadcrumbs": [(_("Invitation"), None)],
        },
    )
