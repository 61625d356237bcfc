"""Wagtail admin: staff see and fix every workspace and membership (secret ones included)."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import Membership, Workspace


class WorkspaceViewSet(ModelViewSet):
    model = Workspace
    icon = "group"
    menu_label = _("Workspaces")
    add_to_admin_menu = False
    list_display = ["name", "visibility", "membership_policy", "status", "created_at"]
    list_filter = ["visibility", "membership_policy", "status"]
    search_fields = ["name", "summary"]
    copy_view_enabled = False
    inspect_view_enabled = True
    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("visibility"), FieldPanel("membership_policy"), FieldPanel("status")],
            heading=_("Access"),
        ),
        FieldPanel("themes"),
        FieldPanel("countries"),
        FieldPanel("cover_image"),
    ]


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Memberships")
    add_to_admin_menu = False
    list_display = ["user", "workspace", "role", "joined_at"]
    list_filter = ["role"]
    search_fields = ["user__display_name", "user__email", "workspace__name"]
    copy_view_enabled = False
    panels = [FieldPanel("workspace"), FieldPanel("user"), FieldPanel("role")]


class WorkspacesGroup(ModelViewSetGroup):
    items = (WorkspaceViewSet, MembershipViewSet)
    menu_icon = "group"
    menu_label = _("Workspaces")
    menu_name = "workspaces"


@hooks.register("register_admin_viewset")
def register_viewsets():
    return WorkspacesGroup()
