"""allauth hooks: where the portal's account rules plug into allauth."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils.http import url_has_allowed_host_and_scheme


class PortalAccountAdapter(DefaultAccountAdapter):
    def is_safe_url(self, url):
        # Only relative URLs on this site: `next=` must never lead elsewhere.
        return bool(url) and url_has_allowed_host_and_scheme(
            url, allowed_hosts=None, require_https=False
        )

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        language = getattr(request, "LANGUAGE_CODE", None)
        if language in {"fr", "en"}:
            user.preferred_language = language
        if commit:
            user.save()
        return user
