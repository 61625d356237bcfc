"""Sending an issue edition through a real SMTP server: batches, headers, resume, bounces."""

import socket
from datetime import timedelta
from email import message_from_bytes, policy

import pytest
from django.utils import timezone

from newsletter.models import Delivery, Sending, Subscriber
from newsletter.sending import send_pending, send_test, start_sending

from .factories import (
    NewsItemFactory,
    NewsletterIssuePageFactory,
    SubscriberFactory,
    news_block,
    section_block,
)


@pytest.fixture
def issue(gnews):
    news = NewsItemFactory(title="MUSAKIS compte 1 189 bénéficiaires")
    return NewsletterIssuePageFactory(
        parent=gnews["fr"], number=1, body=[section_block("Quoi de neuf ?", [news_block(news)])]
    )


@pytest.fixture
def sending(issue):
    return Sending.objects.create(issue=issue)


def subscribers(count, **kwargs):
    return [SubscriberFactory(**kwargs) for _ in range(count)]


def test_each_subscriber_of_the_edition_language_gets_one_copy(smtp_server, sending):
    french = subscribers(3, language="fr")
    both = SubscriberFactory(language="both")
    SubscriberFactory(language="en")
    SubscriberFactory(status="pending", confirmed_at=None)
    SubscriberFactory(status="unsubscribed")
    report = send_pending(sending)
    expected = sorted(s.email for s in [*french, both])
    assert sorted(smtp_server.recipients()) == expected
    assert report.sent == 4
    sending.refresh_from_db()
    assert sending.status == "done"


def test_one_delivery_row_per_subscriber_is_created_up_front(smtp_server, sending):
    subscribers(3)
    send_pending(sending, max_batches=0)
    assert Delivery.objects.filter(sending=sending, status="pending").count() == 3
    assert smtp_server.messages == []


def test_batches_go_over_one_smtp_connection_each(smtp_server, sending, settings):
    settings.NEWSLETTER_BATCH_SIZE = 4
    subscribers(10)
    send_pending(sending)
    connections = smtp_server.connections
    assert len(connections) == 10
    assert len(set(connections)) == 3  # 4 + 4 + 2


def test_message_has_one_click_unsubscribe_headers_and_both_parts(smtp_server, sending):
    SubscriberFactory(email="reader@example.org")
    send_pending(sending)
    message = smtp_server.messages[0].message
    unsubscribe = message["List-Unsubscribe"].strip()  # long headers are folded
    assert unsubscribe.startswith("<http") and "/newsletter/unsubscribe/" in unsubscribe
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["Subject"].strip().startswith("G-NEWS n° 1")
    assert message["To"] == "reader@example.org"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    assert "MUSAKIS compte 1 189 bénéficiaires" in text
    assert "MUSAKIS compte 1 189 bénéficiaires" in html
    assert unsubscribe.strip("<>") in text
    assert unsubscribe.strip("<>") in html


def test_the_unsubscribe_header_unsubscribes_with_one_post(client, smtp_server, sending):
    subscriber = SubscriberFactory()
    send_pending(sending)
    url = smtp_server.messages[0].message["List-Unsubscribe"].strip().strip("<>")
    path = "/" + url.split("://", 1)[1].split("/", 1)[1]
    client.post(path, {"List-Unsubscribe": "One-Click"})
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"


def test_each_subscriber_gets_their_own_unsubscribe_link(smtp_server, sending):
    subscribers(2)
    send_pending(sending)
    links = {m.message["List-Unsubscribe"] for m in smtp_server.messages}
    assert len(links) == 2


def test_send_interrupted_by_smtp_server_going_down_resumes_without_duplicates(
    smtp_server, sending, settings
):
    settings.NEWSLETTER_BATCH_SIZE = 5
    everyone = subscribers(12)
    smtp_server.drop_after = 7  # the server dies during the second batch
    first = send_pending(sending)
    assert first.interrupted
    assert len(smtp_server.messages) == 7
    progress = sending.progress()
    assert progress["sent"] == 7 and progress["remaining"] == 5

    smtp_server.drop_after = None  # the server is back
    Delivery.objects.filter(sending=sending).update(next_attempt_at=None)
    second = send_pending(sending)
    assert second.sent == 5
    assert sorted(smtp_server.recipients()) == sorted(s.email for s in everyone)
    assert sending.progress() == {"sent": 12, "failed": 0, "remaining": 0, "total": 12}


def test_send_stopped_between_batches_resumes_where_it_stopped(smtp_server, sending, settings):
    settings.NEWSLETTER_BATCH_SIZE = 3
    everyone = subscribers(8)
    send_pending(sending, max_batches=1)  # the worker stops after one batch
    assert len(smtp_server.messages) == 3
    send_pending(sending)
    assert sorted(smtp_server.recipients()) == sorted(s.email for s in everyone)


def test_new_subscribers_are_not_added_to_a_send_in_progress(smtp_server, sending, settings):
    settings.NEWSLETTER_BATCH_SIZE = 2
    subscribers(4)
    send_pending(sending, max_batches=1)
    latecomer = SubscriberFactory()
    send_pending(sending)
    assert latecomer.email not in smtp_server.recipients()
    assert len(smtp_server.messages) == 4


def test_a_live_lease_keeps_a_second_worker_away(smtp_server, sending):
    subscribers(2)
    Sending.objects.filter(pk=sending.pk).update(
        lease_expires_at=timezone.now() + timedelta(minutes=5), status="running"
    )
    report = send_pending(sending)
    assert report.busy
    assert smtp_server.messages == []


def test_an_expired_lease_of_a_dead_worker_is_taken_over(smtp_server, sending):
    subscribers(2)
    Sending.objects.filter(pk=sending.pk).update(
        lease_expires_at=timezone.now() - timedelta(seconds=1), status="running"
    )
    assert send_pending(sending).sent == 2


def test_hard_bounce_fails_the_delivery_and_repeated_bounces_suspend(smtp_server, gnews, settings):
    settings.NEWSLETTER_SUSPEND_AFTER_BOUNCES = 2
    bouncing = SubscriberFactory(email="gone@example.org")
    SubscriberFactory(email="fine@example.org")
    smtp_server.refusals["gone@example.org"] = "550 5.1.1 No such user"
    for number in (1, 2):
        issue = NewsletterIssuePageFactory(parent=gnews["fr"], number=number)
        report = send_pending(Sending.objects.create(issue=issue))
        assert report.bounced == 1
    bouncing.refresh_from_db()
    assert bouncing.hard_bounces == 2
    assert bouncing.status == "suspended"
    delivery = Delivery.objects.filter(subscriber=bouncing).first()
    assert delivery.status == "failed"
    assert delivery.last_error.startswith("550")
    assert smtp_server.recipients() == ["fine@example.org", "fine@example.org"]


def test_temporary_refusal_is_retried_later_with_backoff(smtp_server, sending, settings):
    settings.NEWSLETTER_RETRY_BACKOFF_SECONDS = 60
    subscriber = SubscriberFactory(email="busy@example.org")
    smtp_server.refusals["busy@example.org"] = "450 4.2.1 Mailbox busy"
    report = send_pending(sending)
    delivery = Delivery.objects.get(subscriber=subscriber)
    assert report.retrying == 1
    assert delivery.status == "pending"
    assert delivery.attempts == 1
    assert delivery.next_attempt_at > timezone.now() + timedelta(seconds=50)
    assert report.retry_at == delivery.next_attempt_at
    sending.refresh_from_db()
    assert sending.status == "waiting"

    del smtp_server.refusals["busy@example.org"]
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    send_pending(sending)
    assert smtp_server.recipients() == ["busy@example.org"]
    assert Subscriber.objects.get(pk=subscriber.pk).hard_bounces == 0


def test_delivery_fails_after_the_last_attempt(smtp_server, sending, settings):
    settings.NEWSLETTER_RETRY_BACKOFF_SECONDS = 0
    settings.NEWSLETTER_MAX_ATTEMPTS = 3
    subscriber = SubscriberFactory(email="busy@example.org")
    smtp_server.refusals["busy@example.org"] = "451 Try again"
    report = send_pending(sending)
    delivery = Delivery.objects.get(subscriber=subscriber)
    assert delivery.status == "failed"
    assert delivery.attempts == 3
    assert report.failed == 1


def test_subscriber_who_unsubscribes_during_a_send_is_skipped(smtp_server, sending, settings):
    settings.NEWSLETTER_BATCH_SIZE = 1
    first, second = subscribers(2)
    send_pending(sending, max_batches=1)
    Subscriber.objects.filter(pk=second.pk).update(status="unsubscribed")
    send_pending(sending)
    assert smtp_server.recipients() == [first.email]


def test_smtp_server_unreachable_leaves_everything_pending(sending, settings):
    with socket.socket() as sock:  # a port nobody listens on once closed
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2
    subscribers(2)
    report = send_pending(sending)
    assert report.interrupted.startswith("cannot connect")
    assert report.retry_at is not None
    assert sending.progress()["remaining"] == 2


def test_editor_sends_from_the_admin_and_follows_progress(
    client, editor, smtp_server, issue, committed
):
    issue.save_revision().publish()
    subscribers(3)
    client.force_login(editor)
    with committed(execute=True):
        response = client.post(f"/admin/newsletter/issues/{issue.pk}/send/")
    assert response.status_code == 302
    assert len(smtp_server.messages) == 3
    page = client.get(f"/admin/newsletter/issues/{issue.pk}/progress/").content.decode()
    assert 'data-progress="sent">3<' in page
    assert 'data-progress="remaining">0<' in page


def test_member_cannot_send_an_issue(client, member, issue):
    client.force_login(member)
    response = client.post(f"/admin/newsletter/issues/{issue.pk}/send/")
    assert response.status_code in (302, 403)
    assert not Sending.objects.exists()


def test_editor_sends_a_test_copy_to_themselves(client, editor, smtp_server, issue):
    client.force_login(editor)
    response = client.post(f"/admin/newsletter/issues/{issue.pk}/test/")
    assert response.status_code == 302
    assert smtp_server.recipients() == ["editor@example.org"]
    assert smtp_server.messages[0].message["Subject"].strip().startswith("[TEST] G-NEWS n° 1")
    assert not Sending.objects.exists()


def test_start_sending_twice_reuses_the_same_sending(issue, smtp_server):
    assert start_sending(issue) == start_sending(issue)
    assert Sending.objects.count() == 1


def test_send_test_uses_the_draft_content(issue, smtp_server):
    draft = issue.get_latest_revision_as_object()
    draft.title = "Titre du brouillon"
    send_test(draft, "editor@example.org")
    assert "Titre du brouillon" in smtp_server.messages[0].message["Subject"]


def test_flattened_messages_match_the_ordinary_mime_rendering(issue):
    from newsletter.rendering import build_issue_email

    email = build_issue_email(issue)
    fast = email.message_for(7, "reader@example.org")
    assert fast.flattened is not None
    slow = email._message(fast.extra_headers["List-Unsubscribe"].strip("<>"), "reader@example.org")
    fast_mime = message_from_bytes(fast.message().as_bytes(), policy=policy.default)
    slow_mime = message_from_bytes(slow.message().as_bytes(), policy=policy.default)
    for header in ("To", "Subject", "List-Unsubscribe", "List-Unsubscribe-Post", "List-Id"):
        assert fast_mime[header].strip() == slow_mime[header].strip()  # folding may differ
    for kind in ("plain", "html"):
        assert (
            fast_mime.get_body((kind,)).get_content() == slow_mime.get_body((kind,)).get_content()
        )


def test_every_message_gets_its_own_message_id(issue):
    from newsletter.rendering import build_issue_email

    email = build_issue_email(issue)
    ids = {
        message_from_bytes(email.message_for(n, f"r{n}@example.org").message().as_bytes())[
            "Message-ID"
        ]
        for n in range(3)
    }
    assert len(ids) == 3


def test_an_edition_with_very_long_lines_is_still_sent_right(smtp_server, gnews):
    long_paragraph = "Une très longue phrase sans fin " * 60  # over 998 characters
    news = NewsItemFactory(body=long_paragraph)
    issue = NewsletterIssuePageFactory(
        parent=gnews["fr"], number=9, body=[section_block("Quoi de neuf ?", [news_block(news)])]
    )
    SubscriberFactory(email="reader@example.org")
    send_pending(Sending.objects.create(issue=issue))
    message = smtp_server.messages[0].message
    link = message["List-Unsubscribe"].strip().strip("<>")
    assert link in message.get_body(("html",)).get_content()
    assert long_paragraph.strip() in message.get_body(("plain",)).get_content()


def test_send_issue_command_sends_a_published_edition_now(smtp_server, issue):
    from io import StringIO

    from django.core.management import call_command

    issue.save_revision().publish()
    subscribers(2)
    output = StringIO()
    call_command("send_issue", "1", "fr", "--now", stdout=output)
    assert len(smtp_server.messages) == 2
    assert "'sent': 2" in output.getvalue()
