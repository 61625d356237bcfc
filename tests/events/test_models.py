"""Event pages refuse impossible dates with messages that say what to fix."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from events.models import EventPage

from .factories import EventPageFactory, module_block

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English (the French catalogue is checked by make check-messages)."""
    with translation.override("en"):
        yield


NOV_30, DEC_11 = datetime.date(2009, 11, 30), datetime.date(2009, 12, 11)


def seminar(**fields) -> EventPage:
    values = {
        "title": "Séminaire sur la micro-assurance santé participative",
        "slug": "seminaire",
        "event_type": "seminar",
        "summary": "Trois modules.",
        "starts_on": NOV_30,
        "ends_on": DEC_11,
        "time_zone": "Europe/Paris",
        **fields,
    }
    return EventPage(**values)


def errors_of(page: EventPage) -> dict:
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    return caught.value.message_dict if hasattr(caught.value, "error_dict") else {}


def test_event_cannot_end_before_it_starts(calendar):
    errors = errors_of(seminar(starts_on=DEC_11, ends_on=NOV_30))
    assert errors["ends_on"] == [
        "The event cannot end before it starts: check the first and last days."
    ]


def test_one_day_event_cannot_end_before_its_start_time(calendar):
    page = seminar(ends_on=NOV_30, start_time=datetime.time(14, 0), end_time=datetime.time(9, 0))
    assert "end_time" in errors_of(page)


def test_module_outside_the_event_dates_is_refused_with_its_title_and_the_event_dates(calendar):
    page = seminar(
        programme=[
            module_block("Module 1", NOV_30, datetime.date(2009, 12, 2)),
            module_block("Module 3", datetime.date(2009, 12, 7), datetime.date(2009, 12, 14)),
        ]
    )
    with pytest.raises(ValidationError) as caught:
        page.full_clean()
    programme_error = caught.value.error_dict["programme"][0]
    assert list(programme_error.block_errors) == [1]  # module 1 is fine
    end_error = programme_error.block_errors[1].block_errors["end_date"]
    assert end_error.message % end_error.params == (
        "“Module 3” falls outside the event (2009-11-30 – 2009-12-11): "
        "2009-12-14 is not one of its days."
    )


def test_module_within_the_event_dates_is_accepted(calendar):
    page = seminar(programme=[module_block("Module 2", datetime.date(2009, 12, 3), DEC_11)])
    calendar["fr"].add_child(instance=page)  # full_clean runs on save in Wagtail
    assert page.pk


def test_unknown_time_zone_is_refused(calendar):
    errors = errors_of(seminar(time_zone="Africa/Atlantis"))
    assert "Unknown time zone “Africa/Atlantis”" in errors["time_zone"][0]


def test_registration_deadline_after_the_event_is_refused(calendar):
    errors = errors_of(seminar(registration_deadline=datetime.date(2009, 12, 20)))
    assert errors["registration_deadline"] == [
        "Registration cannot close after the event has ended."
    ]


def test_times_are_the_event_own_local_times(calendar):
    event = EventPageFactory(
        parent=calendar["fr"],
        starts_on=datetime.date(2026, 3, 12),
        ends_on=datetime.date(2026, 3, 12),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(12, 30),
        time_zone="Africa/Dakar",
    )
    geneva = event.starts_at.astimezone(zoneinfo.ZoneInfo("Europe/Zurich"))
    assert (geneva.hour, geneva.minute) == (10, 0)
    assert event.utc_offset_label == "UTC+00:00"
    assert event.date_line() == "12 March 2026, 09:00–12:30 (Africa/Dakar, UTC+00:00)"


def test_whole_day_event_ends_at_midnight_after_its_last_day(calendar):
    event = EventPageFactory(
        parent=calendar["fr"],
        starts_on=datetime.date(2026, 3, 12),
        ends_on=datetime.date(2026, 3, 14),
        time_zone="Africa/Casablanca",
    )
    assert event.is_all_day
    assert event.ends_at.date() == datetime.date(2026, 3, 15)
