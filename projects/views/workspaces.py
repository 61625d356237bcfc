"""The directory, a workspace's overview and its settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portal.models import Country, Theme
from projects import permissions
from projects.forms import DirectoryFilterForm, MilestoneForm, NotificationForm, WorkspaceForm
from projects.models import JoinRequest, Membership, Milestone, Role, Verb, Workspace
from projects.permissions import Action
from projects.services.activity import record
from projects.services.discussion import ensure_forum
from projects.services.membership import create_workspace

from .common import load_workspace, private, workspace_context

DIRECTORY_PAGE_SIZE = 20
OVERVIEW_ACTIVITY = 15


@private
def directory(request):
    visible = Workspace.objects.visible_to(request.user)
    theme_counts = dict(
        visible.filter(themes__isnull=False)
        .values_list("themes")
        .annotate(count=Count("pk", distinct=True))
    )
    themes = list(Theme.objects.filter(pk__in=theme_counts))
    for theme in themes:
        theme.workspace_count = theme_counts[theme.pk]
    countries = Country.objects.filter(workspaces__in=visible).distinct()
    form = DirectoryFilterForm(request.GET, themes=themes, countries=countries)
    form.is_valid()  # Invalid filters are dropped, valid ones still apply.
    filters = form.cleaned_data
    workspaces = visible
    if filters.get("q"):
        words = filters["q"]
        workspaces = workspaces.filter(Q(name__icontains=words) | Q(summary__icontains=words))
    if filters.get("theme"):
        workspaces = workspaces.filter(themes__in=Theme.objects.for_slug(filters["theme"]))
    if filters.get("country"):
        workspaces = workspaces.filter(countries=filters["country"])
    if filters.get("status"):
        workspaces = workspaces.filter(status=filters["status"])
    workspaces = (
        workspaces.distinct()
        .prefetch_related("themes", "countries")
        .annotate(member_count=Count("memberships", distinct=True))
        .order_by("status", "name")
    )
    page = Paginator(workspaces, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "projects/directory.html",
        {
            "form": form,
            "page_obj": page,
            "themes": themes,
            "can_create": permissions.is_verified(request.user),
            "breadcrumbs": [(_("Workspaces"), None)],
        },
    )


@private
@login_required
@require_http_methods(["GET", "POST"])
def create(request):
    if not permissions.is_verified(request.user):
        messages.error(request, _("Confirm your email address before creating a workspace."))
        return redirect("projects:directory")
    form = WorkspaceForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        workspace = create_workspace(
            request.user,
            themes=data.pop("themes"),
            countries=data.pop("countries"),
            **data,
        )
        messages.success(request, _("Your workspace is ready. Invite its first members."))
        return redirect(workspace)
    return render(
        request,
        "projects/workspace_form.html",
        {
            "form": form,
            "breadcrumbs": [
                (_("Workspaces"), reverse("projects:directory")),
                (_("New workspace"), None),
            ],
        },
        status=400 if form.errors else 200,
    )


@private
def overview(request, slug):
    workspace = load_workspace(request, slug, Action.VIEW)
    context = workspace_context(request, workspace, "overview")
    if context["can"][Action.READ]:
        context["activity"] = workspace.activity.select_related("actor")[:OVERVIEW_ACTIVITY]
        context["milestones"] = workspace.milestones.filter(date__gte=timezone.localdate())[:10]
        context["coordinators"] = (
            Membership.objects.filter(workspace=workspace, role=Role.COORDINATOR)
            .select_related("user")
            .order_by("joined_at")
        )
    context["member_count"] = workspace.memberships.count()
    if context["role"]:
        membership = workspace.memberships.get(user=request.user)
        context["notification_form"] = NotificationForm(instance=membership)
    if context["can"][Action.MANAGE]:
        context["milestone_form"] = MilestoneForm()
        context["pending_requests"] = workspace.join_requests.filter(
            status=JoinRequest.Status.PENDING
        ).count()
    return render(request, "projects/overview.html", context)


@private
@login_required
@require_http_methods(["GET", "POST"])
def edit(request, slug):
    workspace = load_workspace(request, slug, Action.MANAGE)
    form = WorkspaceForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        instance=workspace,
    )
    if request.method == "POST" and form.is_valid():
        ensure_forum(form.save())
        messages.success(request, _("The workspace settings have been saved."))
        return redirect(workspace)
    if request.method == "POST":
        workspace.refresh_from_db()
    context = workspace_context(request, workspace, "settings", (_("Settings"), None))
    context["form"] = form
    return render(
        request, "projects/workspace_form.html", context, status=400 if form.errors else 200
    )


@private
@login_required
@require_POST
def notifications(request, slug):
    workspace = load_workspace(request, slug, Action.LEAVE)
    membership = get_object_or_404(Membership, workspace=workspace, user=request.user)
    form = NotificationForm(request.POST, instance=membership)
    if form.is_valid():
        form.save()
        messages.success(request, _("Your email preference for this workspace has been saved."))
    else:
        messages.error(request, _("Choose how often you want to be emailed."))
    return redirect(workspace)


@private
@login_required
@require_POST
def add_milestone(request, slug):
    workspace = load_workspace(request, slug, Action.MANAGE)
    form = MilestoneForm(request.POST)
    if form.is_valid():
        milestone = form.save(commit=False)
        milestone.workspace = workspace
        milestone.save()
        record(workspace, request.user, Verb.ADDED_MILESTONE, milestone.title)
        messages.success(request, _("The milestone has been added."))
    else:
        messages.error(request, _("The milestone needs a title and a valid date."))
    return redirect(workspace)


@private
@login_required
@require_POST
def delete_milestone(request, slug, pk):
    workspace = load_workspace(request, slug, Action.MANAGE)
    get_object_or_404(Milestone, workspace=workspace, pk=pk).delete()
    messages.success(request, _("The milestone has been removed."))
    return redirect(workspace)
