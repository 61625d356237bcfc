"""A real SMTP server for tests that check what the portal actually sends.

`SMTPMailbox` runs aiosmtpd on 127.0.0.1 (a free port picked by the OS) and
keeps every message it receives. Tests use it through the `smtp_mailbox`
fixture (tests/support/fixtures.py), which also points Django's SMTP email
backend at it:

    def test_sign_up_sends_a_verification_link(smtp_mailbox, client):
        ...
        mail = smtp_mailbox.wait_for("new@example.org")
        assert mail.message["Subject"].startswith("[Portal]")
        link = mail.links[0]

`wait_for` blocks until a matching message arrives or its deadline passes,
so tests never sleep for a fixed time.
"""

import re
import threading
from dataclasses import dataclass
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser

from aiosmtpd.controller import Controller

LINK = re.compile(r"""https?://[^\s"'<>]+""")


@dataclass(frozen=True)
class ReceivedMail:
    """One message as the SMTP server received it: envelope and parsed content."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    message: EmailMessage

    @property
    def subject(self) -> str:
        return str(self.message["Subject"] or "")

    @property
    def text(self) -> str:
        """The plain-text body (the HTML body when there is no plain-text one)."""
        body = self.message.get_body(preferencelist=("plain", "html"))
        return body.get_content() if body is not None else ""

    @property
    def links(self) -> list[str]:
        return extract_links(self.message)


def extract_links(message: EmailMessage) -> list[str]:
    """Every http(s) URL in the message's text parts, in order, without duplicates."""
    links: list[str] = []
    for part in message.walk():
        if part.get_content_maintype() != "text":
            continue
        for url in LINK.findall(part.get_content()):
            url = url.rstrip(".,;)").replace("&amp;", "&")
            if url not in links:
                links.append(url)
    return links


class SMTPMailbox:
    """An SMTP server on 127.0.0.1 that stores what it receives.

    Use as a context manager (or call start()/stop()); `host` and `port` say
    where to send mail once it has started.
    """

    host = "127.0.0.1"

    def __init__(self) -> None:
        self._received: list[ReceivedMail] = []
        self._arrived = threading.Condition()
        self._controller = _EphemeralPortController(self, hostname=self.host, port=0)

    @property
    def port(self) -> int:
        return self._controller.port

    @property
    def messages(self) -> list[ReceivedMail]:
        """A snapshot of the messages received so far, oldest first."""
        with self._arrived:
            return list(self._received)

    def start(self) -> "SMTPMailbox":
        self._controller.start()
        return self

    def stop(self) -> None:
        self._controller.stop()

    def __enter__(self) -> "SMTPMailbox":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def clear(self) -> None:
        with self._arrived:
            self._received.clear()

    def wait_for(self, to: str, timeout: float = 5.0) -> ReceivedMail:
        """Return the first message addressed to `to`, waiting up to `timeout` seconds.

        Raises AssertionError naming what did arrive, so a failing test says why.
        """

        def find() -> ReceivedMail | None:
            wanted = to.lower()
            return next(
                (m for m in self._received if wanted in (r.lower() for r in m.rcpt_tos)), None
            )

        with self._arrived:
            mail = self._arrived.wait_for(find, timeout=timeout)
            if mail is None:
                arrived = [(m.rcpt_tos, m.subject) for m in self._received] or "nothing"
                raise AssertionError(f"No mail to {to} within {timeout}s; received: {arrived}")
            return mail

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd hook)
        message = BytesParser(policy=policy.default).parsebytes(envelope.original_content)
        mail = ReceivedMail(envelope.mail_from, tuple(envelope.rcpt_tos), message)
        with self._arrived:
            self._received.append(mail)
            self._arrived.notify_all()
        return "250 Message accepted for delivery"


class _EphemeralPortController(Controller):
    """Binds port 0 and reads back the port the OS chose: no race for a "free" port."""

    def _trigger_server(self):
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()
