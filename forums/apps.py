from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    """Discussion forums by theme (G-Forum), ownable by a workspace, with replies by email."""

    name = "forums"
    verbose_name = _("Forums")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from experts import activity
        from portal import personal_data, registry, roles, sitemaps

        from . import providers, signals  # noqa: F401  (connects receivers)
        from .sitemaps import TopicSitemap

        sitemaps.register("forum-topics", TopicSitemap)
        activity.register(
            activity.ActivitySource(
                key="forums", label=_("Forum discussions"), items=providers.topics_posted_in
            )
        )
        registry.register(providers.FORUM_TOPICS)
        personal_data.register("forums", providers.export_personal_data)
        for role, permissions in ROLE_PERMISSIONS.items():
            roles.register_role_permissions(role, permissions)


ROLE_PERMISSIONS = {
    "Member": {"forums.add_post"},
    "Editor": {"forums.add_forum", "forums.change_forum", "forums.view_forum"},
    "Moderator": {
        "forums.moderate_forum",
        "forums.view_forum",
        "forums.add_forumban",
        "forums.change_forumban",
        "forums.delete_forumban",
        "forums.view_forumban",
        "forums.view_moderationlogentry",
    },
    "Staff": {
        "forums.moderate_forum",
        "forums.add_forum",
        "forums.change_forum",
        "forums.delete_forum",
        "forums.view_forum",
        "forums.add_forumban",
        "forums.change_forumban",
        "forums.delete_forumban",
        "forums.view_forumban",
        "forums.view_moderationlogentry",
        "forums.view_inboundmail",
    },
}
