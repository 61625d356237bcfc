"""Signed values the forums put in emails: reply addresses and unsubscribe links.

A reply address (reply+<topic>.<member>.<signature>@FORUMS_REPLY_DOMAIN)
names one member and one topic, signed with the site's SECRET_KEY under its
own salt, so nobody can make one up for someone else. The signature is a
truncated HMAC in lowercase hex rather than django.core.signing's base64
because the local part of an address is limited to 64 characters and some
mail servers change its letter case.
"""

import re
from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

REPLY_SALT = "forums.reply-address"
UNSUBSCRIBE_SALT = "forums.unsubscribe"
SIGNATURE_LENGTH = 24  # hex digits: 96 bits
REPLY_LOCAL_PART = re.compile(r"^reply\+(\d+)\.(\d+)\.([0-9a-f]+)$")


class InvalidReplyAddress(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ReplyTarget:
    topic_id: int
    user_id: int


def _signature(topic_id: int, user_id: int) -> str:
    value = f"{topic_id}.{user_id}"
    return salted_hmac(REPLY_SALT, value, algorithm="sha256").hexdigest()[:SIGNATURE_LENGTH]


def reply_address(user, topic) -> str | None:
    """The address at which `user` can answer `topic` by email (None when replies are off)."""
    domain = settings.FORUMS_REPLY_DOMAIN
    if not domain:
        return None
    return f"reply+{topic.pk}.{user.pk}.{_signature(topic.pk, user.pk)}@{domain}"


def is_reply_domain(address: str) -> bool:
    domain = settings.FORUMS_REPLY_DOMAIN
    return bool(domain) and address.rpartition("@")[2].lower() == domain.lower()


def parse_reply_address(address: str) -> ReplyTarget:
    """Check a recipient address; raise InvalidReplyAddress("unsigned" or "forged") if it's bad."""
    local_part, _at, domain = address.strip().strip("<>").rpartition("@")
    if not is_reply_domain(address.strip().strip("<>")):
        raise InvalidReplyAddress("unsigned")
    match = REPLY_LOCAL_PART.match(local_part.lower())
    if match is None:
        raise InvalidReplyAddress("unsigned")
    topic_id, user_id, signature = int(match[1]), int(match[2]), match[3]
    if not constant_time_compare(signature, _signature(topic_id, user_id)):
        raise InvalidReplyAddress("forged")
    return ReplyTarget(topic_id=topic_id, user_id=user_id)


def unsubscribe_token(user, target: str) -> str:
    """A token for a one-click unsubscribe link; `target` is "topic:<id>", "forum:<id>" or "all"."""
    return signing.dumps({"user": user.pk, "target": target}, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> tuple[int, str]:
    """(user id, target) of a token; raise signing.BadSignature if it was not made by us."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    return int(data["user"]), str(data["target"])
