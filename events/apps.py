from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    """Trainings, seminars, conferences and online events, with programmes and registration."""

    name = "events"
    verbose_name = _("Events and trainings")

    def ready(self):
        from portal import personal_data, registry, roles

        from . import providers
        from .personal_data import export_event_data

        registry.register(providers.UPCOMING_EVENTS)
        personal_data.register("events", export_event_data)
        editor_permissions = {
            "events.view_registration",
            "events.change_registration",
            "events.export_registrations",
        }
        roles.register_role_permissions(roles.EDITOR, editor_permissions)
        roles.register_role_permissions(roles.STAFF, {"events.view_registration"})
