"""Background work of the newsletter app (Django tasks API; safe to retry)."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import default_task_backend, task

from .models import NewsItem, Sending, Subscriber, SubscriberStatus
from .services import (
    absolute_url,
    confirmation_url,
    subscriber_language,
    unsubscribe_url,
)

logger = logging.getLogger(__name__)


@task()
def notify_news_status(news_id: int, issue_number: int | None = None) -> None:
    """Tell a contributor that their news item was published, rejected or put in G-NEWS."""
    news = NewsItem.objects.select_related("author").filter(pk=news_id).first()
    if news is None or not news.author.email:
        return
    with translation.override(news.author.preferred_language):
        context = {
            "news": news,
            "member": news.author,
            "dashboard_url": absolute_url(reverse("newsletter:my_news")),
            "news_url": absolute_url(news.get_absolute_url()),
            "issue_number": issue_number,
        }
        subject = render_to_string("newsletter/email/news_status_subject.txt", context).strip()
        body = render_to_string("newsletter/email/news_status.txt", context)
    send_mail(subject, body, None, [news.author.email])


@task()
def send_subscription_confirmation(subscriber_id: int) -> None:
    """Second half of the double opt-in: email the signed confirmation link."""
    subscriber = Subscriber.objects.filter(
        pk=subscriber_id, status=SubscriberStatus.PENDING
    ).first()
    if subscriber is None:
        return
    with translation.override(subscriber_language(subscriber)):
        context = {
            "confirm_url": confirmation_url(subscriber),
            "days": settings.NEWSLETTER_CONFIRMATION_MAX_AGE // 86400,
            "subscriber": subscriber,
        }
        subject = render_to_string("newsletter/email/confirm_subject.txt", context).strip()
        body = render_to_string("newsletter/email/confirm.txt", context)
    send_mail(subject, body, settings.NEWSLETTER_FROM_EMAIL, [subscriber.email])


@task()
def send_issue_edition(sending_id: int) -> dict:
    """Deliver one issue edition to its subscribers, resuming where an earlier run stopped.

    Deliveries that failed for a passing reason come back after a backoff:
    the task enqueues itself for then when the task backend can defer.
    """
    from .sending import send_pending

    sending = Sending.objects.filter(pk=sending_id).select_related("issue").first()
    if sending is None:
        return {}
    report = send_pending(sending)
    if report.retry_at is not None and default_task_backend.supports_defer:
        send_issue_edition.using(run_after=report.retry_at).enqueue(sending_id)
    logger.info("G-NEWS sending %s: %s", sending_id, report)
    return report.as_dict()


@task()
def send_unsubscribe_link(subscriber_id: int) -> None:
    """Email a fresh one-click unsubscribe link (asked for when an old one expired)."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return
    with translation.override(subscriber_language(subscriber)):
        context = {"unsubscribe_url": unsubscribe_url(subscriber.pk)}
        subject = render_to_string("newsletter/email/unsubscribe_subject.txt", context).strip()
        body = render_to_string("newsletter/email/unsubscribe.txt", context)
    send_mail(subject, body, settings.NEWSLETTER_FROM_EMAIL, [subscriber.email])
