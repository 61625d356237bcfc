"""The emails the workspaces send, each written in its recipient's language.

Templates build links as `{{ base_url }}{% url … %}` so that they are
rendered while the recipient's language is active.
"""

from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation


def compose(
    recipient_email: str, language: str, subject: Callable[[], str], template: str, context: dict
) -> EmailMessage:
    """One email, its subject and body rendered with `language` active."""
    with translation.override(language):
        body = render_to_string(
            template,
            {
                **context,
                "site_name": settings.WAGTAIL_SITE_NAME,
                "base_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
            },
        )
        subject_text = str(subject())
    return EmailMessage(
        subject=f"{settings.ACCOUNT_EMAIL_SUBJECT_PREFIX}{subject_text}",
        body=body,
        to=[recipient_email],
    )


def to_user(user, subject: Callable[[], str], template: str, context: dict) -> EmailMessage:
    language = user.preferred_language or settings.LANGUAGE_CODE
    return compose(user.email, language, subject, template, {**context, "recipient": user})


def send_all(messages: Iterable[EmailMessage]) -> int:
    messages = list(messages)
    if not messages:
        return 0
    return get_connection().send_messages(messages) or 0
