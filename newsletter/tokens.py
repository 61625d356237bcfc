"""Signed, expiring tokens for the links in subscription emails.

A token is the subscriber's id signed with a timestamp and a salt per
purpose, so a confirmation link cannot be used to unsubscribe (or the
reverse), a changed character invalidates it, and it expires.
"""

from django.conf import settings
from django.core import signing

CONFIRM = "newsletter.subscription.confirm"
UNSUBSCRIBE = "newsletter.subscription.unsubscribe"


class TokenExpired(Exception):
    """The link was genuine but is too old."""


class TokenInvalid(Exception):
    """The link was altered, truncated or never issued by us."""


def _max_age(purpose: str) -> int:
    if purpose == CONFIRM:
        return settings.NEWSLETTER_CONFIRMATION_MAX_AGE
    return settings.NEWSLETTER_UNSUBSCRIBE_MAX_AGE


def make_token(subscriber_id: int, purpose: str) -> str:
    return signing.TimestampSigner(salt=purpose).sign(str(subscriber_id))


def read_token(token: str, purpose: str) -> int:
    """Return the subscriber id in `token`, or raise TokenExpired / TokenInvalid."""
    try:
        value = signing.TimestampSigner(salt=purpose).unsign(token, max_age=_max_age(purpose))
    except signing.SignatureExpired as exc:
        raise TokenExpired from exc
    except signing.BadSignature as exc:
        raise TokenInvalid from exc
    if not value.isdigit():
        raise TokenInvalid
    return int(value)
