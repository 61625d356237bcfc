"""Who sees and does what in the forums: the one place that says it.

Every path that shows forum data (views, feeds, providers, search documents,
notifications, inbound mail) goes through these querysets and checks.
"""

from datetime import timedelta

from django.conf import settings
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from .owners import owner_posting_refusal, readable_forums_q
from .states import State

MODERATE_PERMISSION = "forums.moderate_forum"
POST_PERMISSION = "forums.add_post"

MODERATOR_VISIBLE_STATES = [State.PUBLISHED, State.PENDING, State.HIDDEN]


def is_global_moderator(user) -> bool:
    return user.is_authenticated and user.has_perm(MODERATE_PERMISSION)


class ForumQuerySet(QuerySet):
    def visible_to(self, user):
        """Open forums, and owned forums whose owner lets `user` read them."""
        if user.is_authenticated and user.is_superuser:
            return self.all()
        return self.filter(readable_forums_q(user))

    def moderated_by(self, user):
        """Forums `user` moderates: every visible one for the Moderator role, else their own."""
        if not user.is_authenticated:
            return self.none()
        visible = self.visible_to(user)
        if is_global_moderator(user):
            return visible
        return visible.filter(moderators=user)


def _state_condition(user, forum_path: str, forum_model) -> Q:
    """Published items; plus the viewer's own pending ones; plus anything a moderator handles."""
    condition = Q(state=State.PUBLISHED)
    if not user.is_authenticated:
        return condition
    moderated = forum_model.objects.moderated_by(user)
    return (
        condition
        | Q(state=State.PENDING, author=user)
        | Q(**{f"{forum_path}__in": moderated}, state__in=MODERATOR_VISIBLE_STATES)
    )


class TopicQuerySet(QuerySet):
    def visible_to(self, user):
        forum_model = self.model._meta.get_field("forum").related_model
        return self.filter(
            _state_condition(user, "forum", forum_model),
            forum__in=forum_model.objects.visible_to(user),
        )


class PostQuerySet(QuerySet):
    def visible_to(self, user):
        topic_model = self.model._meta.get_field("topic").related_model
        forum_model = topic_model._meta.get_field("forum").related_model
        return self.filter(
            _state_condition(user, "topic__forum", forum_model),
            topic__in=topic_model.objects.visible_to(user),
        )


def can_moderate(user, forum) -> bool:
    if not user.is_authenticated:
        return False
    if is_global_moderator(user):
        return True
    return forum.moderators.filter(pk=user.pk).exists()


def is_banned(user, forum) -> bool:
    from .models import ForumBan

    return (
        ForumBan.objects.active()
        .filter(user=user)
        .filter(Q(forum__isnull=True) | Q(forum=forum))
        .exists()
    )


def posting_refusal(user, forum, topic=None) -> str | None:
    """Why `user` may not post in `forum` (or reply to `topic`), or None if they may.

    The caller has already checked that the forum is visible to the user; a
    forum's owner may still keep some of its readers from posting (see owners.py).
    """
    if not user.is_authenticated:
        return _("Log in to take part in the discussion.")
    if not user.has_perm(POST_PERMISSION):
        return _("Only members with a verified email address can post in the forums.")
    owner_refusal = owner_posting_refusal(user, forum)
    if owner_refusal:
        return owner_refusal
    if is_banned(user, forum):
        return _("You have been banned from posting in this forum.")
    if topic is not None and topic.state != State.PUBLISHED and not can_moderate(user, forum):
        return _("This topic is not open for replies.")
    if topic is not None and topic.is_locked and not can_moderate(user, forum):
        return _("This topic is locked: no new replies can be posted.")
    return None


def edit_refusal(user, post) -> str | None:
    """Why `user` may not edit `post`, or None: authors only, within the edit window."""
    if not user.is_authenticated or post.author_id != user.pk:
        return _("You can only edit your own posts.")
    if post.state not in (State.PUBLISHED, State.PENDING):
        return _("This post can no longer be edited.")
    if post.topic.is_locked:
        return _("This topic is locked: its posts can no longer be edited.")
    window = timedelta(minutes=settings.FORUMS_EDIT_WINDOW_MINUTES)
    if timezone.now() - post.created_at > window:
        return _("Posts can only be edited during the %(minutes)d minutes after they are sent.") % {
            "minutes": settings.FORUMS_EDIT_WINDOW_MINUTES
        }
    return None


def delete_refusal(user, post) -> str | None:
    """Why `user` may not delete `post`, or None: authors delete their own posts (soft delete)."""
    if not user.is_authenticated or post.author_id != user.pk:
        return _("You can only delete your own posts.")
    if post.state not in (State.PUBLISHED, State.PENDING):
        return _("This post can no longer be deleted.")
    if post.is_opening and post.topic.posts.filter(state=State.PUBLISHED).count() > 1:
        return _(
            "The first post of a topic with replies cannot be deleted; ask a moderator instead."
        )
    return None
