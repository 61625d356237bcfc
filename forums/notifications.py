"""Who hears about a new post, and when the emails go out.

A published post notifies: the members it mentions, the followers of its
topic, the followers of its forum when it opens a topic, and every
mailing-list subscriber of its topic or forum. Each member gets one
notification per post (shown on the site). Emails then follow the member's
choice: at once, in the daily digest, or never; mailing-list subscribers get
every post at once, whatever their choice. Only members who can still read
the forum are notified.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .emails import send_digest_email, send_post_email
from .mentions import mentioned_members
from .models import Delivery, Forum, Notification, NotificationSettings, Post, Reason, Subscription
from .states import State


def notify_about_post(post_id: int) -> int:
    """Create the notifications of a published post and send the immediate emails.

    Idempotent: notifications already created are left alone, emails already
    sent are not sent again. Returns the number of emails sent.
    """
    post = Post.objects.select_related("topic__forum", "author").filter(pk=post_id).first()
    if post is None or post.state != State.PUBLISHED or post.topic.state != State.PUBLISHED:
        return 0
    recipients = _recipients(post)
    Notification.objects.bulk_create(
        [
            Notification(user_id=user_id, post=post, reason=reason, mailing_list=mailing_list)
            for user_id, (reason, mailing_list) in recipients.items()
        ],
        ignore_conflicts=True,
    )
    return send_pending_post_emails(post)


def _recipients(post: Post) -> dict[int, tuple[str, bool]]:
    """user id -> (reason, mailing list) for everyone who should hear about `post`."""
    topic, forum = post.topic, post.topic.forum
    recipients: dict[int, tuple[str, bool]] = {}
    subscriptions = Subscription.objects.filter(Q(topic=topic) | Q(forum=forum))
    for subscription in subscriptions:
        if subscription.forum_id and not (post.is_opening or subscription.mailing_list):
            continue
        reason = Reason.TOPIC if subscription.topic_id else Reason.FORUM
        previous = recipients.get(subscription.user_id, (reason, False))
        recipients[subscription.user_id] = (previous[0], previous[1] or subscription.mailing_list)
    for member in mentioned_members(post.body):
        mailing_list = recipients.get(member.pk, (None, False))[1]
        recipients[member.pk] = (Reason.MENTION, mailing_list)
    recipients.pop(post.author_id, None)
    readers = _readers(forum, recipients)
    return {user_id: value for user_id, value in recipients.items() if user_id in readers}


def _readers(forum: Forum, user_ids) -> set[int]:
    """Those of `user_ids` who are active and may read `forum`."""
    users = get_user_model().objects.filter(pk__in=list(user_ids), is_active=True)
    if forum.owner_content_type_id is None:
        return set(users.values_list("pk", flat=True))
    return {
        user.pk for user in users if Forum.objects.visible_to(user).filter(pk=forum.pk).exists()
    }


def delivery_of(user) -> str:
    settings_row = NotificationSettings.objects.filter(user=user).first()
    return settings_row.delivery if settings_row else Delivery.IMMEDIATE


def send_pending_post_emails(post: Post) -> int:
    sent = 0
    pending = Notification.objects.filter(post=post, email=Notification.Email.PENDING)
    for notification in pending.select_related("user", "post__topic__forum", "post__author"):
        delivery = delivery_of(notification.user)
        if not notification.mailing_list and delivery == Delivery.DAILY:
            continue  # waits for the digest
        if not notification.mailing_list and delivery == Delivery.NEVER:
            _mark(notification, Notification.Email.SKIPPED)
            continue
        # Claim the notification first, so that a retried task never sends it twice.
        if _mark(notification, Notification.Email.SENT):
            send_post_email(notification)
            sent += 1
    return sent


def _mark(notification: Notification, status: str) -> bool:
    return bool(
        Notification.objects.filter(pk=notification.pk, email=Notification.Email.PENDING).update(
            email=status
        )
    )


def send_daily_digests() -> int:
    """Send each daily-digest member one email with their pending notifications."""
    sent = 0
    members = (
        get_user_model()
        .objects.filter(
            forum_settings__delivery=Delivery.DAILY,
            forum_notifications__email=Notification.Email.PENDING,
            is_active=True,
        )
        .distinct()
    )
    for member in members:
        with transaction.atomic():
            pending = list(
                Notification.objects.select_for_update(of=("self",))
                .filter(user=member, email=Notification.Email.PENDING)
                .select_related("post__topic__forum", "post__author")
                .order_by("post__topic__forum", "post__topic", "post__created_at")
            )
            visible = set(
                Post.objects.visible_to(member)
                .filter(pk__in=[n.post_id for n in pending], state=State.PUBLISHED)
                .values_list("pk", flat=True)
            )
            Notification.objects.filter(pk__in=[n.pk for n in pending]).update(
                email=Notification.Email.SENT
            )
            NotificationSettings.objects.filter(user=member).update(last_digest_at=timezone.now())
        items = [n for n in pending if n.post_id in visible]
        if items:
            send_digest_email(member, items)
            sent += 1
    return sent
