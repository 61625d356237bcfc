"""The demo calendar: the three-module seminar with its speakers, Dakar, Rabat, a webinar."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from events import demo as events_demo
from events.models import EventIndexPage, EventPage
from events.programme import build_programme
from experts import demo as experts_demo
from portal import demo as portal_demo


@pytest.fixture
def demo(db):
    out = io.StringIO()
    portal_demo.load(out)
    experts_demo.load(out)
    events_demo.load(out)
    return out


def test_demo_has_past_and_upcoming_events_of_every_kind_in_both_languages(demo):
    events = EventPage.objects.live()
    today = timezone.localdate()
    assert set(events.values_list("event_type", flat=True)) == {
        "seminar",
        "workshop",
        "conference",
        "webinar",
    }
    assert events.past(today).exists() and events.upcoming(today).exists()
    assert set(events.values_list("locale__language_code", flat=True)) == {"fr", "en"}
    assert EventIndexPage.objects.filter(slug="events").count() == 2
    assert set(events.values_list("city", flat=True)) >= {"Dakar", "Rabat"}


def test_demo_seminar_has_three_modules_with_speakers_some_linked_to_experts(demo):
    seminar = EventPage.objects.get(event_type="seminar")
    modules = build_programme(seminar, AnonymousUser())
    assert len(modules) == 3
    speakers = [speaker for module in modules for speaker in module.speakers]
    assert "Bruno Galland" in {speaker.name for speaker in speakers}
    linked = {speaker.name for speaker in speakers if speaker.url}
    assert {"Kadiatou Traoré", "Pascal Kaboré"} <= linked
    seminar.full_clean()  # modules within the seminar's dates


def test_demo_is_idempotent_and_lists_events_on_the_home_pages(demo, client):
    count = EventPage.objects.count()
    events_demo.load(io.StringIO())
    assert EventPage.objects.count() == count
    assert "Prochains événements" in client.get("/fr/").content.decode()
    assert client.get("/fr/events/").status_code == 200
    assert client.get("/en/events/?when=past").status_code == 200
