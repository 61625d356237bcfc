"""Field validators of the CV: plain-text fields refuse markup with a clear message."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# A "<" followed by a letter, "/" or "!" opens a tag or comment; "a < b" stays allowed.
_TAG = re.compile(r"<\s*[a-zA-Z/!]")


def validate_plain_text(value: str) -> None:
    """Headlines, roles, organisations… are shown as typed: HTML has no place in them."""
    if value and _TAG.search(value):
        raise ValidationError(
            _("HTML is not allowed here. Please write plain text."), code="html_not_allowed"
        )
