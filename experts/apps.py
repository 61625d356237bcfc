from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExpertsConfig(AppConfig):
    """The bank of experts' CVs: structured profiles, privacy, contact and export."""

    name = "experts"
    verbose_name = _("Expert bank")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal import personal_data, registry, roles, sitemaps

        from . import providers, services, signals  # noqa: F401  (connects receivers)
        from .sitemaps import ExpertProfileSitemap

        sitemaps.register("experts", ExpertProfileSitemap)
        registry.register(providers.EXPERTS)
        personal_data.register("experts", services.export_for_user)
        roles.register_role_permissions(
            roles.STAFF,
            {
                "experts.view_expertprofile",
                "experts.change_expertprofile",
                "experts.delete_expertprofile",
                "experts.validate_expertprofile",
                "experts.view_contactmessage",
                "experts.view_experteditlog",
            },
        )
        # Moderators handle abuse, which includes misuse of the contact form.
        roles.register_role_permissions(roles.MODERATOR, {"experts.view_contactmessage"})
