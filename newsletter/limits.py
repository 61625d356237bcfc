"""Throttling the public subscription form, so that it cannot flood someone's inbox.

Each valid request counts against the address it names and against the
client's IP address, whether or not the address is already subscribed (the
answer must not reveal it). NEWSLETTER_SUBSCRIBE_RATE gives both rates in
allauth's notation, "count/period/kind" separated by commas: `key` for the
address, `ip` for the client, e.g. "3/h/key,20/h/ip". Counts are kept in the
cache with django-ratelimit, like the forums' posting limits.
"""

from django.conf import settings
from django_ratelimit.core import is_ratelimited


def subscribe_rates() -> dict[str, str]:
    """{"key": "3/h", "ip": "20/h"} from the setting; a kind left out is not limited."""
    rates = {}
    for part in settings.NEWSLETTER_SUBSCRIBE_RATE.split(","):
        if part.strip():
            count, period, kind = part.strip().split("/")
            rates[kind] = f"{count}/{period}"
    return rates


def subscription_throttled(email: str, ip: str | None) -> bool:
    """Count one subscription request; True when the address or the client asked too often."""
    rates = subscribe_rates()
    limited = False
    for kind, value in (("key", email.strip().lower()), ("ip", ip)):
        if kind in rates and value:
            # django-ratelimit only reads the request to compute keys; ours are given.
            limited |= is_ratelimited(
                None,
                group=f"newsletter.subscribe.{kind}",
                key=lambda group, request, value=value: value,
                rate=rates[kind],
                increment=True,
            )
    return limited
