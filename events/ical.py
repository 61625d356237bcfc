"""iCalendar output (RFC 5545) with the icalendar library: the calendar feeds and one event.

Timed events carry their own time zone (TZID plus its VTIMEZONE), so a
calendar program in Geneva shows a 09:00 Dakar session at the right local
hour; whole-day events are plain dates, which calendars never shift.
"""

from datetime import timedelta

import icalendar
from django.http import Http404, HttpResponse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Site

from portal.models import Theme

from .models import EventIndexPage, EventPage

# A calendar program downloads the whole feed on every refresh: keep it bounded.
MAX_FEED_EVENTS = 500
PRODID = "-//Social Protection Portal//Events//EN"


def _host(request=None) -> str:
    if request is not None:
        return request.get_host().split(":")[0]
    site = Site.objects.filter(is_default_site=True).first()
    return site.hostname if site else "localhost"


def event_component(event: EventPage, url: str, host: str) -> icalendar.Event:
    component = icalendar.Event()
    component.add("uid", f"event-{event.translation_key}-{event.locale.language_code}@{host}")
    component.add("dtstamp", timezone.now())
    component.add("summary", event.title)
    if event.is_all_day:
        component.add("dtstart", event.starts_on)
        # DTEND of an all-day event is exclusive: the day after the last day.
        component.add("dtend", event.ends_on + timedelta(days=1))
    else:
        component.add("dtstart", event.starts_at)
        component.add("dtend", event.ends_at)
    location = event.place_line
    if event.attendance == "online":
        location = location or _("Online")
    if location:
        component.add("location", location)
    component.add("description", f"{event.summary}\n\n{url}".strip())
    component.add("url", url)
    component.add("categories", [event.get_event_type_display()])
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    return component


def build_calendar(name: str, events, host: str, full_url) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(event_component(event, full_url(event), host))
    calendar.add_missing_timezones()
    return calendar


def event_ics(event: EventPage, request=None) -> bytes:
    """The .ics of one event (the "Add to calendar" link and the email attachment)."""
    with translation.override(event.locale.language_code):
        url = event.get_full_url(request) or ""
        calendar = build_calendar(event.title, [event], _host(request), lambda _event: url)
        return calendar.to_ical()


def _response(body: bytes, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=900"
    return response


def event_response(event: EventPage, request) -> HttpResponse:
    filename = f"{slugify(event.slug)[:60] or 'event'}.ics"
    return _response(event_ics(event, request), filename, attachment=True)


def calendar_response(index: EventIndexPage, request, theme_slug: str | None) -> HttpResponse:
    """Every visible event of this calendar's language (or of one theme), newest first."""
    events = (
        EventPage.objects.visible_to(request.user)
        .filter(locale_id=index.locale_id)
        .select_related("country", "locale")
        .order_by("-starts_on", "pk")
    )
    name = index.title
    if theme_slug is not None:
        theme = Theme.objects.for_slug(theme_slug).first()
        if theme is None:
            raise Http404("No such theme")
        events = events.filter(themes=theme)
        name = f"{index.title} – {theme.name}"
    events = list(events[:MAX_FEED_EVENTS])
    calendar = build_calendar(
        name, events, _host(request), lambda event: event.get_full_url(request) or ""
    )
    return _response(calendar.to_ical(), "events.ics", attachment=False)
