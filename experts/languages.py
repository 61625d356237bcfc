"""Languages an expert may list, and the CEFR scale their level is measured on."""

from django.conf import global_settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models.accounts import SPOKEN_LANGUAGES


class LanguageLevel(models.IntegerChoices):
    """The Common European Framework of Reference levels, plus mother tongue.

    Stored as ranks so that "at least B2" is a plain `level__gte` filter.
    """

    A1 = 1, _("A1 – Beginner")
    A2 = 2, _("A2 – Elementary")
    B1 = 3, _("B1 – Intermediate")
    B2 = 4, _("B2 – Upper intermediate")
    C1 = 5, _("C1 – Advanced")
    C2 = 6, _("C2 – Proficient")
    NATIVE = 7, _("Mother tongue")


def _language_choices() -> list[tuple[str, str]]:
    """The portal's field languages first (Wolof, Bambara…), then Django's own list.

    Django's names are marked with gettext_noop in its settings; wrapping
    them in gettext_lazy shows them in the reader's language.
    """
    choices = list(SPOKEN_LANGUAGES)
    known = {code for code, _name in choices}
    for code, name in global_settings.LANGUAGES:
        if "-" not in code and code not in known:
            choices.append((code, _(name)))  # noqa: INT001  (names come from Django's catalog)
            known.add(code)
    return choices


LANGUAGE_CHOICES = _language_choices()
LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)
