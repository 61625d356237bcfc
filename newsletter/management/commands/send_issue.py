"""Send (or resume sending) a published G-NEWS edition from the command line."""

from django.core.management.base import BaseCommand, CommandError

from newsletter.models import NewsletterIssuePage, Sending
from newsletter.sending import send_pending, start_sending


class Command(BaseCommand):
    help = (
        "Queue the send of G-NEWS no. NUMBER in LANGUAGE to its subscribers (resuming an "
        "interrupted send), or with --now send it in this process and print the progress."
    )

    def add_arguments(self, parser):
        parser.add_argument("number", type=int)
        parser.add_argument("language", choices=["fr", "en"])
        parser.add_argument("--now", action="store_true", help="send here, not in the worker")

    def handle(self, number, language, now, **options):
        issue = (
            NewsletterIssuePage.objects.live()
            .filter(number=number, locale__language_code=language)
            .first()
        )
        if issue is None:
            raise CommandError(f"No published G-NEWS no. {number} in {language}.")
        if not now:
            start_sending(issue)
            self.stdout.write(f"Queued: {issue}. The task worker sends it.")
            return
        sending, _created = Sending.objects.get_or_create(issue=issue)
        report = send_pending(sending)
        self.stdout.write(f"{issue}: {report.as_dict()}")
        self.stdout.write(f"Progress: {sending.progress()}")
