"""Request-level rules of the portal."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.middleware.locale import LocaleMiddleware
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.http import urlencode
from django.utils.translation import gettext as _

ADMIN_PREFIX = "/admin/"


class AdminRequiresMFAMiddleware:
    """Keep the Wagtail admin behind allauth's login and, for editors and staff, behind TOTP.

    Wagtail's own login form would skip the second factor, so admin logins are
    sent to allauth's; editors and staff without an authenticator are sent to
    set one up first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(ADMIN_PREFIX):
            response = self.guard_admin(request)
            if response is not None:
                return response
        return self.get_response(request)

    def guard_admin(self, request):
        if request.path == reverse("wagtailadmin_login"):
            next_url = request.GET.get("next", ADMIN_PREFIX)
            return redirect(f"{reverse('account_login')}?{urlencode({'next': next_url})}")
        user = request.user
        if not user.is_authenticated:
            return None
        if not user.has_perm("wagtailadmin.access_admin"):
            # Wagtail would send a signed-in member to the login page, which sends
            # them straight back to `next`: a redirect loop. Say no instead.
            raise PermissionDenied
        if not requires_mfa(user):
            return None
        if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            return None
        messages.warning(
            request,
            _("Editors and staff must turn on two-factor authentication to use the admin."),
        )
        return redirect("mfa_activate_totp")


def requires_mfa(user) -> bool:
    if user.is_superuser:
        return True
    return user.groups.filter(name__in=settings.PORTAL_ADMIN_MFA_GROUPS).exists()


class PortalLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus one redirect.

    Django sends any 404 of an unprefixed URL to /<lang>/<same path> when that
    path could match a prefixed pattern, and Wagtail's catch-all matches almost
    anything: an API client asking /api/v1/resources/999/ got a redirect to an
    HTML page. A 404 answered by a view that did resolve is that view's answer
    and is kept; unresolved URLs are still redirected as before.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and getattr(request, "resolver_match", None):
            language = translation.get_language()
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", language)
            return response
        return super().process_response(request, response)
