"""Events in the portal's search: live, unrestricted event pages, found by anyone.

The document holds the summary, description, place, organisers and the
programme (modules, themes and the speakers anyone may see), dated by the
event's first day so that the search's date facet places it in time.
"""

from dataclasses import replace
from datetime import UTC, datetime

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from portal.sanitizer import plain_text
from search import registry
from search.pages import PageSource

from .models import EventPage
from .programme import build_programme


class EventSource(PageSource):
    key = "events"
    label = _("Event")
    model = EventPage

    def queryset(self):
        return (
            EventPage.objects.visible_to(None)
            .select_related("locale", "country")
            .prefetch_related("themes", "regions")
            .order_by("pk")
        )

    def date(self, page) -> datetime:
        day = page.starts_on
        return datetime(day.year, day.month, day.day, tzinfo=UTC)

    def body(self, page) -> str:
        parts = [
            page.get_event_type_display(),
            page.summary,
            plain_text(page.description),
            page.place_line,
            page.organisers,
            page.partners,
            page.audience,
            page.objectives,
            page.contributor_line,
        ]
        for module in build_programme(page, AnonymousUser()):
            parts.extend([module.title, *module.objectives, *module.themes])
            parts.extend(speaker.name for speaker in module.speakers)
        return "\n".join(str(part) for part in parts if part)

    def to_document(self, page):
        """The event's country is a plain foreign key: the country facet gets it here."""
        document = super().to_document(page)
        if document is None or not page.country_id:
            return document
        return replace(document, countries=(page.country_id,))


registry.register(EventSource())
