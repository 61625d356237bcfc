"""Multi-step operations of the events app, shared by views, the admin and the demo.

Registration rules live here: one place per member and event, confirmed
while places remain and the deadline has not passed, the waiting list
beyond capacity, and the oldest waiting member promoted when a confirmed
participant cancels.
"""

import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from portal.sanitizer import plain_text, render_markdown

from .models import Attendance, EventIndexPage, EventPage, EventType, Registration
from .models import RegistrationStatus as Status
from .tokens import make_cancel_token


class RegistrationError(Exception):
    """Why a member cannot register; the message is shown to them."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


CLOSED = "closed"
NOT_OPEN = "not_open"
ALREADY = "already"


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def cancel_url(registration: Registration) -> str:
    event = registration.event
    query = urlencode({"token": make_cancel_token(registration.pk)})
    return absolute_url(event.url + event.reverse_subpage("cancel_with_token") + "?" + query)


def register(event: EventPage, user, now: datetime.datetime | None = None) -> Registration:
    """Give `user` a place at `event`, or a place on its waiting list when it is full.

    Raises RegistrationError when registration is not offered or has closed,
    and ALREADY when the member already holds a place or a waiting-list spot.
    """
    if not event.registration_enabled:
        raise RegistrationError(NOT_OPEN)
    if not event.registration_is_open(now):
        raise RegistrationError(CLOSED)
    with transaction.atomic():
        # Lock the event row so that two members cannot take the last place together.
        EventPage.objects.select_for_update().filter(pk=event.pk).first()
        existing = Registration.objects.filter(event=event, user=user).first()
        if existing is not None and existing.is_active:
            raise RegistrationError(ALREADY)
        status = Status.WAITING if _is_full(event) else Status.CONFIRMED
        if existing is None:
            registration = Registration.objects.create(event=event, user=user, status=status)
        else:
            registration = existing
            registration.status = status
            registration.created_at = timezone.now()
            registration.cancelled_at = None
            registration.save()
        _email_after_commit(registration.pk)
    return registration


def _is_full(event: EventPage) -> bool:
    if event.capacity is None:
        return False
    confirmed = Registration.objects.filter(event=event, status=Status.CONFIRMED).count()
    return confirmed >= event.capacity


def cancel(registration: Registration) -> Registration | None:
    """Cancel a registration; return the waiting member promoted to the freed place, if any."""
    with transaction.atomic():
        EventPage.objects.select_for_update().filter(pk=registration.event_id).first()
        registration.refresh_from_db()
        if not registration.is_active:
            return None
        freed_place = registration.is_confirmed
        registration.status = Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at", "updated_at"])
        promoted = None
        if freed_place:
            promoted = promote_from_waiting_list(registration.event)
    return promoted


def promote_from_waiting_list(event: EventPage) -> Registration | None:
    """Confirm the member who has waited longest, if a place is free."""
    if _is_full(event):
        return None
    waiting = (
        Registration.objects.filter(event=event, status=Status.WAITING)
        .order_by("created_at", "pk")
        .first()
    )
    if waiting is None:
        return None
    waiting.status = Status.CONFIRMED
    waiting.save(update_fields=["status", "updated_at"])
    _email_after_commit(waiting.pk, promoted=True)
    return waiting


def _email_after_commit(registration_id: int, promoted: bool = False) -> None:
    from .tasks import send_registration_email

    transaction.on_commit(lambda: send_registration_email.enqueue(registration_id, promoted))


# News → event

NEWS_CATEGORY_TYPES = {
    "trainings": EventType.TRAINING,
    "conferences": EventType.CONFERENCE,
    "e-events": EventType.WEBINAR,
}


class ConversionError(Exception):
    pass


def convertible_news():
    """User news that propose an event: the Trainings, Conferences and e-Events categories."""
    from newsletter.models import NewsItem

    return (
        NewsItem.objects.filter(category__slug__in=NEWS_CATEGORY_TYPES)
        .exclude(status="rejected")
        .select_related("category", "author")
    )


def event_index_for(language: str) -> EventIndexPage | None:
    locale = Locale.objects.filter(language_code=language).first()
    return EventIndexPage.objects.filter(locale=locale).first() if locale else None


def convert_news_to_event(news, user=None) -> EventPage:
    """Create a draft event from a member's news item, keeping its contributor line.

    The draft lands in the calendar of the news item's language; editors
    complete it (times, programme, registration) and publish it.
    """
    index = event_index_for(news.language) or EventIndexPage.objects.first()
    if index is None:
        raise ConversionError("There is no events calendar to put the event in.")
    existing = EventPage.objects.filter(source_news=news).first()
    if existing is not None:
        return existing
    start = news.event_start or timezone.localdate()
    event = EventPage(
        title=news.title,
        event_type=NEWS_CATEGORY_TYPES.get(news.category.slug, EventType.TRAINING),
        summary=_summary(news),
        description=str(render_markdown(news.body)),
        starts_on=start,
        ends_on=news.event_end or start,
        city=news.event_place,
        country=news.countries.first(),
        attendance=(
            Attendance.ONLINE if news.category.slug == "e-events" else Attendance.IN_PERSON
        ),
        contributor_line=news.contributor_line,
        source_news=news,
        live=False,
        owner=user,
        locale=index.locale,
    )
    index.add_child(instance=event)
    event.themes.set(news.themes.all())
    event.save_revision(user=user, log_action=True)
    return event


def _summary(news) -> str:
    text = plain_text(news.body)
    return text if len(text) <= 600 else text[:597].rsplit(" ", 1)[0] + "…"
