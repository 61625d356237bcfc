"""The test mailbox itself: what other tests rely on when they read sent mail."""

import pytest
from django.core.mail import EmailMultiAlternatives, send_mail

from tests.support.mailbox import SMTPMailbox


def test_mailbox_receives_mail_sent_with_django_send_mail(smtp_mailbox):
    send_mail(
        "Votre inscription",
        "Confirmez votre adresse : https://portal.example.org/fr/accounts/confirm/abc/",
        "Portal <noreply@example.org>",
        ["aminata@example.org"],
    )

    mail = smtp_mailbox.wait_for("aminata@example.org")

    assert mail.mail_from == "noreply@example.org"
    assert mail.rcpt_tos == ("aminata@example.org",)
    assert mail.subject == "Votre inscription"
    assert "Confirmez votre adresse" in mail.text


def test_mailbox_finds_links_in_plain_text_and_html_parts(smtp_mailbox):
    message = EmailMultiAlternatives(
        "G-NEWS", "Read it: https://example.org/en/gnews/1/.", to=["reader@example.org"]
    )
    message.attach_alternative(
        '<p><a href="https://example.org/en/gnews/1/?a=1&amp;b=2">Read</a></p>', "text/html"
    )
    message.send()

    mail = smtp_mailbox.wait_for("reader@example.org")

    assert mail.links == [
        "https://example.org/en/gnews/1/",
        "https://example.org/en/gnews/1/?a=1&b=2",
    ]


def test_waiting_for_a_mail_that_never_comes_fails_with_what_arrived():
    with SMTPMailbox() as mailbox, pytest.raises(AssertionError, match="received: nothing"):
        mailbox.wait_for("nobody@example.org", timeout=0.1)
