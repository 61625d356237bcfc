from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The shared base: settings, accounts, taxonomy, home/theme pages, sanitizer."""

    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from . import providers, registry, roles, signals  # noqa: F401  (connects receivers)

        registry.register(providers.PAGES)
        post_migrate.connect(roles.sync_role_permissions)
