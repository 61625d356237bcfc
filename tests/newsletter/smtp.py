"""A real SMTP server (aiosmtpd) running in the test process, with controllable failures.

It records every message it accepts, can refuse chosen recipients with a
given reply (550 = hard bounce, 450 = try later) and can drop the
connection after a number of messages, as a server going down would.
"""

import socket
import threading
from dataclasses import dataclass
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


@dataclass
class ReceivedMessage:
    mail_from: str
    recipients: list[str]
    content: bytes
    connection: int

    @property
    def message(self):
        return message_from_bytes(self.content, policy=policy.default)


class RecordingHandler:
    def __init__(self):
        self.messages: list[ReceivedMessage] = []
        self.refusals: dict[str, str] = {}
        self.drop_after: int | None = None
        self.connections = 0
        self._lock = threading.Lock()

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        with self._lock:
            self.connections += 1
            session.connection_number = self.connections
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        refusal = self.refusals.get(address.lower())
        if refusal:
            return refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            if self.drop_after is not None and len(self.messages) >= self.drop_after:
                # The server goes down in the middle of the conversation.
                server.transport.close()
                return "421 Service not available"
            self.messages.append(
                ReceivedMessage(
                    mail_from=envelope.mail_from,
                    recipients=list(envelope.rcpt_tos),
                    content=envelope.original_content,
                    connection=getattr(session, "connection_number", 0),
                )
            )
        return "250 Message accepted for delivery"

    def recipients(self) -> list[str]:
        return [address for message in self.messages for address in message.recipients]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SMTPServer:
    def __init__(self):
        self.handler = RecordingHandler()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()
