"""Print the current two-factor codes of the demo editor and staff accounts (DEBUG only)."""

import time

from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.demo import DEMO_TOTP_SECRET, DEMO_USERS


class Command(BaseCommand):
    help = "Print the current TOTP code of the demo accounts that need one for the admin."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo two-factor codes are only shown when DEBUG is on.")
        code = format_hotp_value(
            hotp_value(DEMO_TOTP_SECRET, int(time.time()) // app_settings.TOTP_PERIOD)
        )
        for account in DEMO_USERS:
            if account.totp:
                self.stdout.write(f"{account.email}: {code}")
