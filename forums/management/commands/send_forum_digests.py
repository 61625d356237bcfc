"""Send the forums' daily digest emails; run it once a day (cron, systemd timer)."""

from django.core.management.base import BaseCommand

from forums.notifications import send_daily_digests


class Command(BaseCommand):
    help = "Email each member who chose the daily digest the forum posts they have not seen."

    def handle(self, *args, **options):
        sent = send_daily_digests()
        self.stdout.write(f"Digests sent: {sent}")
