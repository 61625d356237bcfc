"""Editors create events in the Wagtail admin; bad dates come back as form errors, not 500s."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventPage

pytestmark = pytest.mark.django_db


def module(title, start, end):
    return (
        "module",
        {
            "title": title,
            "start_date": start,
            "end_date": end,
            "duration": "",
            "objectives": streamfield([]),
            "themes": streamfield([]),
            "speakers": streamfield(
                [("item", {"expert": "", "name": "Bruno Galland", "affiliation": "CIDR"})]
            ),
        },
    )


def event_form(starts_on="2009-11-30", ends_on="2009-12-11", modules=()) -> dict:
    return nested_form_data(
        {
            "title": "Séminaire sur la micro-assurance santé participative",
            "slug": "seminaire-2009",
            "event_type": "seminar",
            "summary": "Trois modules.",
            "starts_on": starts_on,
            "ends_on": ends_on,
            "time_zone": "Europe/Paris",
            "attendance": "in-person",
            "is_free": "on",
            "online_link_for_participants_only": "on",
            "programme": streamfield(list(modules)),
            "documents": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def add_url(parent) -> str:
    return f"/admin/pages/add/events/eventpage/{parent.pk}/"


def test_editor_creates_an_event_with_its_programme(editor_client, calendar):
    data = event_form(modules=[module("Module 1", "2009-11-30", "2009-12-02")])
    response = editor_client.post(add_url(calendar["fr"]), data)
    assert response.status_code == 302
    event = EventPage.objects.get(slug="seminaire-2009", locale=calendar["fr"].locale)
    assert event.programme[0].value["title"] == "Module 1"
    assert event.programme[0].value["speakers"][0]["name"] == "Bruno Galland"


def test_event_ending_before_it_starts_is_a_form_error(editor_client, calendar):
    response = editor_client.post(add_url(calendar["fr"]), event_form(ends_on="2009-11-01"))
    assert response.status_code == 200
    assert "ends_on" in response.context["form"].errors
    assert not EventPage.objects.exists()


def test_module_outside_the_event_is_shown_on_the_module(editor_client, calendar):
    data = event_form(modules=[module("Module 3", "2009-12-07", "2009-12-14")])
    response = editor_client.post(add_url(calendar["fr"]), data)
    assert response.status_code == 200
    assert "programme" in response.context["form"].errors
    assert "Module 3" in response.content.decode()
    assert not EventPage.objects.exists()
