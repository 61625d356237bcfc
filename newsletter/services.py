"""Multi-step operations of the newsletter app, shared by views, admin, tasks and commands."""

import enum
from collections import defaultdict
from urllib.parse import urljoin

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from portal.registry import ListedItem

from .models import (
    IssueReference,
    NewsItem,
    NewsletterIssuePage,
    NewsStatus,
    NewsSubmission,
    Subscriber,
    SubscriberStatus,
    referenced_ids,
)
from .permissions import issues_visible_to
from .tokens import CONFIRM, UNSUBSCRIBE, make_token


def absolute_url(path: str) -> str:
    """A URL that works from an email: the portal's BASE_URL plus `path`."""
    return urljoin(settings.WAGTAILADMIN_BASE_URL, path)


# User news ---------------------------------------------------------------


@transaction.atomic
def submit_news(news: NewsItem) -> NewsItem:
    """Send a contributor's (new or edited) item to the moderation queue.

    Its content is kept as an immutable submission so editors' later
    changes never erase what the contributor wrote.
    """
    news.status = NewsStatus.SUBMITTED
    news.rejection_reason = ""
    news.save(update_fields=["status", "rejection_reason", "updated_at"])
    NewsSubmission.objects.create(news=news, content=news.snapshot())
    return news


def publish_news(news: NewsItem, editor) -> NewsItem:
    news.status = NewsStatus.PUBLISHED
    news.published_at = news.published_at or timezone.now()
    news.rejection_reason = ""
    news.moderated_by = editor
    news.save(
        update_fields=["status", "published_at", "rejection_reason", "moderated_by", "updated_at"]
    )
    _notify_status_change(news)
    return news


def reject_news(news: NewsItem, editor, reason: str) -> NewsItem:
    news.status = NewsStatus.REJECTED
    news.rejection_reason = reason.strip()
    news.moderated_by = editor
    news.save(update_fields=["status", "rejection_reason", "moderated_by", "updated_at"])
    _notify_status_change(news)
    return news


def _notify_status_change(news: NewsItem, issue_number: int | None = None) -> None:
    from .tasks import notify_news_status

    transaction.on_commit(lambda: notify_news_status.enqueue(news.pk, issue_number))


def announce_selection(issue: NewsletterIssuePage) -> list[NewsItem]:
    """Notify the authors of the news in a published issue, once per item and issue number.

    The French and English editions share a number: the second one to be
    published announces nothing new.
    """
    announced = []
    for news in NewsItem.objects.filter(issue_references__issue=issue).distinct():
        if issue.number in news.announced_issues:
            continue
        news.announced_issues = [*news.announced_issues, issue.number]
        news.save(update_fields=["announced_issues"])
        _notify_status_change(news, issue.number)
        announced.append(news)
    return announced


def selected_issue_numbers(news_items) -> dict[int, list[int]]:
    """For each news item, the numbers of the published issues that contain it."""
    references = IssueReference.objects.filter(news__in=news_items, issue__live=True).values_list(
        "news_id", "issue__number"
    )
    numbers = defaultdict(set)
    for news_id, number in references:
        numbers[news_id].add(number)
    return {news_id: sorted(found) for news_id, found in numbers.items()}


def contributor_line_for(user) -> str:
    """The contributor line prefilled from a member's profile (they may edit it)."""
    parts = [user.public_name, user.job_title, user.organisation]
    if user.country_id:
        parts.append(user.country.name)
    return ", ".join(part for part in parts if part)


# G-NEWS issues -----------------------------------------------------------


def issues_mentioning(resource, user=None) -> list[NewsletterIssuePage]:
    """The published G-NEWS editions, in the resource's language, that mention `resource`.

    Public function for the library's resource page ("the G-NEWS issues that
    mention it"): an issue mentions a resource when one of its items is that
    resource (in any of its translations) or a news item related to it.
    """
    translations = list(resource.get_translations(inclusive=True).values_list("pk", flat=True))
    issues = NewsletterIssuePage.objects.filter(
        Q(references__resource__in=translations)
        | Q(references__news__related_resources__in=translations),
        locale_id=resource.locale_id,
    ).distinct()
    return list(issues_visible_to(issues, user).order_by("-number"))


def issue_mentions(resource, user) -> list[ListedItem]:
    """`issues_mentioning` as cards, for the library's "Mentioned in" list."""
    return [
        ListedItem(
            title=f"G-NEWS {issue.number} – {issue.title}",
            url=issue.url,
            kind="G-NEWS",
            date=issue.issue_date,
        )
        for issue in issues_mentioning(resource, user)
    ]


def reused_news(issue: NewsletterIssuePage) -> list[tuple[NewsItem, list[int]]]:
    """News items of `issue` that another issue (not a translation of it) already holds."""
    news_ids, _resources = referenced_ids(issue.body.raw_data)
    if not news_ids:
        return []
    elsewhere = (
        IssueReference.objects.filter(news_id__in=news_ids)
        .exclude(issue__translation_key=issue.translation_key)
        .select_related("news", "issue")
    )
    numbers = defaultdict(set)
    items = {}
    for reference in elsewhere:
        numbers[reference.news_id].add(reference.issue.number)
        items[reference.news_id] = reference.news
    return [(items[pk], sorted(numbers[pk])) for pk in sorted(items)]


# Subscriptions -----------------------------------------------------------


class SubscriptionOutcome(enum.Enum):
    CONFIRMATION_SENT = "confirmation_sent"
    ALREADY_SUBSCRIBED = "already_subscribed"


def request_subscription(email: str, language: str) -> SubscriptionOutcome:
    """First step of the double opt-in: record the address and send the confirmation link.

    Asking again for an address that waits for confirmation sends a fresh
    link (and takes the new language); an active address is left alone.
    """
    email = email.strip()
    subscriber = Subscriber.objects.with_email(email).first()
    if subscriber is not None and subscriber.is_active:
        return SubscriptionOutcome.ALREADY_SUBSCRIBED
    if subscriber is None:
        subscriber = Subscriber(email=email.lower())
    subscriber.language = language
    subscriber.status = SubscriberStatus.PENDING
    subscriber.save()
    _send_confirmation(subscriber)
    return SubscriptionOutcome.CONFIRMATION_SENT


def _send_confirmation(subscriber: Subscriber) -> None:
    from .tasks import send_subscription_confirmation

    transaction.on_commit(lambda: send_subscription_confirmation.enqueue(subscriber.pk))


def confirm_subscription(subscriber: Subscriber) -> Subscriber:
    if subscriber.status in (SubscriberStatus.PENDING, SubscriberStatus.UNSUBSCRIBED):
        subscriber.status = SubscriberStatus.ACTIVE
        subscriber.confirmed_at = timezone.now()
        subscriber.unsubscribed_at = None
        subscriber.hard_bounces = 0
        subscriber.save()
    return subscriber


def unsubscribe(subscriber: Subscriber) -> Subscriber:
    """Stop sending to `subscriber` (idempotent); a member's profile opt-in follows."""
    if subscriber.status != SubscriberStatus.UNSUBSCRIBED:
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
        subscriber.save(update_fields=["status", "unsubscribed_at"])
    if subscriber.user_id:
        # update() rather than save(): the profile signal must not fire back.
        type(subscriber.user).objects.filter(pk=subscriber.user_id).update(newsletter_opt_in=False)
    return subscriber


def sync_member_subscription(user) -> Subscriber | None:
    """Make a member's subscription match the "receive G-NEWS" box of their profile.

    A member's address was verified at sign-up, which is the opt-in's
    confirmation; an address not (yet) verified goes through double opt-in.
    """
    subscriber = Subscriber.objects.filter(Q(user=user) | Q(email__iexact=user.email)).first()
    if not user.newsletter_opt_in:
        if subscriber is not None and subscriber.user_id == user.pk and subscriber.is_active:
            unsubscribe(subscriber)
        return subscriber
    if subscriber is not None and subscriber.is_active:
        if subscriber.user_id is None:
            subscriber.user = user
            subscriber.save(update_fields=["user"])
        return subscriber
    subscriber = subscriber or Subscriber(email=user.email.lower())
    subscriber.user = user
    subscriber.language = user.preferred_language
    verified = EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True)
    if verified.exists():
        subscriber.status = SubscriberStatus.PENDING
        subscriber.save()
        return confirm_subscription(subscriber)
    subscriber.status = SubscriberStatus.PENDING
    subscriber.save()
    _send_confirmation(subscriber)
    return subscriber


def subscriber_language(subscriber: Subscriber) -> str:
    """The language of the pages and emails about a subscription (French for "both")."""
    return subscriber.language if subscriber.language in ("fr", "en") else settings.LANGUAGE_CODE


def confirmation_url(subscriber: Subscriber) -> str:
    with translation.override(subscriber_language(subscriber)):
        path = reverse("newsletter:subscription_confirm", args=[make_token(subscriber.pk, CONFIRM)])
    return absolute_url(path)


def unsubscribe_url(subscriber_id: int) -> str:
    """The one-click unsubscribe link printed in every issue (no language prefix)."""
    return absolute_url(
        reverse("newsletter_unsubscribe", args=[make_token(subscriber_id, UNSUBSCRIBE)])
    )
