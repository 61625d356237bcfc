"""Sending an issue edition: one row per (edition, subscriber), so a send can resume."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SendingStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Sending")
    WAITING = "waiting", _("Waiting to retry")
    DONE = "done", _("Finished")


class Sending(models.Model):
    """The send of one language edition of an issue to its subscribers.

    A worker holds a lease (`lease_expires_at`) while it sends, so that two
    workers never send the same edition at once, and a worker that died
    leaves an expired lease that the next one takes over.
    """

    issue = models.OneToOneField(
        "newsletter.NewsletterIssuePage",
        related_name="sending",
        on_delete=models.CASCADE,
        verbose_name=_("issue edition"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=SendingStatus.choices, default=SendingStatus.QUEUED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("requested by"),
    )
    created_at = models.DateTimeField(_("requested at"), default=timezone.now)
    deliveries_created_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    lease_expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("sending")
        verbose_name_plural = _("sendings")
        permissions = [("send_issue", _("Can send a G-NEWS issue to its subscribers"))]

    def __str__(self):
        return str(self.issue)

    def progress(self) -> dict[str, int]:
        """Counts of deliveries by status: what the admin shows while a send runs."""
        counts = dict(
            self.deliveries.values_list("status").annotate(n=models.Count("pk")).order_by()
        )
        sent = counts.get(DeliveryStatus.SENT, 0)
        failed = counts.get(DeliveryStatus.FAILED, 0)
        remaining = counts.get(DeliveryStatus.PENDING, 0)
        return {
            "sent": sent,
            "failed": failed,
            "remaining": remaining,
            "total": sent + failed + remaining,
        }


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Delivery(models.Model):
    """One subscriber's copy of one issue edition; its status says whether it left."""

    sending = models.ForeignKey(Sending, related_name="deliveries", on_delete=models.CASCADE)
    subscriber = models.ForeignKey(
        "newsletter.Subscriber", related_name="deliveries", on_delete=models.CASCADE
    )
    status = models.CharField(
        max_length=8, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["sending", "subscriber"], name="one_delivery_per_edition_and_subscriber"
            )
        ]
        indexes = [models.Index(fields=["sending", "status"], name="delivery_sending_status")]

    def __str__(self):
        return f"{self.sending_id} → {self.subscriber_id} ({self.status})"
