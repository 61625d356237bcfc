"""A small SMTP or LMTP server that hands replies by email to the inbound handler.

Run by `manage.py run_mail_receiver` behind the site's mail server (which
relays reply+…@FORUMS_REPLY_DOMAIN to it) or directly as the MX of that
domain. Recipients that are not reply addresses are refused at RCPT time.
"""

from aiosmtpd.controller import Controller
from aiosmtpd.lmtp import LMTP
from aiosmtpd.smtp import SMTP
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import close_old_connections

from .inbound import handle_raw_message
from .tokens import is_reply_domain


def _process(raw: bytes, recipients: list[str]):
    close_old_connections()
    try:
        return handle_raw_message(raw, recipients)
    finally:
        close_old_connections()


class ReplyHandler:
    """aiosmtpd handler: accept reply addresses, post each message through the inbound handler."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if not is_reply_domain(address):
            return "550 5.1.1 No such recipient here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or b""
        # The Django ORM is synchronous: run the handler in Django's worker thread.
        result = await sync_to_async(_process, thread_sensitive=True)(raw, envelope.rcpt_tos)
        if result.accepted:
            return "250 2.0.0 Message posted"
        if result.reason == "replay":
            return "250 2.0.0 Message already received"
        if result.reason == "too_large":
            return "552 5.3.4 Message too big"
        return f"550 5.7.1 Reply refused ({result.reason})"


class ReplyController(Controller):
    """aiosmtpd's threaded controller, speaking LMTP instead of SMTP when asked."""

    def __init__(self, *args, lmtp: bool = False, **kwargs):
        self.lmtp = lmtp
        # Twice the post limit, so that slightly oversized replies reach the
        # handler and are logged; anything bigger is refused by aiosmtpd itself.
        kwargs.setdefault("data_size_limit", 2 * settings.FORUMS_INBOUND_MAX_BYTES)
        super().__init__(ReplyHandler(), *args, **kwargs)

    def factory(self):
        server_class = LMTP if self.lmtp else SMTP
        return server_class(self.handler, **self.SMTP_kwargs)

    def _trigger_server(self):
        # With port 0 the system picks a free port: read it back before connecting.
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()
