"""Events in the rest of the portal: home and theme pages, search, G-NEWS, personal data."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from events import providers
from events.models import Registration
from newsletter.models import IssueReference
from newsletter.rendering import build_issue_document
from portal.models import Theme, ThemePage
from portal.personal_data import export_personal_data
from search import services as search_services
from tests.newsletter.factories import (
    NewsletterIndexPageFactory,
    NewsletterIssuePageFactory,
    section_block,
)
from tests.portal.factories import UserFactory

from .factories import EventPageFactory, RegistrationFactory, module_block

pytestmark = pytest.mark.django_db


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


# Home and theme pages


def test_provider_lists_upcoming_visible_events_of_the_reader_language_soonest_first(calendar):
    EventPageFactory(parent=calendar["fr"], title="Dans deux mois", starts_on=days(60))
    EventPageFactory(parent=calendar["fr"], title="La semaine prochaine", starts_on=days(7))
    EventPageFactory(parent=calendar["fr"], title="Passé", starts_on=days(-30), ends_on=days(-28))
    EventPageFactory(parent=calendar["fr"], title="Brouillon", live=False)
    private = EventPageFactory(parent=calendar["fr"], title="Réservé")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    EventPageFactory(parent=calendar["en"], title="In English")
    with translation.override("fr"):
        items = providers.upcoming_events(AnonymousUser(), 5)
    assert [item.title for item in items] == ["La semaine prochaine", "Dans deux mois"]
    assert items[0].kind == "Formation · Dakar"


def test_event_that_started_but_has_not_ended_is_still_upcoming(calendar):
    EventPageFactory(parent=calendar["fr"], title="En cours", starts_on=days(-1), ends_on=days(1))
    with translation.override("fr"):
        assert [item.title for item in providers.upcoming_events(AnonymousUser(), 5)] == [
            "En cours"
        ]


def test_theme_page_lists_upcoming_events_of_its_theme(client, calendar, site_pages):
    financing = Theme.objects.get(slug_en="health-financing")
    EventPageFactory(parent=calendar["fr"], title="Financer les mutuelles", themes=[financing])
    EventPageFactory(parent=calendar["fr"], title="Hors sujet")
    page = ThemePage.objects.get(theme=financing, locale__language_code="fr")
    html = client.get(page.url).content.decode()
    assert "Financer les mutuelles" in html
    assert "Hors sujet" not in html


def test_home_page_block_shows_upcoming_events(client, calendar, site_pages):
    EventPageFactory(parent=calendar["fr"], title="Atelier régional de Dakar")
    home = site_pages["fr"]
    home.body = [("latest", {"heading": "Prochains événements", "source": "events", "count": 3})]
    home.save_revision().publish()
    html = client.get("/fr/").content.decode()
    assert "Prochains événements" in html and "Atelier régional de Dakar" in html


def test_provider_costs_the_same_queries_for_few_and_many_events(
    calendar, django_assert_max_num_queries
):
    EventPageFactory(parent=calendar["fr"])
    with translation.override("fr"):
        with django_assert_max_num_queries(8) as few:
            providers.upcoming_events(AnonymousUser(), 10)
        EventPageFactory.create_batch(8, parent=calendar["fr"])
        with django_assert_max_num_queries(len(few.captured_queries)):
            assert len(providers.upcoming_events(AnonymousUser(), 10)) == 9


# Search


@pytest.fixture
def database_search(settings):
    settings.SEARCH_BACKEND = "database"


def found(text):
    outcome = search_services.search(text, AnonymousUser(), {"type": ["events"]})
    return [item.hit.title for item in outcome.items]


def test_published_event_is_found_by_its_programme_and_speakers(calendar, database_search):
    event = EventPageFactory(
        parent=calendar["fr"],
        title="Séminaire sur la viabilité",
        live=False,
        programme=[
            module_block(
                "Outils de la viabilité",
                themes=["Réassurance et cofinancement"],
                speakers=[(None, "Siméon Nsabimana", "CIDR")],
            )
        ],
    )
    assert found("réassurance") == []
    event.save_revision().publish()
    assert found("réassurance") == ["Séminaire sur la viabilité"]
    assert found("Nsabimana") == ["Séminaire sur la viabilité"]


def test_unpublished_event_leaves_the_search(calendar, database_search):
    event = EventPageFactory(parent=calendar["fr"], title="Conférence de Rabat", live=False)
    event.save_revision().publish()
    assert found("Rabat") == ["Conférence de Rabat"]
    event.refresh_from_db()
    event.unpublish()
    assert found("Rabat") == []


# G-NEWS builder


def test_newsletter_issue_picks_an_event_with_its_dates_place_and_contributor(calendar, site_pages):
    event = EventPageFactory(
        parent=calendar["fr"],
        title="Atelier régional de Dakar",
        summary="Trois jours sur les conventions avec les prestataires.",
        starts_on=datetime.date(2026, 3, 10),
        ends_on=datetime.date(2026, 3, 12),
        venue="Hôtel Ngor",
        contributor_line="Contribution de Fatou Ndiaye, La Concertation",
    )
    gnews = NewsletterIndexPageFactory(parent=site_pages["fr"])
    issue = NewsletterIssuePageFactory(
        parent=gnews,
        body=[
            section_block(
                "Formations",
                [{"type": "event", "value": {"event": event.pk, "summary": "", "more_info": [],
                                             "contributor": ""}}],
            )
        ],
    )  # fmt: skip
    (section,) = build_issue_document(issue).sections
    (item,) = section.items
    assert item.kind == "event"
    assert item.title == "Atelier régional de Dakar"
    assert item.text == "Trois jours sur les conventions avec les prestataires."
    assert item.meta == "Hôtel Ngor, Dakar, Sénégal, 10 mars 2026 – 12 mars 2026"
    assert item.contributor == "Contribution de Fatou Ndiaye, La Concertation"
    assert item.url.endswith(event.url)
    assert IssueReference.objects.filter(issue=issue, resource_id=event.pk).exists()


def test_newsletter_leaves_out_an_event_unpublished_since(calendar, site_pages):
    event = EventPageFactory(parent=calendar["fr"])
    gnews = NewsletterIndexPageFactory(parent=site_pages["fr"])
    block = {"type": "event", "value": {"event": event.pk, "more_info": [], "contributor": ""}}
    issue = NewsletterIssuePageFactory(parent=gnews, body=[section_block("Formations", [block])])
    event.unpublish()
    assert build_issue_document(issue).sections[0].items == []


def test_event_chooser_shows_dates_so_editors_pick_events_of_the_period(calendar):
    event = EventPageFactory(
        parent=calendar["fr"],
        title="Atelier",
        starts_on=datetime.date(2026, 3, 10),
        ends_on=datetime.date(2026, 3, 12),
    )
    assert event.get_admin_display_title() == "Atelier (2026-03-10 → 2026-03-12)"


# Personal data


def test_member_data_export_lists_their_registrations(calendar):
    member = UserFactory()
    RegistrationFactory(event=EventPageFactory(parent=calendar["fr"], title="Atelier"), user=member)
    RegistrationFactory(event=EventPageFactory(parent=calendar["fr"]))
    exported = export_personal_data(member)["events"]["registrations"]
    assert [(entry["event"], entry["status"]) for entry in exported] == [("Atelier", "confirmed")]


def test_deleting_a_member_deletes_their_registrations(calendar):
    registration = RegistrationFactory(event=EventPageFactory(parent=calendar["fr"]))
    registration.user.delete()
    assert not Registration.objects.exists()
