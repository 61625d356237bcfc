"""Factories for the events calendar, event pages and registrations."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone

from events.models import EventIndexPage, EventPage, Registration
from tests.portal.factories import UserFactory


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Événements"
    slug = "events"


def _in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


class EventPageFactory(wagtail_factories.PageFactory):
    """A published three-day training, a month from now, in Dakar, without registration."""

    class Meta:
        model = EventPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Formation à la gestion des mutuelles {n}")
    event_type = "training"
    summary = "Trois jours pour maîtriser la gestion technique d'une mutuelle de santé."
    starts_on = factory.LazyFunction(lambda: _in_days(30))
    ends_on = factory.LazyAttribute(lambda event: event.starts_on + datetime.timedelta(days=2))
    time_zone = "Africa/Dakar"
    city = "Dakar"
    country_id = "SN"
    attendance = "in-person"

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)
            self.save()  # parental many-to-many relations are written on save

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if extracted:
            self.languages.set(extracted)
            self.save()  # parental many-to-many relations are written on save

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if extracted:
            self.regions.set(extracted)
            self.save()  # parental many-to-many relations are written on save


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventPageFactory)
    user = factory.SubFactory(UserFactory)
    status = "confirmed"


def module_block(title, start=None, end=None, speakers=(), objectives=(), themes=(), duration=""):
    """A programme module as raw StreamField data; speakers are (expert_pk, name, affiliation)."""
    return {
        "type": "module",
        "value": {
            "title": title,
            "start_date": start.isoformat() if start else None,
            "end_date": end.isoformat() if end else None,
            "duration": duration,
            "objectives": list(objectives),
            "themes": list(themes),
            "speakers": [
                {"expert": expert, "name": name, "affiliation": affiliation}
                for expert, name, affiliation in speakers
            ],
        },
    }
