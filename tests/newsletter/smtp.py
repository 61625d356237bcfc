"""The shared test SMTP mailbox, plus the failures a bulk send must survive.

`FaultyMailbox` extends tests.support.mailbox.SMTPMailbox (aiosmtpd): it can
refuse chosen recipients with a given reply (550 = hard bounce, 450 = try
later), drop the connection after a number of messages as a server going
down would, and tells which SMTP connection carried each message.
"""

from tests.support.mailbox import SMTPMailbox


class FaultyMailbox(SMTPMailbox):
    def __init__(self) -> None:
        super().__init__()
        self.refusals: dict[str, str] = {}
        self.drop_after: int | None = None
        self.connections: list[int] = []  # connection number of each received message
        self._opened = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):  # noqa: N802
        self._opened += 1
        session.connection_number = self._opened
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        refusal = self.refusals.get(address.lower())
        if refusal:
            return refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802
        if self.drop_after is not None and len(self.messages) >= self.drop_after:
            # The server goes down in the middle of the conversation.
            server.transport.close()
            return "421 Service not available"
        self.connections.append(session.connection_number)
        return await super().handle_DATA(server, session, envelope)

    def recipients(self) -> list[str]:
        return [address for mail in self.messages for address in mail.rcpt_tos]
