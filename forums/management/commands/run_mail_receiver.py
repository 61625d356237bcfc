"""Receive replies by email over SMTP or LMTP and post them in the forums."""

import signal
import threading

from django.core.management.base import BaseCommand

from forums.receiver import ReplyController


class Command(BaseCommand):
    help = (
        "Listen for replies by email (reply+…@FORUMS_REPLY_DOMAIN) over SMTP, or LMTP with "
        "--lmtp, and turn them into forum posts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1", help="Address to listen on.")
        parser.add_argument("--port", type=int, default=8025, help="Port to listen on.")
        parser.add_argument("--lmtp", action="store_true", help="Speak LMTP instead of SMTP.")

    def handle(self, *args, host, port, lmtp, **options):
        controller = ReplyController(hostname=host, port=port, lmtp=lmtp)
        controller.start()
        protocol = "LMTP" if lmtp else "SMTP"
        self.stdout.write(f"Receiving forum replies over {protocol} on {host}:{port}")
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        try:
            stop.wait()
        except KeyboardInterrupt:
            pass
        finally:
            controller.stop()
