"""Who is in a workspace, who asked to be, and who was invited."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .workspaces import Workspace


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    MEMBER = "member", _("Member")
    OBSERVER = "observer", _("Observer")


class NotificationFrequency(models.TextChoices):
    EACH = "each", _("Every activity")
    DAILY = "daily", _("A daily digest")
    NONE = "none", _("No email")


class Membership(models.Model):
    """One person's place in one workspace, with their role and email preference."""

    workspace = models.ForeignKey(
        Workspace, related_name="memberships", on_delete=models.CASCADE, verbose_name=_("workspace")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="workspace_memberships",
        on_delete=models.CASCADE,
        verbose_name=_("member"),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    notifications = models.CharField(
        _("email notifications"),
        max_length=5,
        choices=NotificationFrequency.choices,
        default=NotificationFrequency.DAILY,
    )
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)
    # Everything up to this moment has been sent in a digest (keeps digests idempotent).
    digest_sent_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["workspace", "role", "joined_at"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "user"], name="one_membership_per_user")
        ]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} · {self.workspace} ({self.get_role_display()})"


class JoinRequest(models.Model):
    """A request to join an "on request" workspace, decided by a coordinator."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    workspace = models.ForeignKey(
        Workspace,
        related_name="join_requests",
        on_delete=models.CASCADE,
        verbose_name=_("workspace"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="workspace_join_requests",
        on_delete=models.CASCADE,
        verbose_name=_("member"),
    )
    message = models.TextField(_("message to the coordinators"), max_length=2000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    reason = models.TextField(_("reason"), max_length=2000, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("decided by"),
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["workspace", "user"],
                condition=models.Q(status="pending"),
                name="one_pending_request_per_user",
            )
        ]
        verbose_name = _("request to join")
        verbose_name_plural = _("requests to join")

    def __str__(self):
        return f"{self.user} → {self.workspace}"


class Invitation(models.Model):
    """An invitation sent by email; its link carries a signed, expiring token.

    The token signs this row's id with its random nonce, so it can't be forged
    or pointed at another invitation; `accepted_at` makes it single use, and
    deleting the row revokes it.
    """

    workspace = models.ForeignKey(
        Workspace, related_name="invitations", on_delete=models.CASCADE, verbose_name=_("workspace")
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.MEMBER)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="sent_workspace_invitations",
        on_delete=models.SET_NULL,
        null=True,
        verbose_name=_("invited by"),
    )
    nonce = models.CharField(max_length=32, unique=True, editable=False)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="accepted_workspace_invitations",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("accepted by"),
    )
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.workspace}"

    @property
    def is_used(self) -> bool:
        return self.accepted_at is not None
