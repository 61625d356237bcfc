"""Registration: places, waiting list, deadline, confirmation email with .ics, cancellation.

Email goes over real SMTP (`smtp_mailbox`); events are in the English
calendar so that the messages read in English.
"""

import datetime
import zoneinfo
from urllib.parse import urlencode

import icalendar
import pytest
from django.utils import timezone

from events import services
from events.models import Registration
from events.tokens import make_cancel_token
from tests.portal.factories import UserFactory

from .factories import EventPageFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

BASE = "http://127.0.0.1:8000"


@pytest.fixture
def event(calendar):
    return EventPageFactory(
        parent=calendar["en"],
        title="Regional workshop on mutual health organisations",
        slug="dakar-workshop",
        registration_enabled=True,
        capacity=2,
    )


def register(client, user, event):
    client.force_login(user)
    return client.post(event.url + "register/", follow=True)


def calendar_of(mail) -> icalendar.Calendar:
    attachments = [part for part in mail.message.walk() if part.get_filename()]
    assert [part.get_content_type() for part in attachments] == ["text/calendar"]
    return icalendar.Calendar.from_ical(attachments[0].get_payload(decode=True))


def test_member_registers_and_gets_a_confirmation_with_the_event_for_their_calendar(
    client, event, smtp_mailbox, committed
):
    member = UserFactory(email="aminata@example.org", preferred_language="en")
    with committed(execute=True):
        response = register(client, member, event)
    assert "You are registered" in response.content.decode()
    assert Registration.objects.get(event=event, user=member).status == "confirmed"
    mail = smtp_mailbox.wait_for("aminata@example.org")
    assert "Registration confirmed: Regional workshop" in mail.subject
    assert "Cannot come after all?" in mail.text
    (vevent,) = calendar_of(mail).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == event.title
    assert vevent.decoded("DTSTART") == event.starts_on
    cancel_links = [link for link in mail.links if "/cancel/" in link]
    assert cancel_links and cancel_links[0].startswith(BASE + event.url + "cancel/link/?token=")


def test_registering_twice_keeps_one_place_and_says_so(client, event, committed):
    member = UserFactory()
    with committed(execute=True):
        register(client, member, event)
        response = register(client, member, event)
    assert "You are already registered for this event." in response.content.decode()
    assert Registration.objects.filter(event=event, user=member).count() == 1


def test_registering_after_the_deadline_is_refused(client, event):
    event.registration_deadline = timezone.localdate() - datetime.timedelta(days=1)
    event.save_revision().publish()
    response = register(client, UserFactory(), event)
    assert "Registration closed on" in response.content.decode()
    assert not Registration.objects.filter(event=event).exists()


def test_deadline_is_the_end_of_the_day_in_the_event_time_zone(event):
    event.registration_deadline = datetime.date(2026, 3, 10)
    event.time_zone = "Africa/Dakar"  # UTC+0
    last_minute = datetime.datetime(2026, 3, 10, 23, 59, tzinfo=datetime.UTC)
    too_late = datetime.datetime(2026, 3, 11, 0, 1, tzinfo=datetime.UTC)
    assert event.registration_is_open(last_minute)
    assert not event.registration_is_open(too_late)
    member = UserFactory()
    with pytest.raises(services.RegistrationError) as caught:
        services.register(event, member, now=too_late)
    assert caught.value.code == services.CLOSED


def test_registering_above_capacity_goes_to_the_waiting_list(
    client, event, smtp_mailbox, committed
):
    RegistrationFactory.create_batch(2, event=event)
    late = UserFactory(email="late@example.org", preferred_language="en")
    with committed(execute=True):
        response = register(client, late, event)
    assert "you are on the waiting list" in response.content.decode()
    assert Registration.objects.get(user=late).status == "waiting"
    mail = smtp_mailbox.wait_for("late@example.org")
    assert mail.subject.endswith("Waiting list: Regional workshop on mutual health organisations")
    assert not [part for part in mail.message.walk() if part.get_filename()]


def test_cancelling_a_place_promotes_the_first_member_on_the_waiting_list(
    event, smtp_mailbox, committed
):
    leaving, staying = RegistrationFactory.create_batch(2, event=event)
    first = RegistrationFactory(
        event=event,
        status="waiting",
        user=UserFactory(email="first@example.org", preferred_language="en"),
    )
    second = RegistrationFactory(event=event, status="waiting")
    with committed(execute=True):
        promoted = services.cancel(leaving)
    assert promoted == first
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("confirmed", "waiting")
    mail = smtp_mailbox.wait_for("first@example.org")
    assert "A place is yours" in mail.subject
    assert calendar_of(mail).walk("VEVENT")


def test_confirmation_email_is_in_the_member_language(client, event, smtp_mailbox, committed):
    member = UserFactory(email="fatou@example.org", preferred_language="fr")
    with committed(execute=True):
        register(client, member, event)
    mail = smtp_mailbox.wait_for("fatou@example.org")
    assert "Inscription confirmée : Regional workshop" in mail.subject
    assert "Vous ne pouvez plus venir ?" in mail.text


def test_confirmation_email_gives_the_online_link_kept_for_participants(
    client, event, smtp_mailbox, committed
):
    event.attendance = "online"
    event.online_url = "https://meet.example.org/dakar-workshop"
    event.online_link_for_participants_only = True
    event.save_revision().publish()
    member = UserFactory(email="online@example.org", preferred_language="en")
    with committed(execute=True):
        register(client, member, event)
    mail = smtp_mailbox.wait_for("online@example.org")
    assert "Join online: https://meet.example.org/dakar-workshop" in mail.text


def test_waiting_list_email_does_not_give_the_online_link(event, smtp_mailbox, committed):
    event.attendance = "online"
    event.online_url = "https://meet.example.org/dakar-workshop"
    event.save_revision().publish()
    RegistrationFactory.create_batch(2, event=event)
    late = UserFactory(email="late@example.org", preferred_language="en")
    with committed(execute=True):
        services.register(event, late)
    mail = smtp_mailbox.wait_for("late@example.org")
    assert "meet.example.org" not in mail.text


def test_cancelling_a_waiting_list_spot_promotes_nobody(event):
    RegistrationFactory.create_batch(2, event=event)
    waiting = RegistrationFactory(event=event, status="waiting")
    other = RegistrationFactory(event=event, status="waiting")
    assert services.cancel(waiting) is None
    other.refresh_from_db()
    assert other.status == "waiting"


def test_member_registers_again_after_cancelling(event):
    registration = RegistrationFactory(event=event)
    services.cancel(registration)
    again = services.register(event, registration.user)
    assert again.pk == registration.pk and again.status == "confirmed"


def test_cancellation_link_asks_before_cancelling(client, event):
    registration = RegistrationFactory(event=event)
    url = event.url + f"cancel/link/?token={make_cancel_token(registration.pk)}"
    response = client.get(url)
    assert response.status_code == 200
    assert "Yes, cancel my registration" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    response = client.post(url)
    assert "is cancelled" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_tampered_cancellation_link_is_refused_clearly_and_changes_nothing(client, event):
    """Cut, altered, forged for another registration, or not a token at all: 400, not 500."""
    registration = RegistrationFactory(event=event)
    other = RegistrationFactory(event=event)
    token = make_cancel_token(registration.pk)
    forged = token.replace(f"{registration.pk}:", f"{other.pk}:", 1)
    for bad in (token[:-3] + "abc", forged, "nonsense", token + "x"):
        response = client.post(
            event.url + "cancel/link/", {}, QUERY_STRING=urlencode({"token": bad})
        )
        assert response.status_code == 400, bad
        assert "This cancellation link does not work" in response.content.decode()
    assert set(Registration.objects.values_list("status", flat=True)) == {"confirmed"}


def test_cancellation_link_of_another_event_is_refused(client, calendar, event):
    other_event = EventPageFactory(parent=calendar["en"], registration_enabled=True)
    registration = RegistrationFactory(event=other_event)
    token = make_cancel_token(registration.pk)
    response = client.post(event.url + "cancel/link/", QUERY_STRING=urlencode({"token": token}))
    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.status == "confirmed"


def test_visitor_is_sent_to_log_in_to_register(client, event):
    response = client.post(event.url + "register/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_account_with_an_unverified_email_cannot_register(client, event):
    response = register(client, UserFactory(verified=False), event)
    assert "Confirm your email address first" in response.content.decode()
    assert not Registration.objects.exists()


def test_event_without_registration_refuses_it(client, calendar):
    event = EventPageFactory(parent=calendar["en"], registration_enabled=False)
    response = register(client, UserFactory(), event)
    assert "does not take registrations" in response.content.decode()
    assert not Registration.objects.exists()


def test_dakar_event_seen_from_geneva_shows_dakar_times_and_exports_the_right_instant(
    client, calendar, settings
):
    settings.TIME_ZONE = "Europe/Zurich"
    timezone.activate(zoneinfo.ZoneInfo("Europe/Zurich"))
    event = EventPageFactory(
        parent=calendar["en"],
        slug="dakar-webinar",
        starts_on=datetime.date(2026, 3, 12),
        ends_on=datetime.date(2026, 3, 12),
        start_time=datetime.time(9, 0),
        end_time=datetime.time(11, 30),
        time_zone="Africa/Dakar",
    )
    page = client.get(event.url).content.decode()
    assert "09:00 to 11:30" in page
    assert "Africa/Dakar (UTC+00:00)" in page
    assert "10:00" not in page
    (vevent,) = icalendar.Calendar.from_ical(client.get(event.url + "ics/").content).walk("VEVENT")
    start = vevent.decoded("DTSTART")
    geneva = start.astimezone(zoneinfo.ZoneInfo("Europe/Zurich"))
    assert (geneva.hour, geneva.minute) == (10, 0)
    timezone.deactivate()


def test_french_and_english_pages_of_an_event_share_one_list_of_participants(
    client, calendar, event
):
    french = EventPageFactory(
        parent=calendar["fr"],
        slug="atelier-dakar",
        translation_key=event.translation_key,
        registration_enabled=False,
    )
    RegistrationFactory.create_batch(2, event=event)
    member = UserFactory()
    client.force_login(member)
    client.post(french.url + "register/")
    assert Registration.objects.get(user=member).event == event
    assert Registration.objects.get(user=member).status == "waiting"
    assert "Vous êtes sur la liste d'attente." in client.get(french.url).content.decode()
