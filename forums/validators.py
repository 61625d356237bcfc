"""Validation rules of forum data."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from portal.sanitizer import plain_text, render_markdown

# Path segments of /forum/ that are not forums (see urls.py).
RESERVED_SLUGS = frozenset(
    {"notifications", "settings", "moderation", "unsubscribe", "post", "topic"}
)


def validate_forum_slug(slug: str) -> None:
    if slug in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is used by the forum pages; choose another slug.") % {"slug": slug},
            code="reserved",
        )


def validate_post_body(body: str, author) -> None:
    """The rules every post follows, whether written on the site or sent by email."""
    from .limits import is_new_member

    limit = settings.FORUMS_POST_MAX_CHARS
    if len(body) > limit:
        raise ValidationError(
            _("Your message is too long (%(length)d characters); the limit is %(limit)d.")
            % {"length": len(body), "limit": limit},
            code="too_long",
        )
    if not plain_text(body):
        raise ValidationError(_("Your message is empty."), code="empty")
    max_links = settings.FORUMS_NEW_MEMBER_MAX_LINKS
    if is_new_member(author) and render_markdown(body).count("<a ") > max_links:
        raise ValidationError(
            _("New members can put at most %(count)d links in a message.") % {"count": max_links},
            code="too_many_links",
        )
