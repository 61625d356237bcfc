"""The contact form: relayed by email, the address never shown, rate-limited and logged."""

import logging

import pytest
from django.core import mail

from experts.models import ContactMessage
from experts.permissions import Visibility
from tests.experts.factories import ExpertProfileFactory
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db

MESSAGE = {
    "subject": "Feasibility study in Kaolack",
    "body": "Could you lead a feasibility study for three mutuals next spring?",
    "share_address": "on",
}


@pytest.fixture
def expert():
    return ExpertProfileFactory(
        visibility=Visibility.MEMBERS,
        user__email="secret.expert@example.org",
        user__display_name="Awa Sow",
        user__preferred_language="fr",
    )


@pytest.fixture
def sender(client, member):
    client.force_login(member)
    return member


def test_contact_message_is_relayed_to_the_expert_by_email(client, site_pages, expert, sender):
    response = client.post(f"/en/experts/{expert.pk}/contact/", MESSAGE)

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.to == ["secret.expert@example.org"]
    assert email.reply_to == [sender.email]
    assert "Could you lead a feasibility study" in email.body
    assert sender.public_name in email.subject


def test_experts_address_is_never_shown_to_the_sender(client, site_pages, expert, sender):
    pages = [
        client.get(f"/en/experts/{expert.pk}/"),
        client.get(f"/en/experts/{expert.pk}/contact/"),
        client.post(f"/en/experts/{expert.pk}/contact/", MESSAGE, follow=True),
        client.get("/en/experts/"),
    ]

    for response in pages:
        assert "secret.expert@example.org" not in response.content.decode()


def test_contact_messages_are_logged_for_abuse_handling(client, site_pages, expert, sender, caplog):
    with caplog.at_level(logging.INFO, logger="experts.contact"):
        client.post(f"/en/experts/{expert.pk}/contact/", MESSAGE)

    logged = ContactMessage.objects.get()
    assert (logged.sender, logged.recipient) == (sender, expert.user)
    assert logged.delivered_at is not None
    assert f"from member {sender.pk}" in caplog.text


def test_a_burst_of_messages_is_stopped_with_a_clear_message(
    client, site_pages, expert, sender, settings
):
    settings.EXPERTS_CONTACT_RATE = "3/h"
    for _ in range(3):
        client.post(f"/en/experts/{expert.pk}/contact/", MESSAGE)

    response = client.post(f"/en/experts/{expert.pk}/contact/", MESSAGE)

    assert response.status_code == 429
    assert "You have sent too many messages in a short time." in response.content.decode()
    assert len(mail.outbox) == 3
    assert ContactMessage.objects.count() == 3


def test_rate_limit_counts_per_sender(client, site_pages, expert, settings):
    settings.EXPERTS_CONTACT_RATE = "1/h"
    for _ in range(2):
        client.force_login(UserFactory())
        response = client.post(f"/en/experts/{expert.pk}/contact/", MESSAGE)
        assert response.status_code == 302

    assert len(mail.outbox) == 2


def test_sender_must_agree_to_share_their_address(client, site_pages, expert, sender):
    response = client.post(f"/en/experts/{expert.pk}/contact/", {**MESSAGE, "share_address": ""})

    assert response.status_code == 400
    assert not mail.outbox


def test_anonymous_visitor_must_log_in_to_contact(client, site_pages):
    expert = ExpertProfileFactory(visibility=Visibility.PUBLIC)

    response = client.post(f"/en/experts/{expert.pk}/contact/", MESSAGE)

    assert response.status_code == 302
    assert "/accounts/login/" in response.url
    assert not mail.outbox


def test_html_in_the_subject_is_refused(client, site_pages, expert, sender):
    response = client.post(
        f"/en/experts/{expert.pk}/contact/", {**MESSAGE, "subject": "<b>Urgent</b>"}
    )

    assert response.status_code == 400
    assert "HTML is not allowed here" in response.content.decode()


def test_expert_cannot_contact_themselves(client, site_pages, expert):
    client.force_login(expert.user)

    client.post(f"/en/experts/{expert.pk}/contact/", MESSAGE)

    assert not mail.outbox


def test_a_stopped_burst_is_logged_for_abuse_handling(
    client, site_pages, expert, sender, settings, caplog
):
    settings.EXPERTS_CONTACT_RATE = "1/h"
    client.post(f"/en/experts/{expert.pk}/contact/", MESSAGE)

    with caplog.at_level(logging.WARNING, logger="experts.contact"):
        client.post(f"/en/experts/{expert.pk}/contact/", MESSAGE)

    assert f"Contact rate limit reached by member {sender.pk}" in caplog.text
