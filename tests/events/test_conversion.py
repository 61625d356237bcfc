"""Editors turn a member's event proposal (a user news item) into a draft event in one click."""

import datetime

import pytest
from django.urls import reverse

from events.models import EventPage
from events.services import convert_news_to_event
from portal.models import Country, Theme
from tests.newsletter.factories import NewsCategoryFactory, NewsItemFactory
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(db):
    return NewsItemFactory(
        title="Formation des gérants de mutuelles à Kinshasa",
        body="Une formation de **cinq jours** pour les gérants.",
        category=NewsCategoryFactory(slug="trainings"),
        event_start=datetime.date(2026, 5, 4),
        event_end=datetime.date(2026, 5, 8),
        event_place="Kinshasa",
        contributor_line="Contribution de Jean-Pierre Mbala, Programme STEP, Kinshasa, RDC",
        countries=[Country.objects.get(code="CD")],
        themes=[Theme.objects.get(slug_en="health-financing")],
    )


def test_conversion_creates_a_draft_event_keeping_the_contributor_line(calendar, proposal):
    event = convert_news_to_event(proposal)
    event.refresh_from_db()
    assert not event.live
    assert event.get_parent().specific == calendar["fr"]
    assert event.event_type == "training"
    assert (event.starts_on, event.ends_on) == (
        datetime.date(2026, 5, 4),
        datetime.date(2026, 5, 8),
    )
    assert event.city == "Kinshasa" and event.country_id == "CD"
    assert event.contributor_line == (
        "Contribution de Jean-Pierre Mbala, Programme STEP, Kinshasa, RDC"
    )
    assert "<strong>cinq jours</strong>" in event.description
    assert [theme.slug_en for theme in event.themes.all()] == ["health-financing"]
    assert event.source_news == proposal
    assert event.latest_revision is not None


def test_e_event_news_becomes_an_online_webinar(calendar):
    news = NewsItemFactory(category=NewsCategoryFactory(slug="e-events"), language="en")
    event = convert_news_to_event(news)
    assert (event.event_type, event.attendance) == ("webinar", "online")
    assert event.locale.language_code == "en"


def test_converting_twice_returns_the_same_draft(calendar, proposal):
    assert convert_news_to_event(proposal).pk == convert_news_to_event(proposal).pk
    assert EventPage.objects.count() == 1


def test_editor_converts_in_one_click_from_the_proposals_list(client, calendar, proposal, editor):
    NewsItemFactory(title="Quoi de neuf à Thiès", category=NewsCategoryFactory(slug="whats-new"))
    client.force_login(editor)
    listing = client.get(reverse("events_proposals")).content.decode()
    assert "Formation des gérants de mutuelles à Kinshasa" in listing
    assert "Quoi de neuf à Thiès" not in listing
    response = client.post(reverse("events_convert_news", args=[proposal.pk]))
    event = EventPage.objects.get(source_news=proposal)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[event.pk])
    assert not event.live
    edit_page = client.get(response["Location"])
    assert edit_page.status_code == 200
    assert "Contribution de Jean-Pierre Mbala" in edit_page.content.decode()


def test_member_cannot_convert_news(client, calendar, proposal):
    client.force_login(UserFactory())
    response = client.post(reverse("events_convert_news", args=[proposal.pk]))
    assert response.status_code in (302, 403)
    assert not EventPage.objects.exists()


def test_news_of_other_categories_cannot_be_converted(client, calendar, editor):
    news = NewsItemFactory(category=NewsCategoryFactory(slug="whats-new"))
    client.force_login(editor)
    assert client.post(reverse("events_convert_news", args=[news.pk])).status_code == 404
