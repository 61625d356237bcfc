"""iCalendar output, parsed back with the icalendar library as a calendar program would."""

import datetime
import zoneinfo

import icalendar
import pytest
from wagtail.models import PageViewRestriction

from portal.models import Theme

from .factories import EventPageFactory

pytestmark = pytest.mark.django_db


def parse(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def summaries(calendar) -> list[str]:
    return sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))


def test_timed_event_carries_its_time_zone_and_the_right_instant(client, calendar):
    event = EventPageFactory(
        parent=calendar["fr"],
        title="Webinaire MAS Pilote",
        starts_on=datetime.date(2026, 6, 4),
        ends_on=datetime.date(2026, 6, 4),
        start_time=datetime.time(14, 0),
        end_time=datetime.time(15, 30),
        time_zone="Africa/Casablanca",
        city="Rabat",
        country_id="MA",
    )
    parsed = parse(client.get(event.url + "ics/"))
    (vevent,) = parsed.walk("VEVENT")
    start, end = vevent.decoded("DTSTART"), vevent.decoded("DTEND")
    assert vevent["DTSTART"].params["TZID"] == "Africa/Casablanca"
    assert [tz["TZID"] for tz in parsed.walk("VTIMEZONE")] == ["Africa/Casablanca"]
    utc = zoneinfo.ZoneInfo("UTC")
    assert start.astimezone(utc) == datetime.datetime(2026, 6, 4, 13, 0, tzinfo=utc)
    assert end - start == datetime.timedelta(minutes=90)
    assert str(vevent["LOCATION"]) == "Rabat, Maroc"
    assert str(vevent["URL"]).endswith(event.url)
    assert str(vevent["UID"]).startswith(f"event-{event.translation_key}-fr@")


def test_whole_day_event_is_a_span_of_dates_with_an_exclusive_end(client, calendar):
    event = EventPageFactory(
        parent=calendar["fr"],
        starts_on=datetime.date(2009, 11, 30),
        ends_on=datetime.date(2009, 12, 11),
    )
    response = client.get(event.url + "ics/")
    assert response["Content-Disposition"].startswith("attachment; filename=")
    (vevent,) = parse(response).walk("VEVENT")
    assert vevent.decoded("DTSTART") == datetime.date(2009, 11, 30)
    assert vevent.decoded("DTEND") == datetime.date(2009, 12, 12)


def test_calendar_feed_holds_every_visible_event_of_its_language(client, calendar):
    EventPageFactory(parent=calendar["fr"], title="Atelier de Dakar")
    EventPageFactory(
        parent=calendar["fr"],
        title="Séminaire 2009",
        starts_on=datetime.date(2009, 11, 30),
        ends_on=datetime.date(2009, 12, 11),
    )
    EventPageFactory(parent=calendar["fr"], title="Brouillon", live=False)
    private = EventPageFactory(parent=calendar["fr"], title="Réservé")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    EventPageFactory(parent=calendar["en"], title="Dakar workshop")
    parsed = parse(client.get("/fr/events/calendar/ics/"))
    assert summaries(parsed) == ["Atelier de Dakar", "Séminaire 2009"]
    assert str(parsed["X-WR-CALNAME"]) == "Événements"
    assert summaries(parse(client.get("/en/events/calendar/ics/"))) == ["Dakar workshop"]


def test_theme_feed_holds_the_events_of_that_theme(client, calendar):
    financing = Theme.objects.get(slug_en="health-financing")
    EventPageFactory(parent=calendar["fr"], title="Financer la santé", themes=[financing])
    EventPageFactory(parent=calendar["fr"], title="Autre sujet")
    parsed = parse(client.get("/fr/events/themes/financement-de-la-sante/calendar/ics/"))
    assert summaries(parsed) == ["Financer la santé"]
    assert "Financement de la santé" in str(parsed["X-WR-CALNAME"])
    # The English slug of the theme works too (links are shared across languages).
    english = parse(client.get("/fr/events/themes/health-financing/calendar/ics/"))
    assert summaries(english) == ["Financer la santé"]


def test_unknown_theme_feed_is_not_found(client, calendar):
    assert client.get("/fr/events/themes/astrologie/calendar/ics/").status_code == 404


def test_feed_costs_the_same_queries_with_few_and_many_events(
    client, calendar, django_assert_max_num_queries
):
    EventPageFactory(parent=calendar["fr"])
    with django_assert_max_num_queries(30) as few:
        client.get("/fr/events/calendar/ics/")
    for _ in range(15):
        EventPageFactory(parent=calendar["fr"])
    with django_assert_max_num_queries(len(few.captured_queries)):
        parsed = parse(client.get("/fr/events/calendar/ics/"))
    assert len(parsed.walk("VEVENT")) == 16
