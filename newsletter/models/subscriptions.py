"""G-NEWS subscribers: anyone with an email address, confirmed by double opt-in."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SubscriberLanguage(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    BOTH = "both", _("French and English")


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    ACTIVE = "active", _("Subscribed")
    UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")
    SUSPENDED = "suspended", _("Suspended (bounces)")


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=SubscriberStatus.ACTIVE)

    def for_edition(self, language_code: str):
        """Subscribers who read the edition in `language_code` (theirs, or both)."""
        return self.filter(language__in=[language_code, SubscriberLanguage.BOTH])

    def with_email(self, email: str):
        return self.filter(email__iexact=email.strip())


class Subscriber(models.Model):
    """One address on the G-NEWS list, with the dates of its consent."""

    email = models.EmailField(_("email address"), max_length=254)
    language = models.CharField(
        _("edition"), max_length=4, choices=SubscriberLanguage.choices, default="fr"
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        related_name="newsletter_subscription",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("member"),
    )
    created_at = models.DateTimeField(_("signed up at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    hard_bounces = models.PositiveSmallIntegerField(_("hard bounces"), default=0)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="subscriber_email_unique_ci"),
        ]
        permissions = [("export_subscribers", _("Can export the subscribers list"))]

    def __str__(self):
        return self.email

    @property
    def is_active(self) -> bool:
        return self.status == SubscriberStatus.ACTIVE

    def editions(self) -> list[str]:
        if self.language == SubscriberLanguage.BOTH:
            return ["fr", "en"]
        return [self.language]
