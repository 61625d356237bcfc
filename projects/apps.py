from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    """Project workspaces: members, wiki, documents, discussion and their activity."""

    name = "projects"
    verbose_name = _("Workspaces")

    def ready(self):
        from forums.owners import register_owner
        from portal import personal_data, registry, roles, sitemaps
        from portal.api import api

        from . import providers, signals  # noqa: F401  (connects receivers)
        from .api import router
        from .models import Workspace
        from .personal_data import export_workspaces
        from .sitemaps import SITEMAPS

        register_owner(Workspace)
        for key, sitemap in SITEMAPS.items():
            sitemaps.register(key, sitemap)
        api.add_router("/workspaces/", router)
        registry.register(providers.WORKSPACES)
        registry.register(providers.WORKSPACE_ACTIVITY)
        personal_data.register("workspaces", export_workspaces)
        roles.register_role_permissions(
            roles.STAFF,
            {
                "projects.view_workspace",
                "projects.change_workspace",
                "projects.delete_workspace",
                "projects.view_membership",
                "projects.change_membership",
                "projects.delete_membership",
            },
        )
