"""The bank in the Wagtail admin: staff validate profiles and read the contact and edit logs.

Experts edit their own CVs on the site; staff only give or remove the badge
here (through the same service as the site's button), and read the logs.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import ContactMessage, ExpertEditLog, ExpertProfile
from .services import set_validated


class ExpertProfileEditView(EditView):
    def save_instance(self):
        # The form already changed the instance: compare with what is stored.
        profile = ExpertProfile.objects.get(pk=self.form.instance.pk)
        set_validated(profile, self.form.cleaned_data["is_validated"], self.request.user)
        return profile


class ExpertProfileViewSet(ModelViewSet):
    model = ExpertProfile
    url_prefix = "experts/profiles"
    icon = "user"
    menu_label = _("Expert profiles")
    edit_view_class = ExpertProfileEditView
    form_fields = ["is_validated"]
    list_display = ["user", "headline", "visibility", "is_validated", "updated_at"]
    list_filter = ["is_validated", "visibility", "availability"]
    search_fields = ["headline", "keywords", "user__display_name", "user__email"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "user",
        "headline",
        "summary",
        "keywords",
        "visibility",
        "availability",
        "is_validated",
        "validated_at",
        "validated_by",
        "created_at",
        "updated_at",
    ]
    copy_view_enabled = False


class ContactMessageViewSet(ModelViewSet):
    """Read-only: the log exists so that staff and moderators can handle abuse."""

    model = ContactMessage
    url_prefix = "experts/contact-messages"
    icon = "mail"
    menu_label = _("Contact messages")
    exclude_form_fields = ["sender", "recipient", "subject", "body", "delivered_at"]
    list_display = ["subject", "sender", "recipient", "created_at", "delivered_at"]
    list_filter = ["created_at"]
    search_fields = ["subject", "body", "sender__email", "recipient__email"]
    inspect_view_enabled = True
    inspect_view_fields = ["sender", "recipient", "subject", "body", "created_at", "delivered_at"]
    copy_view_enabled = False


class ExpertEditLogViewSet(ModelViewSet):
    model = ExpertEditLog
    url_prefix = "experts/profile-edits"
    icon = "history"
    menu_label = _("Profile edits")
    exclude_form_fields = ["profile", "editor", "section", "changed_fields"]
    list_display = ["profile", "section", "changed_fields", "editor", "created_at"]
    list_filter = ["section"]
    inspect_view_enabled = True
    copy_view_enabled = False


class ExpertBankViewSetGroup(ModelViewSetGroup):
    menu_label = _("Expert bank")
    menu_icon = "group"
    items = (ExpertProfileViewSet, ContactMessageViewSet, ExpertEditLogViewSet)


@hooks.register("register_admin_viewset")
def register_expert_bank_viewsets():
    return ExpertBankViewSetGroup()
