"""Upcoming events on the home page "latest items" blocks and on theme pages."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from portal import registry

from .models import EventPage


def _upcoming(user):
    return (
        EventPage.objects.visible_to(user)
        .filter(locale=Locale.get_active())
        .upcoming(timezone.localdate())
        .prefetch_related("themes")
        .select_related("country")
        .order_by("starts_on", "start_time", "pk")
    )


def _as_item(event: EventPage) -> registry.ListedItem:
    place = event.city or (event.get_attendance_display() if event.attendance == "online" else "")
    kind = event.get_event_type_display()
    return registry.ListedItem(
        title=event.title,
        url=event.url,
        kind=f"{kind} · {place}" if place else kind,
        summary=event.summary,
        date=event.starts_on,
        themes=tuple(theme.name for theme in event.themes.all()),
    )


def upcoming_events(user, limit: int) -> list[registry.ListedItem]:
    return [_as_item(event) for event in _upcoming(user)[:limit]]


def upcoming_events_for_theme(theme, user, limit: int) -> list[registry.ListedItem]:
    return [_as_item(event) for event in _upcoming(user).filter(themes=theme)[:limit]]


UPCOMING_EVENTS = registry.ContentProvider(
    key="events",
    label=_("Upcoming events"),
    latest=upcoming_events,
    for_theme=upcoming_events_for_theme,
    order=150,
)
