"""Receivers that connect the forums to the rest of the portal."""

import logging

from anymail.signals import inbound
from django.conf import settings
from django.dispatch import receiver

from .inbound import handle_message

logger = logging.getLogger(__name__)


@receiver(inbound, dispatch_uid="forums_inbound_reply")
def post_reply_from_provider(sender, event, esp_name, **kwargs):
    """Replies received by an email provider's inbound webhook (django-anymail)."""
    if not (getattr(settings, "ANYMAIL", {}) or {}).get("WEBHOOK_SECRET"):
        # Without a shared secret anybody could call the webhook: ignore it.
        logger.warning("Inbound email webhook called but ANYMAIL_WEBHOOK_SECRET is not set")
        return
    message = event.message
    if message.envelope_recipient:
        recipients = [message.envelope_recipient]
    else:
        recipients = [address.addr_spec for address in [*message.to, *message.cc]]
    handle_message(message, recipients)
