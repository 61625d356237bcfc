from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    """The resource library: catalogue, resources, files, extraction, imports, citations."""

    name = "library"
    verbose_name = _("Library")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from experts import activity
        from portal import registry
        from portal.api import api
        from portal.roles import EDITOR, register_role_permissions

        from . import providers, signals  # noqa: F401  (connects receivers)
        from .api import router

        registry.register(providers.RESOURCES)
        activity.register(
            activity.ActivitySource(
                key="library",
                label=_("Library publications"),
                items=providers.publications_of,
                order=10,
            )
        )
        register_role_permissions(
            EDITOR,
            {
                "library.add_importjob",
                "library.view_importjob",
                "library.view_downloadcount",
            },
        )
        api.add_router("/resources/", router)
