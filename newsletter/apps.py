from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    """User news from the field and the G-NEWS newsletter built from it."""

    name = "newsletter"
    verbose_name = _("User news and G-NEWS")

    def ready(self):
        from library import mentions
        from portal import personal_data, registry, roles

        from . import providers, signals  # noqa: F401  (connects receivers)
        from .personal_data import export_newsletter_data
        from .services import issue_mentions

        registry.register(providers.NEWS)
        mentions.register("gnews", issue_mentions)
        personal_data.register("newsletter", export_newsletter_data)
        roles.register_role_permissions(roles.MEMBER, {"newsletter.add_newsitem"})
        editor_permissions = {
            "newsletter.add_newsitem",
            "newsletter.change_newsitem",
            "newsletter.view_newsitem",
            "newsletter.delete_newsitem",
            "newsletter.add_newscategory",
            "newsletter.change_newscategory",
            "newsletter.view_newscategory",
            "newsletter.view_subscriber",
            "newsletter.change_subscriber",
            "newsletter.export_subscribers",
            "newsletter.send_issue",
        }
        roles.register_role_permissions(roles.EDITOR, editor_permissions)
        roles.register_role_permissions(
            roles.STAFF,
            {"newsletter.view_subscriber", "newsletter.change_subscriber",
             "newsletter.delete_subscriber", "newsletter.view_newsitem"},
        )  # fmt: skip
