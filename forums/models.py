"""Discussion forums: forums by theme, topics, posts, and what members and moderators do with them.

Forums, topics and posts are community data (plain Django models, not pages):
members write them through the forum views or by email, moderators act on
them through the moderation views, editors create forums in the admin.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from portal.models import Theme
from portal.models.bilingual import BilingualMixin

from .permissions import ForumQuerySet, PostQuerySet, TopicQuerySet
from .states import State
from .validators import validate_forum_slug


class Forum(BilingualMixin, models.Model):
    """A discussion group on one or more themes, open to all or owned by a workspace.

    The counters and `last_post` describe published content only: they are
    what everyone who can see the forum may see, and they are recomputed by
    `services.refresh_counters` after every change.
    """

    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True, validators=[validate_forum_slug])
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    themes = models.ManyToManyField(
        Theme, related_name="forums", blank=True, verbose_name=_("themes")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    premoderation = models.BooleanField(
        _("pre-moderate new members"),
        default=False,
        help_text=_("Posts by members who have never posted wait for a moderator's approval."),
    )
    moderators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="moderated_forums",
        blank=True,
        verbose_name=_("moderators of this forum"),
        help_text=_("Besides the portal's moderators, who moderate every forum."),
    )
    # The owner (a project workspace…) decides who may read the forum; see owners.py.
    owner_content_type = models.ForeignKey(
        ContentType,
        related_name="+",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        verbose_name=_("owner type"),
    )
    owner_object_id = models.PositiveBigIntegerField(_("owner id"), null=True, blank=True)
    owner = GenericForeignKey("owner_content_type", "owner_object_id")

    topic_count = models.PositiveIntegerField(_("topics"), default=0, editable=False)
    post_count = models.PositiveIntegerField(_("posts"), default=0, editable=False)
    last_post = models.ForeignKey(
        "Post", related_name="+", on_delete=models.SET_NULL, null=True, editable=False
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)

    objects = ForumQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "name_fr"]
        verbose_name = _("forum")
        verbose_name_plural = _("forums")
        permissions = [("moderate_forum", _("Can moderate every forum"))]
        constraints = [
            models.CheckConstraint(
                name="forum_owner_complete_or_empty",
                condition=Q(owner_content_type__isnull=True, owner_object_id__isnull=True)
                | Q(owner_content_type__isnull=False, owner_object_id__isnull=False),
            )
        ]
        indexes = [models.Index(fields=["owner_content_type", "owner_object_id"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("forums:forum", args=[self.slug])

    @property
    def name(self) -> str:
        return self.localized("name")

    @property
    def description(self) -> str:
        return self.localized("description")


class Topic(models.Model):
    """A discussion thread: its opening post and the replies, in order."""

    forum = models.ForeignKey(
        Forum, related_name="topics", on_delete=models.CASCADE, verbose_name=_("forum")
    )
    title = models.CharField(_("title"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=False, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="forum_topics",
        on_delete=models.SET_NULL,
        null=True,
        verbose_name=_("author"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PUBLISHED
    )
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_post_at = models.DateTimeField(_("last activity"), default=timezone.now, db_index=True)
    last_post = models.ForeignKey(
        "Post", related_name="+", on_delete=models.SET_NULL, null=True, editable=False
    )
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    view_count = models.PositiveIntegerField(_("views"), default=0)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["-is_pinned", "-last_post_at", "-pk"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        indexes = [models.Index(fields=["forum", "state", "-is_pinned", "-last_post_at"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.slug = slugify(self.title)[:80] or "topic"
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("forums:topic", args=[self.forum.slug, self.pk, self.slug])


class Post(models.Model):
    """One message of a topic, written in Markdown and rendered by the portal's sanitizer."""

    topic = models.ForeignKey(
        Topic, related_name="posts", on_delete=models.CASCADE, verbose_name=_("topic")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="forum_posts",
        on_delete=models.SET_NULL,
        null=True,
        verbose_name=_("author"),
    )
    body = models.TextField(_("message"))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PUBLISHED
    )
    is_opening = models.BooleanField(_("opens the topic"), default=False, editable=False)
    via_email = models.BooleanField(_("sent by email"), default=False, editable=False)
    created_at = models.DateTimeField(_("sent"), default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [models.Index(fields=["topic", "state", "created_at"])]

    def __str__(self):
        return f"{self.topic.title} #{self.pk}"

    def get_absolute_url(self) -> str:
        """The permalink: stays valid when the post moves to another page or topic."""
        return reverse("forums:post", args=[self.pk])


class PostRevision(models.Model):
    """The text of a post before one of its edits: moderators can read the history."""

    post = models.ForeignKey(Post, related_name="revisions", on_delete=models.CASCADE)
    body = models.TextField(_("previous text"))
    replaced_at = models.DateTimeField(_("replaced"), default=timezone.now)

    class Meta:
        ordering = ["-replaced_at", "-pk"]
        verbose_name = _("post revision")
        verbose_name_plural = _("post revisions")

    def __str__(self):
        return f"{self.post} ({self.replaced_at:%Y-%m-%d %H:%M})"


class ReadState(models.Model):
    """Until when a member has read a topic (unread markers, "jump to first unread")."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="forum_read_states", on_delete=models.CASCADE
    )
    topic = models.ForeignKey(Topic, related_name="read_states", on_delete=models.CASCADE)
    read_until = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "topic"], name="one_read_state_per_topic")
        ]

    def __str__(self):
        return f"{self.user} · {self.topic}"


class ForumReadMark(models.Model):
    """ "Mark all as read": every topic of the forum active before `read_until` counts as read."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="forum_read_marks", on_delete=models.CASCADE
    )
    forum = models.ForeignKey(Forum, related_name="read_marks", on_delete=models.CASCADE)
    read_until = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "forum"], name="one_read_mark_per_forum")
        ]

    def __str__(self):
        return f"{self.user} · {self.forum}"


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately, one email per message")
    DAILY = "daily", _("Once a day, in a digest")
    NEVER = "never", _("Never: only on the website")


class NotificationSettings(models.Model):
    """How a member wants forum notifications by email (the forum part of their profile)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, related_name="forum_settings", on_delete=models.CASCADE
    )
    delivery = models.CharField(
        _("email notifications"),
        max_length=10,
        choices=Delivery.choices,
        default=Delivery.IMMEDIATE,
    )
    last_digest_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("forum notification settings")

    def __str__(self):
        return f"{self.user}: {self.get_delivery_display()}"


class Subscription(models.Model):
    """A member follows a forum (new topics) or a topic (new replies).

    In mailing-list mode every post is emailed in full, at once, with a
    personal reply-by-email address, whatever the member's digest choice.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="forum_subscriptions", on_delete=models.CASCADE
    )
    forum = models.ForeignKey(
        Forum, related_name="subscriptions", on_delete=models.CASCADE, null=True, blank=True
    )
    topic = models.ForeignKey(
        Topic, related_name="subscriptions", on_delete=models.CASCADE, null=True, blank=True
    )
    mailing_list = models.BooleanField(_("receive every post by email"), default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="subscription_targets_forum_or_topic",
                condition=Q(forum__isnull=False, topic__isnull=True)
                | Q(forum__isnull=True, topic__isnull=False),
            ),
            models.UniqueConstraint(fields=["user", "forum"], name="one_subscription_per_forum"),
            models.UniqueConstraint(fields=["user", "topic"], name="one_subscription_per_topic"),
        ]

    def __str__(self):
        return f"{self.user} → {self.target}"

    @property
    def target(self):
        return self.topic or self.forum


class Reason(models.TextChoices):
    MENTION = "mention", _("mentioned you")
    TOPIC = "topic", _("replied in a topic you follow")
    FORUM = "forum", _("posted in a forum you follow")


class Notification(models.Model):
    """Something in the forums a member should know about; shown on the site, maybe emailed."""

    class Email(models.TextChoices):
        PENDING = "pending", _("to send")
        SENT = "sent", _("sent")
        SKIPPED = "skipped", _("not sent")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="forum_notifications", on_delete=models.CASCADE
    )
    post = models.ForeignKey(Post, related_name="notifications", on_delete=models.CASCADE)
    reason = models.CharField(max_length=10, choices=Reason.choices)
    # Mailing-list notifications carry the whole post and go out at once.
    mailing_list = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    email = models.CharField(max_length=10, choices=Email.choices, default=Email.PENDING)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "post"], name="one_notification_per_post")
        ]
        indexes = [models.Index(fields=["user", "email"])]

    def __str__(self):
        return f"{self.user}: {self.post} ({self.get_reason_display()})"


class ForumBanQuerySet(models.QuerySet):
    def active(self):
        return self.filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))


class ForumBan(models.Model):
    """A member who may not post, in one forum or (without forum) in all of them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="forum_bans",
        on_delete=models.CASCADE,
        verbose_name=_("member"),
    )
    forum = models.ForeignKey(
        Forum,
        related_name="bans",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("forum"),
        help_text=_("Leave empty to ban from every forum."),
    )
    reason = models.TextField(_("reason"))
    expires_at = models.DateTimeField(
        _("until"), null=True, blank=True, help_text=_("Leave empty for a permanent ban.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", on_delete=models.SET_NULL, null=True
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    objects = ForumBanQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("forum ban")
        verbose_name_plural = _("forum bans")

    def __str__(self):
        return f"{self.user} ({self.forum or _('all forums')})"


class Report(models.Model):
    """A member tells the moderators that a post breaks the rules."""

    post = models.ForeignKey(Post, related_name="reports", on_delete=models.CASCADE)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="forum_reports",
        on_delete=models.SET_NULL,
        null=True,
    )
    reason = models.TextField(_("reason"), max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", on_delete=models.SET_NULL, null=True
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=Q(resolved_at__isnull=True),
                name="one_open_report_per_member_and_post",
            )
        ]

    def __str__(self):
        return f"{self.post}: {self.reason[:60]}"


class ModerationAction(models.TextChoices):
    PIN = "pin", _("pinned the topic")
    UNPIN = "unpin", _("unpinned the topic")
    LOCK = "lock", _("locked the topic")
    UNLOCK = "unlock", _("unlocked the topic")
    HIDE_TOPIC = "hide_topic", _("hid the topic")
    SHOW_TOPIC = "show_topic", _("made the topic visible again")
    MOVE = "move", _("moved the topic")
    SPLIT = "split", _("split posts off into a new topic")
    HIDE_POST = "hide_post", _("hid the post")
    SHOW_POST = "show_post", _("made the post visible again")
    APPROVE = "approve", _("approved the post")
    RESOLVE_REPORT = "resolve", _("closed a report")


class ModerationLogEntry(models.Model):
    """What a moderator did, to what, and why: kept for accountability."""

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        verbose_name=_("moderator"),
    )
    action = models.CharField(_("action"), max_length=12, choices=ModerationAction.choices)
    forum = models.ForeignKey(
        Forum, related_name="moderation_log", on_delete=models.SET_NULL, null=True
    )
    topic = models.ForeignKey(
        Topic, related_name="moderation_log", on_delete=models.SET_NULL, null=True
    )
    post = models.ForeignKey(
        Post, related_name="moderation_log", on_delete=models.SET_NULL, null=True
    )
    reason = models.TextField(_("reason"), blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("date"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")

    def __str__(self):
        return f"{self.moderator} {self.get_action_display()}"


class InboundMail(models.Model):
    """Every reply received by email, accepted or not: the log of inbound mail.

    Accepted message ids are unique, which is what refuses a replayed message.
    """

    class Status(models.TextChoices):
        ACCEPTED = "accepted", _("posted")
        REJECTED = "rejected", _("rejected")

    message_id = models.CharField(max_length=255, blank=True)
    sender = models.CharField(max_length=255, blank=True)
    recipient = models.CharField(max_length=255, blank=True)
    size = models.PositiveIntegerField(default=0)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, related_name="+", on_delete=models.SET_NULL, null=True
    )
    topic = models.ForeignKey(Topic, related_name="+", on_delete=models.SET_NULL, null=True)
    post = models.ForeignKey(Post, related_name="+", on_delete=models.SET_NULL, null=True)
    status = models.CharField(max_length=10, choices=Status.choices)
    reason = models.CharField(max_length=40, blank=True)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("inbound email")
        verbose_name_plural = _("inbound emails")
        constraints = [
            models.UniqueConstraint(
                fields=["message_id"],
                condition=Q(status="accepted"),
                name="accepted_message_ids_are_unique",
            )
        ]

    def __str__(self):
        return f"{self.message_id or self.sender} ({self.status} {self.reason})".strip()
