"""Subscribing to G-NEWS with double opt-in, and leaving it in one click."""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail, signing

from newsletter.models import Subscriber
from newsletter.tokens import CONFIRM, UNSUBSCRIBE, make_token
from tests.portal.factories import UserFactory

from .factories import SubscriberFactory

SUBSCRIBE_URL = "/en/gnews-subscription/"


def confirmation_link(message) -> str:
    return re.search(r"https?://\S+/confirm/\S+/", message.body).group(0)


def test_subscribing_sends_a_confirmation_link_and_waits(client, committed):
    with committed(execute=True):
        response = client.post(SUBSCRIBE_URL, {"email": "reader@example.org", "language": "en"})
    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.status == "pending"
    assert subscriber.language == "en"
    assert subscriber.confirmed_at is None
    assert mail.outbox[0].to == ["reader@example.org"]
    assert "/en/gnews-subscription/confirm/" in mail.outbox[0].body


def test_confirmation_link_activates_the_subscription(client, committed):
    with committed(execute=True):
        client.post(SUBSCRIBE_URL, {"email": "reader@example.org", "language": "both"})
    link = confirmation_link(mail.outbox[0])
    response = client.get(urlsplit(link).path)
    assert response.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.status == "active"
    assert subscriber.confirmed_at is not None


def test_subscribing_twice_does_not_create_a_second_subscriber(client, db):
    SubscriberFactory(email="reader@example.org")
    response = client.post(SUBSCRIBE_URL, {"email": "Reader@Example.org", "language": "fr"})
    assert response.status_code == 200
    assert Subscriber.objects.count() == 1
    assert mail.outbox == []


def test_the_form_does_not_reveal_who_is_subscribed(client, db):
    SubscriberFactory(email="reader@example.org")
    known = client.post(SUBSCRIBE_URL, {"email": "reader@example.org", "language": "en"})
    unknown = client.post(SUBSCRIBE_URL, {"email": "new@example.org", "language": "en"})
    assert known.status_code == unknown.status_code == 200
    assert "already subscribed" not in known.content.decode()
    assert known.context["title"] == unknown.context["title"]


def test_members_are_told_their_own_address_is_already_subscribed(client, db):
    member = UserFactory(email="reader@example.org")
    SubscriberFactory(email="reader@example.org")
    client.force_login(member)
    response = client.post(SUBSCRIBE_URL, {"email": "reader@example.org", "language": "en"})
    assert response.status_code == 400
    assert "already subscribed" in response.content.decode()


def test_subscribing_again_before_confirming_sends_a_new_link(client, committed):
    with committed(execute=True):
        client.post(SUBSCRIBE_URL, {"email": "reader@example.org", "language": "fr"})
        client.post(SUBSCRIBE_URL, {"email": "reader@example.org", "language": "en"})
    assert Subscriber.objects.get().language == "en"
    assert len(mail.outbox) == 2


def test_email_with_header_injection_is_refused(client, db):
    response = client.post(
        SUBSCRIBE_URL,
        {"email": "victim@example.org\r\nBcc: everyone@example.org", "language": "fr"},
    )
    assert response.status_code == 400
    assert "cannot contain line breaks" in response.content.decode()
    assert not Subscriber.objects.exists()
    assert mail.outbox == []


def test_invalid_email_is_refused(client, db):
    response = client.post(SUBSCRIBE_URL, {"email": "not-an-address", "language": "fr"})
    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_expired_confirmation_token_is_refused_with_a_message(client, settings, db):
    subscriber = SubscriberFactory(status="pending", confirmed_at=None)
    token = make_token(subscriber.pk, CONFIRM)
    settings.NEWSLETTER_CONFIRMATION_MAX_AGE = -1
    response = client.get(f"/en/gnews-subscription/confirm/{token}/", follow=True)
    assert "This confirmation link has expired" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"


def test_tampered_confirmation_token_is_refused(client, db):
    subscriber = SubscriberFactory(status="pending", confirmed_at=None)
    other = SubscriberFactory(status="pending", confirmed_at=None)
    token = make_token(subscriber.pk, CONFIRM)
    forged = token.replace(f"{subscriber.pk}:", f"{other.pk}:", 1)
    response = client.get(f"/en/gnews-subscription/confirm/{forged}/", follow=True)
    assert "This link is not valid" in response.content.decode()
    other.refresh_from_db()
    assert other.status == "pending"


def test_unsubscribe_token_cannot_confirm(client, db):
    subscriber = SubscriberFactory(status="pending", confirmed_at=None)
    token = make_token(subscriber.pk, UNSUBSCRIBE)
    client.get(f"/en/gnews-subscription/confirm/{token}/")
    subscriber.refresh_from_db()
    assert subscriber.status == "pending"


def test_unsubscribe_link_shows_a_button_and_changes_nothing_on_get(client, db):
    subscriber = SubscriberFactory()
    response = client.get(f"/newsletter/unsubscribe/{make_token(subscriber.pk, UNSUBSCRIBE)}/")
    assert response.status_code == 200
    assert '<form method="post">' in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "active"


def test_one_click_unsubscribe_post_needs_no_login_nor_csrf(db):
    from django.test import Client

    subscriber = SubscriberFactory()
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        f"/newsletter/unsubscribe/{make_token(subscriber.pk, UNSUBSCRIBE)}/",
        {"List-Unsubscribe": "One-Click"},
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"
    assert subscriber.unsubscribed_at is not None


def test_tampered_unsubscribe_token_is_refused(client, db):
    subscriber = SubscriberFactory()
    token = make_token(subscriber.pk, UNSUBSCRIBE)[:-2] + "xx"
    response = client.post(f"/newsletter/unsubscribe/{token}/", follow=True)
    assert "est pas valide. Vérifiez" in response.content.decode()  # French subscriber
    subscriber.refresh_from_db()
    assert subscriber.status == "active"


def test_expired_unsubscribe_token_offers_a_new_link(client, settings, db):
    subscriber = SubscriberFactory()
    token = make_token(subscriber.pk, UNSUBSCRIBE)
    settings.NEWSLETTER_UNSUBSCRIBE_MAX_AGE = -1
    response = client.post(f"/newsletter/unsubscribe/{token}/", follow=True)
    assert "Ce lien de désabonnement a expiré" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "active"
    settings.NEWSLETTER_UNSUBSCRIBE_MAX_AGE = 3600
    client.post("/en/gnews-subscription/unsubscribe/", {"email": subscriber.email})
    assert "/newsletter/unsubscribe/" in mail.outbox[0].body


def test_tokens_are_signed_with_a_salt_per_purpose():
    token = make_token(7, CONFIRM)
    with pytest.raises(signing.BadSignature):
        signing.TimestampSigner(salt=UNSUBSCRIBE).unsign(token)


def opted_in_member():
    """A verified member who ticked "receive G-NEWS" on their profile."""
    member = UserFactory()
    member.newsletter_opt_in = True
    member.save()
    return member


def test_member_subscribes_from_the_profile_without_a_second_confirmation(client, db):
    member = UserFactory(preferred_language="en")
    client.force_login(member)
    data = {"display_name": member.display_name, "preferred_language": "en"}
    response = client.post("/en/accounts/profile/edit/", {**data, "newsletter_opt_in": "on"})
    assert response.status_code == 302
    subscriber = Subscriber.objects.get(user=member)
    assert subscriber.status == "active"
    assert subscriber.language == "en"
    assert subscriber.confirmed_at is not None


def test_member_unchecking_the_profile_box_unsubscribes(client, db):
    member = opted_in_member()
    assert Subscriber.objects.get(user=member).status == "active"
    client.force_login(member)
    client.post(
        "/en/accounts/profile/edit/",
        {"display_name": member.display_name, "preferred_language": "en"},
    )
    assert Subscriber.objects.get(user=member).status == "unsubscribed"


def test_unsubscribing_by_link_unticks_the_members_profile_box(client, db):
    member = opted_in_member()
    subscriber = Subscriber.objects.get(user=member)
    client.post(f"/newsletter/unsubscribe/{make_token(subscriber.pk, UNSUBSCRIBE)}/")
    member.refresh_from_db()
    assert member.newsletter_opt_in is False


def test_deleting_an_account_deletes_its_subscription(db):
    member = opted_in_member()
    member.delete()
    assert not Subscriber.objects.exists()


def test_editor_exports_subscribers_with_consent_dates_as_csv(client, editor):
    SubscriberFactory(email="first@example.org")
    SubscriberFactory(email="second@example.org", status="pending", confirmed_at=None)
    client.force_login(editor)
    response = client.get("/admin/newsletter/subscribers/?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    header, *rows = content.strip().splitlines()
    assert "Consentement donné le" in header  # the editor reads the admin in French
    assert any(row.startswith("first@example.org,fr,active") for row in rows)
    assert any(row.startswith("second@example.org") for row in rows)


def test_member_cannot_export_subscribers(client, member):
    client.force_login(member)
    response = client.get("/admin/newsletter/subscribers/?export=csv")
    assert response.status_code in (302, 403)


def test_staff_who_may_see_subscribers_may_not_export_them(client, db):
    from allauth.mfa.totp.internal.auth import TOTP

    staff = UserFactory(role="Staff")
    TOTP.activate(staff, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    SubscriberFactory(email="first@example.org")
    client.force_login(staff)
    listing = client.get("/admin/newsletter/subscribers/")
    assert listing.status_code == 200 and "first@example.org" in listing.content.decode()
    assert "export=csv" not in listing.content.decode()
    refused = client.get("/admin/newsletter/subscribers/?export=csv")
    assert refused.status_code == 302  # Wagtail's answer to PermissionDenied: back to the dashboard
    assert refused["Content-Type"].startswith("text/html")


@pytest.fixture
def subscribe_rate(settings):
    settings.NEWSLETTER_SUBSCRIBE_RATE = "2/h/key,3/h/ip"


def test_confirmation_emails_to_one_address_are_limited_per_hour(client, subscribe_rate, committed):
    with committed(execute=True):
        answers = [
            client.post(SUBSCRIBE_URL, {"email": "victim@example.org", "language": "en"})
            for _ in range(3)
        ]
    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert len(mail.outbox) == 2
    assert "Too many requests" in answers[2].content.decode()


def test_confirmation_emails_from_one_client_are_limited_per_hour(
    client, subscribe_rate, committed
):
    with committed(execute=True):
        answers = [
            client.post(SUBSCRIBE_URL, {"email": f"victim{n}@example.org", "language": "en"})
            for n in range(4)
        ]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert len(mail.outbox) == 3


def test_other_clients_can_still_subscribe_when_one_is_limited(client, db, subscribe_rate):
    for n in range(4):
        client.post(SUBSCRIBE_URL, {"email": f"victim{n}@example.org", "language": "en"})
    other = client.post(
        SUBSCRIBE_URL, {"email": "reader@example.org", "language": "en"}, REMOTE_ADDR="10.0.0.9"
    )
    assert other.status_code == 200


def test_the_limit_does_not_reveal_who_is_subscribed(client, db, subscribe_rate):
    SubscriberFactory(email="reader@example.org")
    answers = {}
    for email, ip in (("reader@example.org", "10.0.0.1"), ("new@example.org", "10.0.0.2")):
        for _ in range(3):
            answers[email] = client.post(
                SUBSCRIBE_URL, {"email": email, "language": "en"}, REMOTE_ADDR=ip
            )
    known, unknown = answers["reader@example.org"], answers["new@example.org"]
    assert known.status_code == unknown.status_code == 429
    assert known.content.decode().replace("reader@", "new@") == unknown.content.decode()


def test_the_limit_message_is_translated(client, db, subscribe_rate):
    for _ in range(3):
        response = client.post(
            "/fr/gnews-subscription/", {"email": "victim@example.org", "language": "fr"}
        )
    assert response.status_code == 429
    assert "Trop de demandes" in response.content.decode()


def test_requests_for_a_fresh_unsubscribe_link_are_limited_too(client, subscribe_rate, committed):
    SubscriberFactory(email="reader@example.org")
    with committed(execute=True):
        answers = [
            client.post("/en/gnews-subscription/unsubscribe/", {"email": "reader@example.org"})
            for _ in range(3)
        ]
    assert [answer.status_code for answer in answers] == [200, 200, 429]
    assert len(mail.outbox) == 2


def test_behind_a_trusted_proxy_each_client_has_its_own_limit(client, db, subscribe_rate, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for n in range(4):
        client.post(
            SUBSCRIBE_URL,
            {"email": f"victim{n}@example.org", "language": "en"},
            HTTP_X_FORWARDED_FOR="203.0.113.7",
            **proxy,
        )
    other = client.post(
        SUBSCRIBE_URL,
        {"email": "reader@example.org", "language": "en"},
        HTTP_X_FORWARDED_FOR="198.51.100.4",
        **proxy,
    )
    assert other.status_code == 200


def test_a_forged_forwarded_for_header_does_not_dodge_the_limit(client, db, subscribe_rate):
    answers = [
        client.post(
            SUBSCRIBE_URL,
            {"email": f"victim{n}@example.org", "language": "en"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
        )
        for n in range(4)
    ]
    assert answers[-1].status_code == 429
