"""Events: the calendar page (EventIndexPage), one EventPage per event, and registrations."""

import zoneinfo
from datetime import date, datetime, time, timedelta
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import date as format_date
from django.template.defaultfilters import time as format_time
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from portal.models import Country, Region, Theme

from .blocks import ProgrammeBlock
from .permissions import EventPageQuerySet, RegistrationQuerySet

DESCRIPTION_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


@lru_cache(maxsize=1)
def _time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def validate_time_zone(value: str) -> None:
    if value not in _time_zones():
        raise ValidationError(
            _("Unknown time zone “%(zone)s”: use a name such as Africa/Dakar or Europe/Zurich."),
            code="time_zone",
            params={"zone": value},
        )


class EventType(models.TextChoices):
    TRAINING = "training", _("Training")
    SEMINAR = "seminar", _("Seminar")
    CONFERENCE = "conference", _("Conference")
    WORKSHOP = "workshop", _("Workshop")
    WEBINAR = "webinar", _("E-event / webinar")


class Attendance(models.TextChoices):
    IN_PERSON = "in-person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class EventIndexPage(RoutablePageMixin, Page):
    """The calendar (/<lang>/events/): upcoming and past events with filters, and iCal feeds.

    Its slug is `events` in every locale; feeds are sub-routes so that they
    follow the page's language.
    """

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("events calendar")

    def get_context(self, request, *args, **kwargs):
        from .listing import EventListing

        context = super().get_context(request, *args, **kwargs)
        context.update(EventListing.from_request(request, self).context())
        return context

    @path("calendar/ics/", name="calendar")
    @path("themes/<str:theme_slug>/calendar/ics/", name="theme_calendar")
    def calendar(self, request, theme_slug=None):
        from .ical import calendar_response

        return calendar_response(self, request, theme_slug)


class EventPage(RoutablePageMixin, Page):
    """One training, seminar, conference, workshop or e-event.

    Dates and times are the event's own local ones, in its time zone, as the
    organiser announces them; `starts_at`/`ends_at` turn them into instants
    for calendars. Registration is optional and configured per event.
    """

    event_type = models.CharField(
        _("type"), max_length=20, choices=EventType.choices, db_index=True
    )
    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("Two or three sentences for lists and search.")
    )
    starts_on = models.DateField(_("first day"), db_index=True)
    ends_on = models.DateField(_("last day"), db_index=True)
    start_time = models.TimeField(
        _("starts at"), null=True, blank=True, help_text=_("Local time; empty for whole days.")
    )
    end_time = models.TimeField(_("ends at"), null=True, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text=_("Where the event takes place (or is run from), e.g. Africa/Dakar."),
    )
    attendance = models.CharField(
        _("attendance"), max_length=12, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.ForeignKey(
        Country,
        related_name="event_pages",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        verbose_name=_("country"),
    )
    regions = ParentalManyToManyField(
        Region,
        related_name="event_pages",
        blank=True,
        verbose_name=_("regions"),
        help_text=_("For events that address a whole region."),
    )
    online_url = models.URLField(_("online link"), blank=True)
    online_link_for_participants_only = models.BooleanField(
        _("show the online link to registered participants only"), default=True
    )
    organisers = models.TextField(_("organisers"), blank=True, help_text=_("One per line."))
    partners = models.TextField(_("partners"), blank=True, help_text=_("One per line."))
    audience = models.TextField(_("audience"), blank=True)
    languages = ParentalManyToManyField(
        "library.Language", related_name="event_pages", blank=True, verbose_name=_("languages")
    )
    is_free = models.BooleanField(_("free of charge"), default=True)
    fees = models.CharField(
        _("fees"), max_length=200, blank=True, help_text=_("e.g. “450,000 FCFA per module”.")
    )
    description = RichTextField(_("description"), features=DESCRIPTION_FEATURES, blank=True)
    objectives = models.TextField(_("objectives"), blank=True, help_text=_("One per line."))
    programme = StreamField(ProgrammeBlock(), blank=True, verbose_name=_("programme"))
    themes = ParentalManyToManyField(
        Theme, related_name="event_pages", blank=True, verbose_name=_("themes")
    )
    contributor_line = models.CharField(
        _("contributor line"),
        max_length=300,
        blank=True,
        help_text=_("Kept from the member's news item when the event came from one."),
    )
    source_news = models.ForeignKey(
        "newsletter.NewsItem",
        related_name="event_pages",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        verbose_name=_("created from the news item"),
    )

    registration_enabled = models.BooleanField(_("members register on the portal"), default=False)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Empty for no limit.")
    )
    registration_deadline = models.DateField(
        _("last day to register"),
        null=True,
        blank=True,
        help_text=_(
            "Registration closes at the end of this day, event time; empty: when it starts."
        ),
    )

    objects = PageManager.from_queryset(EventPageQuerySet)()

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("city"),
        index.FilterField("starts_on"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("event_type"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("time_zone"),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("attendance"),
                FieldRowPanel([FieldPanel("venue"), FieldPanel("city")]),
                FieldPanel("country"),
                FieldPanel("regions"),
                FieldPanel("online_url"),
                FieldPanel("online_link_for_participants_only"),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("organisers"),
                FieldPanel("partners"),
                FieldPanel("audience"),
                FieldPanel("languages"),
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("fees")]),
                FieldPanel("contributor_line"),
            ],
            heading=_("Organisation"),
        ),
        FieldPanel("description"),
        FieldPanel("objectives"),
        FieldPanel("themes"),
        InlinePanel("documents", heading=_("Documents"), label=_("Document")),
    ]
    programme_panels = [FieldPanel("programme")]
    registration_panels = [
        FieldPanel("registration_enabled"),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Event")),
            ObjectList(programme_panels, heading=_("Programme")),
            ObjectList(registration_panels, heading=_("Registration")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def get_admin_display_title(self):
        """Dates beside the title, so that editors pick the events of a period in choosers."""
        title = super().get_admin_display_title()
        if not self.starts_on:
            return title
        if self.ends_on and self.ends_on != self.starts_on:
            return f"{title} ({self.starts_on:%Y-%m-%d} → {self.ends_on:%Y-%m-%d})"
        return f"{title} ({self.starts_on:%Y-%m-%d})"

    # Validation

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = ValidationError(
                _("The event cannot end before it starts: check the first and last days."),
                code="event_order",
            )
        elif (
            self.starts_on
            and self.starts_on == self.ends_on
            and self.start_time
            and self.end_time
            and self.end_time <= self.start_time
        ):
            errors["end_time"] = ValidationError(
                _("On a one-day event the end time must come after the start time."),
                code="time_order",
            )
        if self.end_time and not self.start_time:
            errors["start_time"] = ValidationError(
                _("Give the start time too, or leave both times empty."), code="time_missing"
            )
        if (
            self.registration_deadline
            and self.ends_on
            and self.registration_deadline > self.ends_on
        ):
            errors["registration_deadline"] = ValidationError(
                _("Registration cannot close after the event has ended."), code="deadline"
            )
        if "ends_on" not in errors:
            programme_error = self._programme_dates_error()
            if programme_error is not None:
                errors["programme"] = programme_error
        if errors:
            raise ValidationError(errors)

    def _programme_dates_error(self) -> StreamBlockValidationError | None:
        """Each module's days must fall within the event's days."""
        if not (self.starts_on and self.ends_on):
            return None
        block_errors = {}
        for position, block in enumerate(self.programme or []):
            if block.block_type != "module":
                continue
            field_errors = {}
            for name in ("start_date", "end_date"):
                day = block.value.get(name)
                if day and not (self.starts_on <= day <= self.ends_on):
                    field_errors[name] = ValidationError(
                        _(
                            "“%(module)s” falls outside the event (%(start)s – %(end)s): "
                            "%(day)s is not one of its days."
                        ),
                        code="module_outside_event",
                        params={
                            "module": block.value.get("title", ""),
                            "start": self.starts_on.isoformat(),
                            "end": self.ends_on.isoformat(),
                            "day": day.isoformat(),
                        },
                    )
            if field_errors:
                block_errors[position] = StructBlockValidationError(block_errors=field_errors)
        if not block_errors:
            return None
        return StreamBlockValidationError(block_errors=block_errors)

    # Time

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone or "UTC")
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo("UTC")

    @property
    def is_all_day(self) -> bool:
        return self.start_time is None

    @property
    def starts_at(self) -> datetime:
        """The start as an instant, in the event's zone (midnight for whole-day events)."""
        return datetime.combine(self.starts_on, self.start_time or time.min, tzinfo=self.zone)

    @property
    def ends_at(self) -> datetime:
        """The end as an instant, in the event's zone (midnight after the last day when no time)."""
        if self.end_time:
            return datetime.combine(self.ends_on, self.end_time, tzinfo=self.zone)
        return datetime.combine(self.ends_on + timedelta(days=1), time.min, tzinfo=self.zone)

    @property
    def utc_offset_label(self) -> str:
        """UTC±hh:mm at the start of the event, e.g. "UTC+01:00" for Rabat."""
        offset = self.starts_at.utcoffset()
        minutes = int(offset.total_seconds() // 60) if offset else 0
        sign = "+" if minutes >= 0 else "-"
        hours, rest = divmod(abs(minutes), 60)
        return f"UTC{sign}{hours:02d}:{rest:02d}"

    def is_past(self, today: date | None = None) -> bool:
        return self.ends_on < (today or timezone.localdate())

    # Registration

    def registration_event(self) -> "EventPage":
        """The version of this event that holds the registrations of every language.

        The French and English pages of an event (and the aliases Wagtail keeps
        in the other language's tree) share one list of participants and one
        capacity: the first version created holds them, with its settings.
        """
        if self.pk is None:
            return self
        first = (
            EventPage.objects.filter(translation_key=self.translation_key, alias_of__isnull=True)
            .order_by("pk")
            .first()
        )
        return first or self

    @property
    def registration_closes_at(self) -> datetime:
        if self.registration_deadline:
            return datetime.combine(self.registration_deadline, time.max, tzinfo=self.zone)
        return self.starts_at

    def registration_is_open(self, now: datetime | None = None) -> bool:
        return self.registration_enabled and (now or timezone.now()) <= self.registration_closes_at

    # Lists of text, one item per line

    @staticmethod
    def _lines(text: str) -> list[str]:
        return [line.strip() for line in (text or "").splitlines() if line.strip()]

    @property
    def organiser_list(self) -> list[str]:
        return self._lines(self.organisers)

    @property
    def partner_list(self) -> list[str]:
        return self._lines(self.partners)

    @property
    def objective_list(self) -> list[str]:
        return self._lines(self.objectives)

    @property
    def place_line(self) -> str:
        country = self.country.name if self.country_id else ""
        return ", ".join(part for part in (self.venue, self.city, country) if part)

    def date_line(self) -> str:
        """The event's days, and its hours with their time zone when it has some.

        e.g. "12 March 2026, 14:00–15:30 (Africa/Dakar, UTC+00:00)".
        """
        line = format_date(self.starts_on, "j F Y")
        if self.ends_on and self.ends_on != self.starts_on:
            line = f"{line} – {format_date(self.ends_on, 'j F Y')}"
        if self.start_time:
            hours = format_time(self.start_time, "H:i")
            if self.end_time:
                hours = f"{hours}–{format_time(self.end_time, 'H:i')}"
            line = f"{line}, {hours} ({self.time_zone}, {self.utc_offset_label})"
        return line

    def newsletter_meta(self) -> str:
        """The dates and place line of the event as a G-NEWS item."""
        place = self.place_line or (
            str(self.get_attendance_display()) if self.attendance == Attendance.ONLINE else ""
        )
        return ", ".join(part for part in (place, self.date_line()) if part)

    # Routes: the page itself, .ics, registration and participants

    def get_context(self, request, *args, **kwargs):
        from .views import event_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(request, self))
        return context

    @path("ics/", name="ics")
    def ics(self, request):
        from .ical import event_response

        return event_response(self, request)

    @path("register/", name="register")
    def register(self, request):
        from .views import register

        return register(request, self)

    @path("cancel/", name="cancel")
    def cancel(self, request):
        from .views import cancel_own

        return cancel_own(request, self)

    # The token travels in the query string: Wagtail's page URLs refuse its ":" separators.
    @path("cancel/link/", name="cancel_with_token")
    def cancel_with_token(self, request):
        from .views import cancel_with_token

        return cancel_with_token(request, self, request.GET.get("token", ""))

    @path("participants/csv/", name="participants")
    def participants(self, request):
        from .views import participants_csv

        return participants_csv(request, self)


class EventDocument(Orderable):
    """A document of the event (programme, report, presentation), kept in the library."""

    event = ParentalKey(EventPage, related_name="documents", on_delete=models.CASCADE)
    resource = models.ForeignKey(
        "library.ResourcePage",
        related_name="event_documents",
        on_delete=models.CASCADE,
        verbose_name=_("library resource"),
    )
    label = models.CharField(
        _("label"),
        max_length=120,
        blank=True,
        help_text=_("e.g. “Programme”, “Final report”; empty: the resource's title."),
    )

    panels = [FieldPanel("resource"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("event document")
        verbose_name_plural = _("event documents")

    def __str__(self):
        return self.label or str(self.resource_id)


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class Registration(models.Model):
    """A member's place at an event (or on its waiting list).

    One row per member and event: cancelling keeps the row (for the
    organisers' records) and registering again reopens it.
    """

    event = models.ForeignKey(
        EventPage, related_name="registrations", on_delete=models.CASCADE, verbose_name=_("event")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="event_registrations",
        on_delete=models.CASCADE,
        verbose_name=_("member"),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=RegistrationStatus.choices, db_index=True
    )
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        permissions = [("export_registrations", _("Can export the participants of events"))]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="one_registration_per_member")
        ]

    def __str__(self):
        return f"{self.user} → {self.event_id} ({self.status})"

    @property
    def is_confirmed(self) -> bool:
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def is_waiting(self) -> bool:
        return self.status == RegistrationStatus.WAITING

    @property
    def is_active(self) -> bool:
        return self.status != RegistrationStatus.CANCELLED
