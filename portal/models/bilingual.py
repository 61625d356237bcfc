"""Objects whose text exists once per portal language (name_fr, name_en…)."""

from django.conf import settings
from django.utils.translation import get_language


def current_language() -> str:
    """The active portal language code, reduced to one of settings.LANGUAGES."""
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    available = {lang for lang, _name in settings.LANGUAGES}
    return code if code in available else settings.LANGUAGE_CODE


class BilingualMixin:
    """Pick the field in the active language, falling back to the other one."""

    def localized(self, field: str) -> str:
        value = getattr(self, f"{field}_{current_language()}", "")
        if value:
            return value
        for code, _name in settings.LANGUAGES:
            value = getattr(self, f"{field}_{code}", "")
            if value:
                return value
        return ""
