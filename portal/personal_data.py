"""A member's personal data, gathered from every app, for the "download my data" button.

Apps register an exporter (a function user -> JSON-serialisable data) under
their name in their AppConfig.ready(); the portal exports accounts itself.
"""

from collections.abc import Callable

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

_exporters: dict[str, Callable] = {}


def register(name: str, exporter: Callable) -> None:
    _exporters[name] = exporter


def export_account(user) -> dict:
    return {
        "username": user.username,
        "email": user.email,
        "display_name": user.display_name,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "organisation": user.organisation,
        "job_title": user.job_title,
        "country": user.country_id,
        "spoken_languages": user.spoken_languages,
        "bio": user.bio,
        "avatar": user.avatar.name or None,
        "preferred_language": user.preferred_language,
        "newsletter_opt_in": user.newsletter_opt_in,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user)
        ],
        # The kinds of second factor only: secrets never leave the server.
        "two_factor_methods": sorted(
            Authenticator.objects.filter(user=user).values_list("type", flat=True)
        ),
    }


register("account", export_account)


def export_personal_data(user) -> dict:
    return {name: exporter(user) for name, exporter in sorted(_exporters.items())}
