"""Wagtail admin of the events app: expert chooser, event proposals, registrations."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views
from .choosers import expert_chooser_viewset
from .models import Registration
from .permissions import CONVERT_NEWS


class RegistrationViewSet(ModelViewSet):
    """Every registration, filterable by event and status; the listing exports to CSV."""

    model = Registration
    icon = "group"
    menu_label = _("Event registrations")
    url_prefix = "events/registrations"
    name = "events_registrations"
    list_display = ["user", "event", "status", DateColumn("created_at", label=_("Registered"))]
    list_filter = ["status", "event"]
    search_fields = ["user__email", "user__display_name"]
    list_export = ["event", "user", "user__email", "user__organisation", "status", "created_at"]
    export_filename = "event-registrations"
    form_fields = ["status"]
    copy_view_enabled = False
    add_to_admin_menu = True
    menu_order = 260


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [expert_chooser_viewset, RegistrationViewSet()]


@hooks.register("register_admin_urls")
def register_proposal_urls():
    return [
        path("events/proposals/", admin_views.proposals, name="events_proposals"),
        path(
            "events/proposals/<int:news_id>/convert/",
            admin_views.convert,
            name="events_convert_news",
        ),
    ]


class ProposalsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(CONVERT_NEWS)


@hooks.register("register_admin_menu_item")
def register_proposals_menu_item():
    return ProposalsMenuItem(
        _("Event proposals"), reverse("events_proposals"), icon_name="date", order=255
    )
