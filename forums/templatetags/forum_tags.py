"""Template helpers of the forum pages."""

from django import template

from forums.models import Forum, Notification

register = template.Library()


@register.inclusion_tag("forums/_nav.html", takes_context=True)
def forum_nav(context):
    """Links every forum page offers a member: notifications, email settings, moderation."""
    user = context["request"].user
    if not user.is_authenticated:
        return {"user": user}
    return {
        "user": user,
        "unread": Notification.objects.filter(user=user, read_at__isnull=True).count(),
        "moderates": Forum.objects.moderated_by(user).exists(),
    }


@register.simple_tag
def elided_pages(page_obj):
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
