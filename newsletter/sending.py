"""Delivering an issue edition to its subscribers, resumably.

The guarantees come from the `Delivery` rows, not from the worker:

- all rows are created up front, one per (edition, subscriber), under a
  unique constraint, so a second run can neither add a copy nor skip anyone;
- each row is marked sent (or failed) in its own committed UPDATE right after
  the SMTP server answers, so a run that dies (worker killed, SMTP server
  down) leaves exactly the unsent rows pending — at worst the one message
  in flight when the worker died is sent again;
- a lease on the `Sending` row keeps two workers off the same edition, and
  expires so that the next worker takes over from a dead one.

Messages go out in batches, each over one SMTP connection kept open for the
whole batch (Django's `get_connection()` + `send_messages`), through any
Django email backend (SMTP by default, or django-anymail).
"""

import logging
import smtplib
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import F, Min, Q
from django.utils import timezone

from .models import (
    Delivery,
    DeliveryStatus,
    NewsletterIssuePage,
    Sending,
    SendingStatus,
    Subscriber,
    SubscriberStatus,
)
from .rendering import IssueEmail, build_issue_email

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=10)
DELIVERY_CHUNK = 1000


@dataclass
class SendReport:
    sent: int = 0
    failed: int = 0
    bounced: int = 0
    retrying: int = 0
    skipped: int = 0
    busy: bool = False  # another worker holds the lease
    interrupted: str = ""  # why the run stopped early (connection lost…)
    retry_at: datetime | None = None

    def as_dict(self) -> dict:
        data = asdict(self)
        data["retry_at"] = self.retry_at.isoformat() if self.retry_at else None
        return data


class ConnectionLost(Exception):
    """The SMTP server went away: stop this run, the rest stays pending."""


def start_sending(issue: NewsletterIssuePage, requested_by=None) -> Sending:
    """Queue the send of one issue edition (idempotent: a second call resumes the first)."""
    from .tasks import send_issue_edition

    sending, _created = Sending.objects.get_or_create(
        issue=issue, defaults={"requested_by": requested_by}
    )
    transaction.on_commit(lambda: send_issue_edition.enqueue(sending.pk))
    return sending


def create_deliveries(sending: Sending) -> int:
    """One pending delivery per active subscriber of the edition's language, once."""
    if sending.deliveries_created_at is not None:
        return 0
    language = sending.issue.locale.language_code
    subscriber_ids = (
        Subscriber.objects.active()
        .for_edition(language)
        .order_by("pk")
        .values_list("pk", flat=True)
        .iterator(chunk_size=DELIVERY_CHUNK)
    )
    created = 0
    chunk = []
    for subscriber_id in subscriber_ids:
        chunk.append(Delivery(sending=sending, subscriber_id=subscriber_id))
        if len(chunk) == DELIVERY_CHUNK:
            created += len(Delivery.objects.bulk_create(chunk, ignore_conflicts=True))
            chunk = []
    if chunk:
        created += len(Delivery.objects.bulk_create(chunk, ignore_conflicts=True))
    sending.deliveries_created_at = timezone.now()
    Sending.objects.filter(pk=sending.pk).update(
        deliveries_created_at=sending.deliveries_created_at
    )
    return created


def send_pending(sending: Sending, max_batches: int | None = None) -> SendReport:
    """Send what is due of `sending`, batch after batch, and say what happened.

    `max_batches` lets a caller bound one run (the rest stays pending for the
    next run, exactly as if the worker had stopped there).
    """
    report = SendReport()
    if not _take_lease(sending):
        report.busy = True
        return report
    try:
        create_deliveries(sending)
        email = build_issue_email(sending.issue)
        batches = 0
        with _commits_survive_worker_crashes_only():
            while max_batches is None or batches < max_batches:
                batch = _next_batch(sending)
                if not batch:
                    break
                _send_batch(email, batch, report)
                batches += 1
                _renew_lease(sending)
    except ConnectionLost as error:
        report.interrupted = str(error)
        report.retry_at = _backoff(1)
    finally:
        _release_lease(sending, report)
    return report


@contextmanager
def _commits_survive_worker_crashes_only():
    """Let this connection's commits return before the database flushes them to disk.

    Each delivery is marked in its own commit; waiting for a disk flush at
    every one of them would halve the sending rate. A commit that has
    returned survives the worker being killed (the database server or the
    SQLite WAL in the OS cache has it); only a crash of the database host
    itself could lose the last fraction of a second of marks, i.e. resend
    those few messages. PostgreSQL: synchronous_commit off; SQLite (WAL):
    synchronous NORMAL. Restored afterwards. Inside a transaction (tests)
    there is no per-row commit to speed up, and SQLite refuses the change.
    """
    vendor = "" if connection.in_atomic_block else connection.vendor
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            cursor.execute("SET synchronous_commit TO OFF")
        elif vendor == "sqlite":
            cursor.execute("PRAGMA synchronous")
            previous = cursor.fetchone()[0]
            cursor.execute("PRAGMA synchronous = NORMAL")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if vendor == "postgresql":
                cursor.execute("SET synchronous_commit TO DEFAULT")
            elif vendor == "sqlite":
                cursor.execute(f"PRAGMA synchronous = {int(previous)}")


def _take_lease(sending: Sending) -> bool:
    now = timezone.now()
    free = Q(lease_expires_at__isnull=True) | Q(lease_expires_at__lt=now)
    taken = (
        Sending.objects.filter(free, pk=sending.pk)
        .exclude(status=SendingStatus.DONE)
        .update(lease_expires_at=now + LEASE, status=SendingStatus.RUNNING)
    )
    if taken:
        Sending.objects.filter(pk=sending.pk, started_at__isnull=True).update(started_at=now)
    return bool(taken)


def _renew_lease(sending: Sending) -> None:
    Sending.objects.filter(pk=sending.pk).update(lease_expires_at=timezone.now() + LEASE)


def _release_lease(sending: Sending, report: SendReport) -> None:
    pending = Delivery.objects.filter(sending=sending, status=DeliveryStatus.PENDING)
    if not pending.exists():
        Sending.objects.filter(pk=sending.pk).update(
            status=SendingStatus.DONE, finished_at=timezone.now(), lease_expires_at=None
        )
        return
    next_attempt = pending.aggregate(at=Min("next_attempt_at"))["at"]
    if report.retry_at is None or (next_attempt and next_attempt < report.retry_at):
        report.retry_at = next_attempt or report.retry_at
    Sending.objects.filter(pk=sending.pk).update(
        status=SendingStatus.WAITING, lease_expires_at=None
    )


def _next_batch(sending: Sending) -> list[Delivery]:
    due = Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now())
    return list(
        Delivery.objects.filter(due, sending=sending, status=DeliveryStatus.PENDING)
        .select_related("subscriber")
        .order_by("pk")[: settings.NEWSLETTER_BATCH_SIZE]
    )


def _send_batch(email: IssueEmail, batch: list[Delivery], report: SendReport) -> None:
    """Send one batch over a single connection, recording each outcome as it comes."""
    connection = get_connection(settings.NEWSLETTER_EMAIL_BACKEND or None)
    try:
        connection.open()
    except (OSError, smtplib.SMTPException) as error:
        raise ConnectionLost(f"cannot connect: {error}") from error
    try:
        for delivery in batch:
            _send_one(email, delivery, connection, report)
    finally:
        try:
            connection.close()
        except (OSError, smtplib.SMTPException):
            logger.warning("Could not close the SMTP connection cleanly", exc_info=True)


def _send_one(email: IssueEmail, delivery: Delivery, connection, report: SendReport) -> None:
    subscriber = delivery.subscriber
    if subscriber.status != SubscriberStatus.ACTIVE:
        # Unsubscribed or suspended since the send began: nothing is owed.
        _finish(delivery, DeliveryStatus.FAILED, "no longer subscribed")
        report.skipped += 1
        return
    message = email.message_for(subscriber.pk, subscriber.email)
    try:
        connection.send_messages([message])
    except smtplib.SMTPRecipientsRefused as error:
        code, reply = next(iter(error.recipients.values()))
        _failed_attempt(delivery, code, reply, report, bounce=True)
    except smtplib.SMTPResponseException as error:
        _failed_attempt(delivery, error.smtp_code, error.smtp_error, report, bounce=False)
    except (smtplib.SMTPServerDisconnected, OSError) as error:
        _retry_later(delivery, f"connection lost: {error}", report)
        raise ConnectionLost(str(error)) from error
    except Exception as error:  # noqa: BLE001  (any backend's error: anymail, API…)
        _retry_later(delivery, f"{type(error).__name__}: {error}", report)
    else:
        _finish(delivery, DeliveryStatus.SENT)
        report.sent += 1


def _failed_attempt(delivery, code: int, reply, report: SendReport, bounce: bool) -> None:
    """5xx is final (and a hard bounce when the recipient was refused); 4xx is retried."""
    text = reply.decode(errors="replace") if isinstance(reply, bytes) else str(reply)
    error = f"{code} {text}"[:500]
    if 500 <= code < 600:
        with transaction.atomic():
            _finish(delivery, DeliveryStatus.FAILED, error)
            if bounce:
                _record_hard_bounce(delivery.subscriber_id)
        report.failed += 1
        report.bounced += int(bounce)
        return
    _retry_later(delivery, error, report)


def _record_hard_bounce(subscriber_id: int) -> None:
    Subscriber.objects.filter(pk=subscriber_id).update(hard_bounces=F("hard_bounces") + 1)
    Subscriber.objects.filter(
        pk=subscriber_id,
        status=SubscriberStatus.ACTIVE,
        hard_bounces__gte=settings.NEWSLETTER_SUSPEND_AFTER_BOUNCES,
    ).update(status=SubscriberStatus.SUSPENDED)


def _retry_later(delivery: Delivery, error: str, report: SendReport) -> None:
    attempts = delivery.attempts + 1
    if attempts >= settings.NEWSLETTER_MAX_ATTEMPTS:
        _finish(delivery, DeliveryStatus.FAILED, error)
        report.failed += 1
        return
    retry_at = _backoff(attempts)
    Delivery.objects.filter(pk=delivery.pk).update(
        attempts=attempts, next_attempt_at=retry_at, last_error=error[:500]
    )
    report.retrying += 1


def _backoff(attempts: int) -> datetime:
    """Exponential backoff: the base delay, doubled after each failed attempt."""
    delay = settings.NEWSLETTER_RETRY_BACKOFF_SECONDS * 2 ** max(attempts - 1, 0)
    return timezone.now() + timedelta(seconds=delay)


def _finish(delivery: Delivery, status: str, error: str = "") -> None:
    """Record a delivery's final outcome in its own committed UPDATE."""
    Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.PENDING).update(
        status=status,
        attempts=F("attempts") + 1,
        sent_at=timezone.now() if status == DeliveryStatus.SENT else None,
        next_attempt_at=None,
        last_error=error[:500],
    )


def send_test(issue: NewsletterIssuePage, email: str) -> None:
    """Send one copy of the issue as it stands now (draft included) to an editor."""
    edition = build_issue_email(issue)
    edition.subject = f"[TEST] {edition.subject}"
    message = edition.message_for(0, email)
    message.connection = get_connection(settings.NEWSLETTER_EMAIL_BACKEND or None)
    message.send()
