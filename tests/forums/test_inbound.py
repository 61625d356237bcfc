"""Replies by email: reply addresses, reply text, the inbound handler and the SMTP receiver."""

import smtplib
from email.message import EmailMessage

import pytest

from forums.inbound import handle_raw_message
from forums.mail_text import reply_text
from forums.models import ForumBan, InboundMail, Post
from forums.receiver import ReplyController
from forums.tokens import InvalidReplyAddress, parse_reply_address, reply_address
from tests.portal.factories import UserFactory

from .factories import TopicFactory

QUOTED_REPLY = """Je confirme : le décret est signé.

Cordialement,
Aminata

Le lun. 3 mars 2025 à 10:00, Portail <noreply@example.org> a écrit :
> Où en est la transposition du règlement ?
"""


def test_reply_text_drops_the_quoted_message_and_the_french_signature():
    assert reply_text(QUOTED_REPLY) == "Je confirme : le décret est signé."


def test_reply_text_drops_an_english_header_and_a_dash_dash_signature():
    text = (
        "Agreed.\n\n-- \nKofi Mensah\nAccra\n\nOn Mon, Mar 3, 2025 at 10:00 AM Portal wrote:\n> Hi"
    )
    assert reply_text(text) == "Agreed."


def test_reply_text_drops_a_trailing_quote_without_header():
    assert reply_text("Yes.\n\n> Do you agree?\n> Tell us.\n") == "Yes."


def test_reply_text_keeps_markdown_lists_and_inline_quotes():
    text = "Two points:\n\n- cost\n- access\n\n> a quote I comment\n\nMy comment."
    assert reply_text(text) == text


def test_reply_address_names_the_topic_and_the_member(reply_domain, topic, member):
    target = parse_reply_address(reply_address(member, topic))
    assert (target.topic_id, target.user_id) == (topic.pk, member.pk)


def test_reply_address_survives_a_change_of_letter_case(reply_domain, topic, member):
    assert parse_reply_address(reply_address(member, topic).upper()).user_id == member.pk


def test_reply_address_for_another_member_cannot_be_made_up(reply_domain, topic, member):
    address = reply_address(member, topic)
    forged = address.replace(f".{member.pk}.", f".{member.pk + 1}.")
    with pytest.raises(InvalidReplyAddress, match="forged"):
        parse_reply_address(forged)


def test_reply_by_email_is_off_without_a_reply_domain(settings, topic, member):
    settings.FORUMS_REPLY_DOMAIN = ""
    assert reply_address(member, topic) is None


def make_reply(sender, to, body=QUOTED_REPLY, message_id="<reply-1@mail.example>", **headers):
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = "Re: Regulating microinsurance"
    if message_id:
        message["Message-ID"] = message_id
    for name, value in headers.items():
        message[name.replace("_", "-")] = value
    message.set_content(body)
    return message


def deliver(message, recipient=None):
    return handle_raw_message(message.as_bytes(), [recipient or message["To"]])


def test_reply_from_the_member_becomes_a_post(reply_domain, topic, member):
    result = deliver(make_reply(member.email, reply_address(member, topic)))
    assert result.accepted
    post = topic.posts.get(author=member)
    assert post.body == "Je confirme : le décret est signé."
    assert post.via_email
    assert InboundMail.objects.get().status == "accepted"


def test_unsigned_address_is_rejected_and_logged(reply_domain, topic, member):
    result = deliver(make_reply(member.email, f"reply+{topic.pk}.{member.pk}@{reply_domain}"))
    assert (result.accepted, result.reason) == (False, "unsigned")
    assert not topic.posts.filter(author=member).exists()
    assert InboundMail.objects.get().reason == "unsigned"


def test_forged_signature_is_rejected(reply_domain, topic, member):
    address = f"reply+{topic.pk}.{member.pk}.{'0' * 24}@{reply_domain}"
    assert deliver(make_reply(member.email, address)).reason == "forged"
    assert topic.posts.count() == 1


def test_reply_from_another_sender_is_rejected(reply_domain, topic, member):
    result = deliver(make_reply("impostor@example.net", reply_address(member, topic)))
    assert result.reason == "sender_mismatch"
    assert topic.posts.count() == 1


def test_replayed_message_is_posted_once(reply_domain, topic, member):
    message = make_reply(member.email, reply_address(member, topic))
    assert deliver(message).accepted
    assert deliver(message).reason == "replay"
    assert topic.posts.filter(author=member).count() == 1


def test_message_without_message_id_is_rejected(reply_domain, topic, member):
    message = make_reply(member.email, reply_address(member, topic), message_id=None)
    assert deliver(message).reason == "no_message_id"


def test_oversized_reply_is_rejected(reply_domain, topic, member, settings):
    settings.FORUMS_INBOUND_MAX_BYTES = 2_000
    message = make_reply(member.email, reply_address(member, topic), body="x " * 2_000)
    assert deliver(message).reason == "too_large"
    assert InboundMail.objects.get().reason == "too_large"


def test_out_of_office_reply_is_rejected(reply_domain, topic, member):
    message = make_reply(member.email, reply_address(member, topic), Auto_Submitted="auto-replied")
    assert deliver(message).reason == "automatic_reply"


def test_reply_to_a_locked_topic_is_rejected(reply_domain, forum, member):
    topic = TopicFactory(forum=forum, is_locked=True)
    assert deliver(make_reply(member.email, reply_address(member, topic))).reason == "refused"
    assert topic.posts.count() == 1


def test_reply_from_a_banned_member_is_rejected(reply_domain, topic, member):
    ForumBan.objects.create(user=member, reason="Spam")
    assert deliver(make_reply(member.email, reply_address(member, topic))).reason == "refused"


def test_reply_to_a_workspace_topic_after_leaving_the_workspace_is_rejected(
    reply_domain, workspace_forum, member
):
    topic = TopicFactory(forum=workspace_forum)
    result = deliver(make_reply(member.email, reply_address(member, topic)))
    assert result.reason == "forbidden"


def test_reply_with_a_script_is_sanitised_when_shown(reply_domain, topic, member, client):
    body = "Voir <script>alert(1)</script> le texte."
    deliver(make_reply(member.email, reply_address(member, topic), body=body))
    page = client.get(topic.get_absolute_url()).content.decode()
    assert "le texte." in page and "<script>alert" not in page


def test_empty_reply_is_rejected(reply_domain, topic, member):
    body = "\n\nOn Mon, Mar 3, 2025 at 10:00 AM Portal wrote:\n> Hi"
    assert deliver(make_reply(member.email, reply_address(member, topic), body=body)).reason == (
        "refused"
    )


# The receiver answers from its own thread, so these tests commit for real. Serialized
# rollback restores the migration data afterwards, as for the browser tests.
smtp_test = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def receiver(reply_domain):
    controller = ReplyController(hostname="127.0.0.1", port=0)
    controller.start()
    yield controller
    controller.stop()


def send_over_smtp(controller, message, recipient=None):
    with smtplib.SMTP(controller.hostname, controller.port) as client:
        return client.send_message(message, to_addrs=[recipient or message["To"]])


@smtp_test
def test_reply_delivered_over_smtp_becomes_a_post(receiver):
    topic = TopicFactory()
    member = UserFactory()
    send_over_smtp(receiver, make_reply(member.email, reply_address(member, topic)))
    assert Post.objects.filter(topic=topic, author=member, via_email=True).exists()


@smtp_test
def test_forged_reply_over_smtp_is_refused_by_the_server(receiver, reply_domain):
    topic = TopicFactory()
    member = UserFactory()
    address = f"reply+{topic.pk}.{member.pk}.{'0' * 24}@{reply_domain}"
    with pytest.raises(smtplib.SMTPDataError) as refused:
        send_over_smtp(receiver, make_reply(member.email, address))
    assert refused.value.smtp_code == 550
    assert InboundMail.objects.get().reason == "forged"


@smtp_test
def test_smtp_server_refuses_recipients_outside_the_reply_domain(receiver):
    with pytest.raises(smtplib.SMTPRecipientsRefused):
        send_over_smtp(receiver, make_reply("a@example.org", "someone@elsewhere.example"))


def postmark_payload(sender, recipient, body=QUOTED_REPLY, message_id="<hook-1@mail.example>"):
    """What Postmark's inbound webhook POSTs (the provider is outside our world)."""
    return {
        "FromFull": {"Email": sender, "Name": "Member"},
        "ToFull": [{"Email": recipient, "Name": ""}],
        "OriginalRecipient": recipient,
        "Subject": "Re: topic",
        "Headers": [{"Name": "Message-ID", "Value": message_id}],
        "TextBody": body,
    }


@pytest.fixture
def webhook_secret(settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": "postmark:s3cret"}
    return {"HTTP_AUTHORIZATION": "Basic cG9zdG1hcms6czNjcmV0"}  # postmark:s3cret


def test_reply_through_the_provider_webhook_becomes_a_post(
    client, reply_domain, topic, member, webhook_secret
):
    payload = postmark_payload(member.email, reply_address(member, topic))
    response = client.post(
        "/anymail/postmark/inbound/", payload, content_type="application/json", **webhook_secret
    )
    assert response.status_code == 200
    assert topic.posts.get(author=member).body == "Je confirme : le décret est signé."


def test_forged_reply_through_the_webhook_is_not_posted(
    client, reply_domain, topic, member, webhook_secret
):
    address = f"reply+{topic.pk}.{member.pk}.{'0' * 24}@{reply_domain}"
    client.post(
        "/anymail/postmark/inbound/",
        postmark_payload(member.email, address),
        content_type="application/json",
        **webhook_secret,
    )
    assert topic.posts.count() == 1
    assert InboundMail.objects.get().reason == "forged"


def test_webhook_call_without_credentials_is_refused(
    client, reply_domain, topic, member, webhook_secret
):
    payload = postmark_payload(member.email, reply_address(member, topic))
    response = client.post("/anymail/postmark/inbound/", payload, content_type="application/json")
    assert response.status_code == 400
    assert topic.posts.count() == 1


def test_webhook_is_ignored_while_no_secret_is_configured(client, reply_domain, topic, member):
    payload = postmark_payload(member.email, reply_address(member, topic))
    client.post("/anymail/postmark/inbound/", payload, content_type="application/json")
    assert topic.posts.count() == 1
    assert not InboundMail.objects.exists()
