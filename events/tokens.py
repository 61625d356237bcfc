"""Signed links that let a participant cancel a registration from their email.

The token is the registration's id signed with a salt of its own
(django.core.signing), so a changed character, a token made for another
purpose or a forged one is refused; a valid one expires with the event.
"""

from django.core import signing

CANCEL = "events.registration.cancel"


class TokenInvalid(Exception):
    """The link was altered, truncated or never issued by us."""


def make_cancel_token(registration_id: int) -> str:
    return signing.Signer(salt=CANCEL).sign(str(registration_id))


def read_cancel_token(token: str) -> int:
    """Return the registration id in `token`, or raise TokenInvalid."""
    try:
        value = signing.Signer(salt=CANCEL).unsign(token)
    except signing.BadSignature as exc:
        raise TokenInvalid from exc
    if not value.isdigit():
        raise TokenInvalid
    return int(value)
