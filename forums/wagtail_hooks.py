"""Wagtail admin for the forums: editors create forums, moderators manage bans and read logs.

Topics and posts are moderated on the site itself (the moderation pages), where
moderators see them in context.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import Forum, ForumBan, InboundMail, ModerationLogEntry


class ForumViewSet(ModelViewSet):
    name = "forum_admin"
    url_prefix = "forums/forums"
    model = Forum
    icon = "comment"
    menu_label = _("Forums")
    list_display = ["name_fr", "name_en", "slug", "topic_count", "post_count", "premoderation"]
    search_fields = ["name_fr", "name_en", "slug"]
    ordering = ["sort_order", "name_fr"]
    panels = [
        MultiFieldPanel([FieldPanel("name_fr"), FieldPanel("description_fr")], heading=_("French")),
        MultiFieldPanel(
            [FieldPanel("name_en"), FieldPanel("description_en")], heading=_("English")
        ),
        FieldPanel("slug"),
        FieldPanel("themes"),
        FieldPanel("sort_order"),
        FieldPanel("premoderation"),
        FieldPanel("moderators"),
    ]


class ForumBanViewSet(ModelViewSet):
    name = "forum_bans"
    url_prefix = "forums/bans"
    model = ForumBan
    icon = "warning"
    menu_label = _("Bans")
    list_display = ["user", "forum", "reason", "expires_at", "created_at"]
    search_fields = ["user__display_name", "user__email", "reason"]
    form_fields = ["user", "forum", "reason", "expires_at"]

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)

        class BanForm(form_class):
            def save(self, commit=True):
                if self.instance.created_by_id is None and self.for_user is not None:
                    self.instance.created_by = self.for_user
                return super().save(commit)

        return BanForm


class ModerationLogViewSet(ModelViewSet):
    """Read-only: the roles get the "view" permission only."""

    name = "forum_moderation_log"
    url_prefix = "forums/moderation-log"
    model = ModerationLogEntry
    icon = "history"
    menu_label = _("Moderation log")
    list_display = ["created_at", "moderator", "action", "topic", "reason"]
    list_filter = ["action"]
    form_fields = ["reason"]
    inspect_view_enabled = True
    copy_view_enabled = False


class InboundMailViewSet(ModelViewSet):
    """Read-only log of replies by email, with the reason of each rejection."""

    name = "forum_inbound_mail"
    url_prefix = "forums/replies-by-email"
    model = InboundMail
    icon = "mail"
    menu_label = _("Replies by email")
    list_display = ["received_at", "sender", "status", "reason", "topic"]
    list_filter = ["status", "reason"]
    form_fields = ["reason"]
    inspect_view_enabled = True
    copy_view_enabled = False


class ForumsViewSetGroup(ModelViewSetGroup):
    items = (ForumViewSet, ForumBanViewSet, ModerationLogViewSet, InboundMailViewSet)
    menu_icon = "comment"
    menu_label = _("Forums")
    menu_name = "forums"


@hooks.register("register_admin_viewset")
def register_forums_viewsets():
    return ForumsViewSetGroup()
