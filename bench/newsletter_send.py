"""Benchmark G-NEWS sending: one issue to 10,000 subscribers through a local SMTP sink.

    .venv/bin/python bench/newsletter_send.py [--subscribers 10000] [--batch 200]
        [--memory-steps 2500,5000,10000]

Uses its own database (BENCH_DATABASE_URL, default a SQLite file in
var/bench/), loads the demo (for G-NEWS no. 1), creates the subscribers, and
starts an aiosmtpd sink in a separate process (so it does not share the
sender's interpreter). It prints:

- the lower bound: plain smtplib sending the same messages, pre-rendered
  (rendering is outside the timer), over one connection per batch;
- the portal's send (`newsletter.sending.send_pending`: delivery rows,
  per-message rendering of the unsubscribe link, Django's SMTP backend, one
  committed UPDATE per message), in messages per second and as a share of
  the lower bound (target: at least half);
- the peak Python memory (tracemalloc) of the portal's send for growing
  lists (target: flat).

Never run in CI: it measures, it does not assert.
"""

import argparse
import os
import smtplib
import socket
import subprocess
import sys
import time
import tracemalloc

from bench_setup import database_url, setup_django

DATABASE_FILE = "newsletter.sqlite3"
DATABASE_URL = database_url(DATABASE_FILE)
# The portal sends over SMTP to the sink this script starts.
EMAIL_ENVIRONMENT = {
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "127.0.0.1",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--memory-steps", default="2500,5000,10000")
    parser.add_argument("--sink", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.sink:
        run_sink(options.sink)
        return

    port = free_port()
    setup_django(
        DATABASE_FILE,
        **EMAIL_ENVIRONMENT,
        EMAIL_PORT=str(port),
        NEWSLETTER_BATCH_SIZE=str(options.batch),
    )
    issue = prepare_database(options.subscribers)
    sink = subprocess.Popen([sys.executable, __file__, "--sink", str(port)])  # noqa: S603
    try:
        wait_for(port)
        database = DATABASE_URL.split(":")[0]
        print(
            f"G-NEWS {issue.number} ({issue.locale.language_code}) to {options.subscribers} "
            f"subscribers, batches of {options.batch}, database {database}"
        )
        raw = raw_smtplib_rate(issue, port, options.batch)
        print(f"plain smtplib, pre-rendered messages: {raw:8.0f} messages/s (lower bound)")
        portal = portal_rate(issue)
        print(f"portal send_pending:                  {portal:8.0f} messages/s "
              f"({portal / raw:.0%} of the lower bound; target >= 50%)")  # fmt: skip
        for count in [int(step) for step in options.memory_steps.split(",")]:
            if count <= options.subscribers:
                peak = portal_peak_memory(issue, count)
                print(f"peak Python memory, {count:6d} subscribers: {peak / 2**20:6.1f} MiB")
    finally:
        sink.terminate()
        sink.wait(timeout=10)


def prepare_database(count: int):
    from django.core.management import call_command
    from django.utils import timezone

    from newsletter.models import NewsletterIssuePage, Subscriber

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    issue = NewsletterIssuePage.objects.live().get(number=1, locale__language_code="fr")
    Subscriber.objects.all().delete()
    now = timezone.now()
    Subscriber.objects.bulk_create(
        [
            Subscriber(
                email=f"bench{n}@example.org", language="fr", status="active", confirmed_at=now
            )
            for n in range(count)
        ],  # fmt: skip
        batch_size=2000,
    )
    return issue


def raw_smtplib_rate(issue, port: int, batch: int) -> float:
    """Send the same messages with smtplib alone; only the sending is timed."""
    from newsletter.models import Subscriber
    from newsletter.rendering import build_issue_email

    email = build_issue_email(issue)
    subscribers = list(Subscriber.objects.order_by("pk").values_list("pk", "email"))
    elapsed = 0.0
    for start in range(0, len(subscribers), batch):
        chunk = subscribers[start : start + batch]
        rendered = [
            (address, email.message_for(pk, address).message().as_bytes(linesep="\r\n"))
            for pk, address in chunk
        ]
        began = time.perf_counter()
        with smtplib.SMTP("127.0.0.1", port) as connection:
            for address, message in rendered:
                connection.sendmail(email.from_email, [address], message)
        elapsed += time.perf_counter() - began
    return len(subscribers) / elapsed


def fresh_sending(issue):
    from newsletter.models import Sending

    Sending.objects.filter(issue=issue).delete()
    return Sending.objects.create(issue=issue)


def portal_rate(issue) -> float:
    from newsletter.sending import send_pending

    sending = fresh_sending(issue)
    began = time.perf_counter()
    report = send_pending(sending)
    elapsed = time.perf_counter() - began
    assert not report.interrupted, report  # noqa: S101  (a bench on a dead sink means nothing)
    return report.sent / elapsed


def portal_peak_memory(issue, count: int) -> int:
    """Peak traced memory of one send to the first `count` subscribers."""
    from newsletter.models import Subscriber
    from newsletter.sending import send_pending

    keep = Subscriber.objects.order_by("pk").values_list("pk", flat=True)[:count]
    Subscriber.objects.update(status="active")
    Subscriber.objects.exclude(pk__in=list(keep)).update(status="unsubscribed")
    sending = fresh_sending(issue)
    tracemalloc.start()
    try:
        send_pending(sending)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        Subscriber.objects.update(status="active")


def run_sink(port: int) -> None:
    """An SMTP server that accepts and discards everything (in its own process)."""
    import threading

    from aiosmtpd.controller import Controller

    class Discard:
        async def handle_DATA(self, server, session, envelope):  # noqa: N802
            return "250 OK"

    controller = Controller(Discard(), hostname="127.0.0.1", port=port)
    controller.start()
    threading.Event().wait()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise SystemExit(f"The SMTP sink did not start on port {port}")


if __name__ == "__main__":
    main()
