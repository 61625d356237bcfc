"""What the forums give the rest of the portal: latest topics for home and theme pages,
and a member's forum data for their personal data export."""

from django.utils.translation import gettext_lazy as _

from portal import registry

from .models import NotificationSettings, Post, Report, Subscription, Topic
from .states import State


def _visible_topics(user):
    return (
        Topic.objects.visible_to(user)
        .filter(state=State.PUBLISHED)
        .select_related("forum")
        .prefetch_related("forum__themes")
        .order_by("-last_post_at", "-pk")
    )


def _as_item(topic: Topic) -> registry.ListedItem:
    return registry.ListedItem(
        title=topic.title,
        url=topic.get_absolute_url(),
        kind=str(_("Forum topic")),
        summary=str(_("In %(forum)s · %(count)d replies"))
        % {"forum": topic.forum.name, "count": topic.reply_count},
        date=topic.last_post_at,
        themes=tuple(theme.name for theme in topic.forum.themes.all()),
    )


def latest_topics(user, limit: int) -> list[registry.ListedItem]:
    return [_as_item(topic) for topic in _visible_topics(user)[:limit]]


def topics_for_theme(theme, user, limit: int) -> list[registry.ListedItem]:
    topics = _visible_topics(user).filter(forum__themes=theme)
    return [_as_item(topic) for topic in topics[:limit]]


FORUM_TOPICS = registry.ContentProvider(
    key="forum_topics",
    label=_("Forum discussions"),
    latest=latest_topics,
    for_theme=topics_for_theme,
    order=300,
)


def topics_posted_in(member, viewer, limit: int) -> list[registry.ListedItem]:
    """The discussions a member took part in, for their expert profile: what `viewer` may read."""
    topics = _visible_topics(viewer).filter(
        pk__in=Post.objects.filter(author=member, state=State.PUBLISHED).values("topic_id")
    )
    return [_as_item(topic) for topic in topics[:limit]]


def export_personal_data(user) -> dict:
    settings_row = NotificationSettings.objects.filter(user=user).first()
    return {
        "email_notifications": settings_row.delivery if settings_row else "immediate",
        "posts": [
            {
                "topic": post.topic.title,
                "forum": post.topic.forum.slug,
                "created_at": post.created_at.isoformat(),
                "edited_at": post.edited_at.isoformat() if post.edited_at else None,
                "state": post.state,
                "sent_by_email": post.via_email,
                "body": post.body,
            }
            for post in Post.objects.filter(author=user).select_related("topic__forum")
        ],
        "subscriptions": [
            {
                "forum": subscription.forum.slug if subscription.forum else None,
                "topic": subscription.topic.title if subscription.topic else None,
                "every_post_by_email": subscription.mailing_list,
            }
            for subscription in Subscription.objects.filter(user=user).select_related(
                "forum", "topic"
            )
        ],
        "reports": [
            {
                "post": report.post_id,
                "reason": report.reason,
                "created_at": report.created_at.isoformat(),
            }
            for report in Report.objects.filter(reporter=user)
        ],
    }
