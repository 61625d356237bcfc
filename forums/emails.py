"""The emails of the forums: one post (notification or mailing list) and the daily digest.

Plain text, light for mailboxes read on slow connections; each carries a
one-click unsubscribe link (List-Unsubscribe, RFC 8058) and, when the member
may answer, a personal reply-by-email address.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .permissions import posting_refusal
from .tokens import reply_address, unsubscribe_token


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def mail_domain() -> str:
    return settings.FORUMS_REPLY_DOMAIN or urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname


def unsubscribe_url(user, target: str) -> str:
    return absolute_url(reverse("forums:unsubscribe", args=[unsubscribe_token(user, target)]))


def _unsubscribe_target(notification) -> str:
    from .models import Reason

    post = notification.post
    if notification.reason == Reason.MENTION:
        return "all"
    if notification.reason == Reason.TOPIC:
        return f"topic:{post.topic_id}"
    return f"forum:{post.topic.forum_id}"


def _list_headers(user, forum, target: str) -> dict[str, str]:
    url = unsubscribe_url(user, target)
    return {
        "List-Id": f"<{forum.slug}.forum.{mail_domain()}>",
        "List-Unsubscribe": f"<{url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Precedence": "list",
    }


def send_post_email(notification) -> None:
    user, post = notification.user, notification.post
    topic, forum = post.topic, post.topic.forum
    with translation.override(user.preferred_language):
        target = _unsubscribe_target(notification)
        can_reply = posting_refusal(user, forum, topic) is None
        address = reply_address(user, topic) if can_reply else None
        context = {
            "member": user,
            "post": post,
            "topic": topic,
            "forum": forum,
            "reason": notification.get_reason_display(),
            "post_url": absolute_url(post.get_absolute_url()),
            "unsubscribe_url": unsubscribe_url(user, target),
            "settings_url": absolute_url(reverse("forums:settings")),
            "reply_by_email": bool(address),
        }
        subject = f"[{forum.name}] {topic.title}"
        body = render_to_string("forums/email/post.txt", context)
        headers = _list_headers(user, forum, target)
    domain = mail_domain()
    headers["Message-ID"] = f"<forum-post-{post.pk}-{user.pk}@{domain}>"
    headers["References"] = f"<forum-topic-{topic.pk}@{domain}>"
    headers["In-Reply-To"] = f"<forum-topic-{topic.pk}@{domain}>"
    message = EmailMessage(
        subject=subject,
        body=body,
        to=[user.email],
        reply_to=[address] if address else None,
        headers=headers,
    )
    message.send()


def send_digest_email(user, notifications) -> None:
    with translation.override(user.preferred_language):
        items = [
            {
                "notification": notification,
                "post_url": absolute_url(notification.post.get_absolute_url()),
            }
            for notification in notifications
        ]
        context = {
            "member": user,
            "items": items,
            "unsubscribe_url": unsubscribe_url(user, "all"),
            "settings_url": absolute_url(reverse("forums:settings")),
        }
        subject = _("Your forum digest: %(count)d new messages") % {"count": len(items)}
        body = render_to_string("forums/email/digest.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[user.email])
    message.extra_headers.update(
        {
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }
    )
    message.send()
