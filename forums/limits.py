"""Anti-spam limits on posting: rates per member and per IP address, new members.

Rates are counted in the cache with django-ratelimit (shared by all web
processes when the cache is Redis); they apply to posts written on the site
and to replies by email alike.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django_ratelimit.core import is_ratelimited

from .models import Post
from .states import State


def is_new_member(user) -> bool:
    """Joined recently or never published a post: such members may post fewer links."""
    joined_recently = user.date_joined > timezone.now() - timedelta(
        days=settings.FORUMS_NEW_MEMBER_DAYS
    )
    return joined_recently or not has_published_posts(user)


def has_published_posts(user) -> bool:
    return Post.objects.filter(author=user, state=State.PUBLISHED).exists()


def rate_limit_refusal(user, ip: str | None) -> str | None:
    """Count one posting attempt; say why it is refused if a rate is exceeded."""
    # django-ratelimit only reads the request to compute keys; ours are given.
    over_user = is_ratelimited(
        None,
        group="forums.post.user",
        key=lambda group, request: str(user.pk),
        rate=settings.FORUMS_USER_POST_RATE,
        increment=True,
    )
    over_ip = bool(ip) and is_ratelimited(
        None,
        group="forums.post.ip",
        key=lambda group, request: ip,
        rate=settings.FORUMS_IP_POST_RATE,
        increment=True,
    )
    if over_user or over_ip:
        return _("You are posting too fast. Please wait a few minutes and try again.")
    return None
