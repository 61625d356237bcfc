"""Reading numbers from query strings the same way in every app."""

import re


def parse_number(value: str | None) -> int | None:
    """A query parameter as a number, or None: ASCII digits only, never a 500 on '²' or '٣'."""
    if value and re.fullmatch(r"[0-9]{1,18}", value):
        return int(value)
    return None
