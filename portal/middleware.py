"""Request-level rules of the portal."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
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
