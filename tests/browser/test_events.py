"""A member finds an event in the calendar, registers, and the pages pass axe-core."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Page

from events.models import Registration
from tests.browser.actions import PASSWORD, log_in
from tests.events.factories import EventIndexPageFactory, EventPageFactory, module_block
from tests.portal.factories import UserFactory
from tests.support.a11y import assert_accessible

pytestmark = pytest.mark.browser


@pytest.fixture
def workshop(db):
    """The French calendar with one upcoming workshop in Dakar that takes registrations."""
    home = Page.objects.get(depth=2, locale__language_code="fr")
    calendar = EventIndexPageFactory(parent=home, title="Événements", slug="events")
    start = timezone.localdate() + datetime.timedelta(days=20)
    return EventPageFactory(
        parent=calendar,
        title="Atelier régional de Dakar",
        slug="atelier-dakar",
        starts_on=start,
        ends_on=start + datetime.timedelta(days=2),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(17, 0),
        organisers="La Concertation",
        registration_enabled=True,
        capacity=20,
        programme=[
            module_block(
                "Préparer la négociation avec les prestataires",
                start,
                start,
                duration="1 jour",
                objectives=["Connaître l'offre de soins et ses coûts"],
                speakers=[(None, "Bruno Galland", "CIDR")],
            )
        ],
    )


def test_member_registers_for_an_event_from_the_calendar(page, workshop):
    member = UserFactory(password=PASSWORD)
    log_in(page, member.email)

    page.goto("/fr/events/")
    assert_accessible(page)
    page.click("text=Atelier régional de Dakar")
    expect(page).to_have_url(re.compile(r"/fr/events/atelier-dakar/$"))
    expect(page.locator(".event-facts")).to_contain_text("Africa/Dakar (UTC+00:00)")
    assert_accessible(page)

    with page.expect_navigation():
        page.click("#register-button")

    expect(page.locator(".messages")).to_contain_text("Vous êtes inscrit")
    expect(page.locator("#registration")).to_contain_text("Annuler mon inscription")
    assert Registration.objects.get(event=workshop, user=member).status == "confirmed"
    assert_accessible(page)


def test_filtered_calendar_is_accessible_without_results(page, workshop):
    page.goto("/fr/events/?type=conference&start=2020-01-01")
    expect(page.locator(".empty-result")).to_be_visible()
    assert_accessible(page)
