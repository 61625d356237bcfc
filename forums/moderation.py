"""What moderators do to topics and posts; every action is written to the moderation log."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Forum, ModerationAction, ModerationLogEntry, Post, Report, Topic
from .services import PostingRefused, refresh_counters, refresh_forum_counters
from .states import State
from .tasks import notify_post


def move_refusal() -> str:
    """Why a topic may not move to a forum of another owner (in the moderator's language)."""
    return _(
        "A topic can only move to another forum of the same space: "
        "a workspace's topics never leave it, and no topic moves into a workspace."
    )


def log(moderator, action: str, *, topic=None, post=None, forum=None, reason="", **details):
    return ModerationLogEntry.objects.create(
        moderator=moderator,
        action=action,
        forum=forum or (topic.forum if topic else post.topic.forum if post else None),
        topic=topic or (post.topic if post else None),
        post=post,
        reason=reason,
        details=details,
    )


@transaction.atomic
def set_pinned(topic: Topic, moderator, pinned: bool, reason: str) -> None:
    topic.is_pinned = pinned
    topic.save(update_fields=["is_pinned"])
    log(moderator, ModerationAction.PIN if pinned else ModerationAction.UNPIN, topic=topic,
        reason=reason)  # fmt: skip


@transaction.atomic
def set_locked(topic: Topic, moderator, locked: bool, reason: str) -> None:
    topic.is_locked = locked
    topic.save(update_fields=["is_locked"])
    log(moderator, ModerationAction.LOCK if locked else ModerationAction.UNLOCK, topic=topic,
        reason=reason)  # fmt: skip


@transaction.atomic
def set_topic_hidden(topic: Topic, moderator, hidden: bool, reason: str) -> None:
    topic.state = State.HIDDEN if hidden else State.PUBLISHED
    topic.save(update_fields=["state"])
    refresh_counters(topic)
    action = ModerationAction.HIDE_TOPIC if hidden else ModerationAction.SHOW_TOPIC
    log(moderator, action, topic=topic, reason=reason)


@transaction.atomic
def set_post_hidden(post: Post, moderator, hidden: bool, reason: str) -> None:
    """Hide a post (or refuse a pending one), or show it again."""
    was_pending = post.state == State.PENDING
    post.state = State.HIDDEN if hidden else State.PUBLISHED
    post.save(update_fields=["state"])
    if post.is_opening and was_pending and hidden:
        # A refused opening post takes its (never published) topic with it.
        post.topic.state = State.HIDDEN
        post.topic.save(update_fields=["state"])
    refresh_counters(post.topic)
    action = ModerationAction.HIDE_POST if hidden else ModerationAction.SHOW_POST
    log(moderator, action, post=post, reason=reason)


@transaction.atomic
def approve(post: Post, moderator, reason: str = "") -> None:
    """Publish a pending post (and its topic, if it opens one), then notify as for any post."""
    if post.state != State.PENDING:
        raise PostingRefused("not pending")
    post.state = State.PUBLISHED
    post.save(update_fields=["state"])
    if post.is_opening:
        post.topic.state = State.PUBLISHED
        post.topic.save(update_fields=["state"])
    refresh_counters(post.topic)
    log(moderator, ModerationAction.APPROVE, post=post, reason=reason)
    transaction.on_commit(lambda: notify_post.enqueue(post.pk))


@transaction.atomic
def same_owner(forum: Forum, other: Forum) -> bool:
    """Both open to everyone, or both owned by the same workspace (or other owner)."""
    return (forum.owner_content_type_id, forum.owner_object_id) == (
        other.owner_content_type_id,
        other.owner_object_id,
    )


def move_targets(topic: Topic, forums):
    """The forums among `forums` that `topic` may move to: others of the same owner only.

    A workspace's topics never leave it and no topic moves into a workspace:
    moving would show private words to outsiders, or public ones to a closed circle
    that never wrote them there.
    """
    forum = topic.forum
    return forums.filter(
        owner_content_type_id=forum.owner_content_type_id,
        owner_object_id=forum.owner_object_id,
    ).exclude(pk=forum.pk)


def move(topic: Topic, moderator, target: Forum, reason: str) -> None:
    source = topic.forum
    if not same_owner(source, target):
        raise PostingRefused(move_refusal())
    topic.forum = target
    topic.save(update_fields=["forum"])
    refresh_forum_counters(source)
    refresh_counters(topic)
    log(moderator, ModerationAction.MOVE, topic=topic, reason=reason,
        from_forum=source.pk, to_forum=target.pk)  # fmt: skip


@transaction.atomic
def split(topic: Topic, moderator, posts: list[Post], title: str, reason: str) -> Topic:
    """Move some posts of `topic` into a new topic of the same forum; the earliest opens it."""
    posts = sorted(posts, key=lambda post: (post.created_at, post.pk))
    if not posts or any(post.topic_id != topic.pk for post in posts):
        raise PostingRefused("posts must belong to the topic")
    if any(post.is_opening for post in posts):
        raise PostingRefused("the opening post cannot be split off")
    first = posts[0]
    new_topic = Topic.objects.create(
        forum=topic.forum,
        title=title.strip(),
        author=first.author,
        created_at=first.created_at,
        last_post_at=first.created_at,
    )
    for post in posts:  # one by one, so that search documents follow (post_save)
        post.topic = new_topic
        post.is_opening = post is first
        post.save(update_fields=["topic", "is_opening"])
    refresh_counters(topic)
    refresh_counters(new_topic)
    log(moderator, ModerationAction.SPLIT, topic=topic, reason=reason,
        new_topic=new_topic.pk, posts=[post.pk for post in posts])  # fmt: skip
    return new_topic


@transaction.atomic
def resolve_report(report: Report, moderator, reason: str = "") -> None:
    report.resolved_at = timezone.now()
    report.resolved_by = moderator
    report.save(update_fields=["resolved_at", "resolved_by"])
    log(moderator, ModerationAction.RESOLVE_REPORT, post=report.post, reason=reason,
        report=report.pk)  # fmt: skip
