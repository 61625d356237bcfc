"""Replies by email: the one handler behind the SMTP/LMTP receiver and the provider webhooks.

A reply becomes a post only if every check passes; anything else is
rejected, logged (InboundMail row and a warning) and never posted:

- the message is not larger than FORUMS_INBOUND_MAX_BYTES;
- it is not an automatic reply (out-of-office, bounce);
- it was sent to a reply address we signed (unsigned: "unsigned", bad signature: "forged");
- its Message-ID has not been accepted before (replay);
- its sender is a verified address of the member the reply address names
  (both are needed: the signed address alone could have been forwarded);
- the member may still read the topic and post in it (permissions, bans, locks);
- the text left after removing quotes and signature passes the rules of every
  post (length, links) and the member's rate limit.
"""

import logging
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from anymail.inbound import AnymailInboundMessage
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction

from . import services
from .mail_text import html_to_text, reply_text
from .models import InboundMail, Post, Topic
from .tokens import InvalidReplyAddress, is_reply_domain, parse_reply_address

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class InboundResult:
    accepted: bool
    reason: str = ""
    post: Post | None = None


def handle_raw_message(raw: bytes, recipients: list[str]) -> InboundResult:
    """Entry point of the SMTP/LMTP receiver: the message as received and its envelope."""
    if len(raw) > settings.FORUMS_INBOUND_MAX_BYTES:
        return _reject(InboundMail(size=len(raw), recipient=",".join(recipients)[:255]),
                       "too_large")  # fmt: skip
    message = AnymailInboundMessage.parse_raw_mime_bytes(raw)
    return handle_message(message, recipients, size=len(raw))


def handle_message(
    message: AnymailInboundMessage, recipients: list[str], size: int | None = None
) -> InboundResult:
    """Turn a reply into a post, or reject it; see the module docstring for the checks."""
    size = size if size is not None else len(message.as_bytes())
    sender = message.from_email.addr_spec.strip().lower() if message.from_email else ""
    log = InboundMail(
        message_id=(message["Message-ID"] or "").strip()[:255],
        sender=sender[:255],
        recipient=",".join(recipients)[:255],
        size=size,
    )
    if size > settings.FORUMS_INBOUND_MAX_BYTES:
        return _reject(log, "too_large")
    if (message["Auto-Submitted"] or "no").strip().lower() != "no":
        return _reject(log, "automatic_reply")
    try:
        target = _reply_target(recipients)
    except InvalidReplyAddress as error:
        return _reject(log, error.reason)
    if not log.message_id:
        return _reject(log, "no_message_id")
    if InboundMail.objects.filter(
        message_id=log.message_id, status=InboundMail.Status.ACCEPTED
    ).exists():
        return _reject(log, "replay")
    user = get_user_model().objects.filter(pk=target.user_id, is_active=True).first()
    log.user = user
    if user is None:
        return _reject(log, "unknown_member")
    if not EmailAddress.objects.filter(user=user, email__iexact=sender, verified=True).exists():
        return _reject(log, "sender_mismatch")
    topic = (
        Topic.objects.visible_to(user).select_related("forum").filter(pk=target.topic_id).first()
    )
    log.topic = topic
    if topic is None:
        return _reject(log, "forbidden")
    body = reply_text(message.text or html_to_text(message.html or ""))
    try:
        with transaction.atomic():
            post = services.reply(topic, user, body, via_email=True)
            log.post = post
            log.status = InboundMail.Status.ACCEPTED
            log.save()
    except services.PostingRefused as error:
        return _reject(log, "refused", detail=error.message)
    except IntegrityError:
        # The same message arrived twice at the same moment: the other one was posted.
        return _reject(log, "replay")
    logger.info("Reply by email from member %s posted in topic %s", user.pk, topic.pk)
    return InboundResult(accepted=True, post=post)


def _reply_target(recipients: list[str]):
    """The first recipient that is a reply address of ours, checked."""
    ours = [address for address in recipients if is_reply_domain(address.strip().strip("<>"))]
    if not ours:
        raise InvalidReplyAddress("unsigned")
    return parse_reply_address(ours[0])


def _reject(log: InboundMail, reason: str, detail: str = "") -> InboundResult:
    log.status = InboundMail.Status.REJECTED
    log.reason = reason
    log.post = None
    log.save()
    logger.warning(
        "Reply by email rejected (%s%s): message %r from %r to %r",
        reason, f": {detail}" if detail else "", log.message_id, log.sender, log.recipient,
    )  # fmt: skip
    return InboundResult(accepted=False, reason=reason)
