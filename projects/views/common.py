"""What every workspace view shares: loading a workspace through the permission module.

A workspace the user may not know exists is a 404, whatever the URL asks
for; a known workspace whose content or action is closed to the user
answers 403 with a page that says how to get in.
"""

from functools import wraps

from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from projects import permissions
from projects.models import JoinRequest, Role, Workspace
from projects.permissions import Action


class WorkspaceDenied(Exception):
    def __init__(self, workspace: Workspace, action: Action):
        super().__init__(action)
        self.workspace = workspace
        self.action = action


def load_workspace(request, slug: str, action: Action = Action.READ) -> Workspace:
    workspace = get_object_or_404(Workspace.objects.visible_to(request.user), slug=slug)
    if not permissions.can(request.user, action, workspace):
        raise WorkspaceDenied(workspace, action)
    return workspace


def private(view):
    """Workspace pages depend on who asks: never let a shared cache keep them."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except WorkspaceDenied as denied:
            response = render_denied(request, denied.workspace, denied.action)
        patch_cache_control(response, private=True, no_cache=True)
        return response

    return wrapper


def render_denied(request, workspace: Workspace, action: Action):
    context = workspace_context(request, workspace, tab=None)
    context["action"] = str(action)
    context["breadcrumbs"] = [*context["breadcrumbs"], (_("Access"), None)]
    return render(request, "projects/denied.html", context, status=403)


def workspace_context(request, workspace: Workspace, tab: str | None, *trail) -> dict:
    """Tabs, role and what the user may do: everything the workspace layout shows."""
    user = request.user
    can = {action.value: permissions.can(user, action, workspace) for action in Action}
    pending_request = (
        can[Action.REQUEST_TO_JOIN]
        and JoinRequest.objects.filter(
            workspace=workspace, user=user, status=JoinRequest.Status.PENDING
        ).exists()
    )
    role = permissions.role_in(user, workspace)
    return {
        "workspace": workspace,
        "tab": tab,
        "role": role,
        "role_label": Role(role).label if role else "",
        "can": can,
        "pending_request": pending_request,
        "breadcrumbs": [
            (_("Workspaces"), reverse("projects:directory")),
            (workspace.name, workspace.get_absolute_url() if trail else None),
            *trail,
        ],
    }
