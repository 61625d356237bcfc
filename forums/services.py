"""What members do in the forums, shared by the web views and the inbound mail handler.

Each operation checks the rules (permissions, limits, content), writes, keeps
the denormalised counters right and queues notifications once committed.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .limits import has_published_posts, rate_limit_refusal
from .models import Forum, Post, PostRevision, ReadState, Subscription, Topic
from .permissions import can_moderate, delete_refusal, edit_refusal, posting_refusal
from .states import State
from .tasks import notify_post
from .validators import validate_post_body


class PostingRefused(Exception):
    """A rule forbids the action; the message says which, in the member's language."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def check_can_post(user, forum: Forum, topic: Topic | None = None) -> None:
    refusal = posting_refusal(user, forum, topic)
    if refusal:
        raise PostingRefused(refusal)


def _check_content_and_rate(user, body: str, ip: str | None) -> None:
    try:
        validate_post_body(body, user)
    except ValidationError as error:
        raise PostingRefused(error.messages[0]) from error
    refusal = rate_limit_refusal(user, ip)
    if refusal:
        raise PostingRefused(refusal)


def _initial_state(user, forum: Forum) -> str:
    if forum.premoderation and not can_moderate(user, forum) and not has_published_posts(user):
        return State.PENDING
    return State.PUBLISHED


def start_topic(forum: Forum, author, title: str, body: str, *, ip: str | None = None) -> Topic:
    """Open a topic with its first post; its author follows it from then on."""
    check_can_post(author, forum)
    _check_content_and_rate(author, body, ip)
    state = _initial_state(author, forum)
    now = timezone.now()
    with transaction.atomic():
        topic = Topic.objects.create(
            forum=forum, title=title.strip(), author=author, state=state, created_at=now,
            last_post_at=now,
        )  # fmt: skip
        post = Post.objects.create(
            topic=topic, author=author, body=body, state=state, is_opening=True, created_at=now
        )
        Subscription.objects.get_or_create(user=author, topic=topic)
        mark_read(author, topic, now)
        _published(post)
    return topic


def reply(
    topic: Topic, author, body: str, *, ip: str | None = None, via_email: bool = False
) -> Post:
    check_can_post(author, topic.forum, topic)
    _check_content_and_rate(author, body, ip)
    with transaction.atomic():
        post = Post.objects.create(
            topic=topic,
            author=author,
            body=body,
            state=_initial_state(author, topic.forum),
            via_email=via_email,
        )
        mark_read(author, topic, post.created_at)
        _published(post)
    return post


def _published(post: Post) -> None:
    """After a post becomes visible (or waits for approval): counters and notifications."""
    if post.state != State.PUBLISHED:
        return
    refresh_counters(post.topic)
    transaction.on_commit(lambda: notify_post.enqueue(post.pk))


def edit_post(post: Post, editor, body: str, title: str | None = None) -> Post:
    """Replace a post's text, keeping the previous text in its history."""
    refusal = edit_refusal(editor, post)
    if refusal:
        raise PostingRefused(refusal)
    try:
        validate_post_body(body, editor)
    except ValidationError as error:
        raise PostingRefused(error.messages[0]) from error
    with transaction.atomic():
        if body != post.body:
            PostRevision.objects.create(post=post, body=post.body)
            post.body = body
            post.edited_at = timezone.now()
            post.save(update_fields=["body", "edited_at"])
        if title and post.is_opening and title.strip() != post.topic.title:
            post.topic.title = title.strip()
            post.topic.save(update_fields=["title", "slug"])
    return post


def delete_post(post: Post, user) -> None:
    """The author withdraws a post; an opening post without replies takes its topic along."""
    refusal = delete_refusal(user, post)
    if refusal:
        raise PostingRefused(refusal)
    with transaction.atomic():
        post.state = State.DELETED
        post.save(update_fields=["state"])
        if post.is_opening:
            post.topic.state = State.DELETED
            post.topic.save(update_fields=["state"])
        refresh_counters(post.topic)


def refresh_counters(topic: Topic) -> None:
    """Recompute the published counts and latest posts of a topic and its forum."""
    published = Post.objects.filter(topic=topic, state=State.PUBLISHED)
    last = published.order_by("-created_at", "-pk").first()
    topic.reply_count = max(published.count() - 1, 0)
    topic.last_post = last
    topic.last_post_at = last.created_at if last else topic.created_at
    topic.save(update_fields=["reply_count", "last_post", "last_post_at"])
    refresh_forum_counters(topic.forum)


def refresh_forum_counters(forum: Forum) -> None:
    posts = Post.objects.filter(
        topic__forum=forum, topic__state=State.PUBLISHED, state=State.PUBLISHED
    )
    forum.topic_count = forum.topics.filter(state=State.PUBLISHED).count()
    forum.post_count = posts.count()
    forum.last_post = posts.order_by("-created_at", "-pk").first()
    forum.save(update_fields=["topic_count", "post_count", "last_post"])


def mark_read(user, topic: Topic, until) -> None:
    """Remember that `user` has read `topic` up to `until` (never moves backwards)."""
    if not user.is_authenticated:
        return
    updated = ReadState.objects.filter(user=user, topic=topic, read_until__lt=until).update(
        read_until=until
    )
    if not updated:
        ReadState.objects.get_or_create(user=user, topic=topic, defaults={"read_until": until})


def set_subscription(user, target, mode: str) -> Subscription | None:
    """Follow a forum or topic ("follow"), get all its posts ("mailing_list") or stop ("off")."""
    field = "topic" if isinstance(target, Topic) else "forum"
    if mode == "off":
        Subscription.objects.filter(user=user, **{field: target}).delete()
        return None
    subscription, _created = Subscription.objects.update_or_create(
        user=user, **{field: target}, defaults={"mailing_list": mode == "mailing_list"}
    )
    return subscription
