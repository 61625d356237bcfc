from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """One search index over every app's content (see search.registry)."""

    name = "search"
    verbose_name = _("Search")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from portal.api import api

        from . import registry
        from .api import router

        registry.autodiscover()
        for source in registry.sources():
            source.connect()
        api.add_router("/search", router)
