"""A member's event registrations, for the "download my data" file."""

from .models import Registration


def export_event_data(user) -> dict:
    registrations = Registration.objects.filter(user=user).select_related("event")
    return {
        "registrations": [
            {
                "event": registration.event.title,
                "event_starts_on": registration.event.starts_on.isoformat(),
                "status": registration.status,
                "registered_at": registration.created_at.isoformat(),
                "cancelled_at": registration.cancelled_at.isoformat()
                if registration.cancelled_at
                else None,
            }
            for registration in registrations
        ]
    }
