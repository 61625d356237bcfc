"""Send the daily digest of workspace activity (run once a day, e.g. from cron)."""

from django.core.management.base import BaseCommand

from projects.tasks import send_daily_digests


class Command(BaseCommand):
    help = "Email each member who chose a daily digest what happened in their workspaces."

    def handle(self, *args, **options):
        sent = send_daily_digests.call()
        self.stdout.write(f"Workspace digests sent: {sent}")
