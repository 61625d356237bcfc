"""The events list and the event page: filters, pagination, programme, online link, CSV."""

import csv
import datetime
import io

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from events.listing import PAGE_SIZE
from events.models import EventDocument
from experts.permissions import Visibility
from library.models import Language
from portal.models import Region, Theme
from tests.experts.factories import ExpertProfileFactory
from tests.library.factories import LibraryIndexPageFactory, ResourcePageFactory
from tests.portal.factories import UserFactory

from .factories import EventPageFactory, RegistrationFactory, module_block

pytestmark = pytest.mark.django_db


def days(n: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=n)


def titles(response) -> list[str]:
    return [event.title for event in response.context["events"]]


@pytest.fixture
def fr_events(calendar):
    index = calendar["fr"]
    financing = Theme.objects.get(slug_en="health-financing")
    return {
        "dakar": EventPageFactory(
            parent=index, title="Atelier régional de Dakar", event_type="workshop",
            starts_on=days(20), ends_on=days(22), country_id="SN", themes=[financing],
            languages=[Language.objects.get(code="fr")],
        ),
        "rabat": EventPageFactory(
            parent=index, title="Conférence de Rabat", event_type="conference",
            starts_on=days(60), ends_on=days(62), country_id="MA", time_zone="Africa/Casablanca",
            city="Rabat", languages=list(Language.objects.filter(code__in=["fr", "en"])),
        ),
        "webinar": EventPageFactory(
            parent=index, title="Webinaire MAS Pilote", event_type="webinar", attendance="online",
            starts_on=days(7), ends_on=days(7), country=None, city="",
            start_time=datetime.time(14, 0), end_time=datetime.time(15, 30),
            languages=[Language.objects.get(code="en")],
        ),
        "seminar": EventPageFactory(
            parent=index, title="Séminaire de 2009", event_type="seminar",
            starts_on=datetime.date(2009, 11, 30), ends_on=datetime.date(2009, 12, 11),
            country_id="FR", city="Paris", time_zone="Europe/Paris", themes=[financing],
        ),
    }  # fmt: skip


def test_list_shows_upcoming_events_soonest_first_by_default(client, fr_events):
    response = client.get("/fr/events/")
    assert response.status_code == 200
    assert titles(response) == [
        "Webinaire MAS Pilote",
        "Atelier régional de Dakar",
        "Conférence de Rabat",
    ]


def test_past_events_are_listed_apart_most_recent_first(client, fr_events):
    assert titles(client.get("/fr/events/?when=past")) == ["Séminaire de 2009"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=workshop&type=conference", ["Atelier régional de Dakar", "Conférence de Rabat"]),
        ("theme=financement-de-la-sante", ["Atelier régional de Dakar"]),
        ("theme=health-financing&when=all", ["Atelier régional de Dakar", "Séminaire de 2009"]),
        ("country=MA", ["Conférence de Rabat"]),
        ("language=en", ["Webinaire MAS Pilote", "Conférence de Rabat"]),
        ("attendance=online", ["Webinaire MAS Pilote"]),
        ("attendance=in-person", ["Atelier régional de Dakar", "Conférence de Rabat"]),
    ],
)
def test_filters_narrow_the_list(client, fr_events, query, expected):
    assert titles(client.get(f"/fr/events/?{query}")) == expected


def test_region_filter_finds_events_by_country_or_by_region(client, fr_events, calendar):
    west_africa = Region.objects.get(slug="west-africa")
    regional = EventPageFactory(
        parent=calendar["fr"], title="Forum régional", country=None, regions=[west_africa]
    )
    found = titles(client.get("/fr/events/?region=west-africa"))
    assert "Atelier régional de Dakar" in found and regional.title in found
    assert "Conférence de Rabat" not in found


def test_date_range_keeps_events_that_overlap_it(client, fr_events):
    start, end = days(21).isoformat(), days(59).isoformat()
    assert titles(client.get(f"/fr/events/?when=all&start={start}&end={end}")) == [
        "Atelier régional de Dakar"
    ]


def test_malformed_parameters_are_ignored_and_a_bad_date_is_reported(client, fr_events):
    response = client.get("/fr/events/?type=party&country=ZZ&start=31-02-2026&when=soon")
    assert response.status_code == 200
    assert len(titles(response)) == 3
    assert 'id="filter-start_error"' in response.content.decode()


def test_end_of_period_before_its_start_is_reported(client, fr_events):
    response = client.get(f"/fr/events/?start={days(30)}&end={days(1)}")
    assert "La fin de la période précède son début." in response.content.decode()


def test_filtered_list_is_a_shareable_link_with_pagination(client, calendar):
    for n in range(PAGE_SIZE + 3):
        EventPageFactory(parent=calendar["fr"], event_type="training", starts_on=days(n + 1))
    EventPageFactory(parent=calendar["fr"], event_type="webinar", starts_on=days(2))
    response = client.get("/fr/events/?type=training")
    assert len(titles(response)) == PAGE_SIZE
    assert response.context["next_url"] == "?type=training&page=2"
    second = client.get("/fr/events/" + response.context["next_url"])
    assert len(titles(second)) == 3
    assert 'rel="prev"' in second.content.decode()


def test_list_costs_the_same_queries_with_few_and_many_events(
    client, calendar, django_assert_max_num_queries
):
    theme = Theme.objects.first()
    EventPageFactory(parent=calendar["fr"], themes=[theme])
    with django_assert_max_num_queries(30) as few:
        client.get("/fr/events/?theme=" + theme.slug)
    for n in range(30):
        EventPageFactory(parent=calendar["fr"], starts_on=days(n + 1), themes=[theme])
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/fr/events/?theme=" + theme.slug)
    assert len(titles(response)) == PAGE_SIZE


def test_unpublished_and_restricted_events_stay_out_of_the_list(client, calendar):
    EventPageFactory(parent=calendar["fr"], title="Brouillon", live=False)
    private = EventPageFactory(parent=calendar["fr"], title="Réunion interne")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    EventPageFactory(parent=calendar["fr"], title="Publique")
    assert titles(client.get("/fr/events/")) == ["Publique"]


def test_each_language_lists_its_own_events(client, calendar, fr_events):
    EventPageFactory(parent=calendar["en"], title="Dakar workshop")
    assert titles(client.get("/en/events/")) == ["Dakar workshop"]


def test_event_page_shows_facts_programme_and_speakers(client, calendar):
    public = ExpertProfileFactory(user=UserFactory(display_name="Kadiatou Traoré"))
    event = EventPageFactory(
        parent=calendar["en"],
        organisers="ILO STEP\nCIDR",
        audience="Managers of mutual health organisations",
        is_free=False,
        fees="300 EUR per module",
        programme=[
            module_block(
                "Module 1: financing strategies", days(30), days(31), duration="2 days",
                objectives=["Know the financing mechanisms"],
                themes=["Free care or contributions?"],
                speakers=[(public.pk, "", "economist"), (None, "Bruno Galland", "CIDR")],
            )
        ],
    )  # fmt: skip
    html = client.get(event.url).content.decode()
    for text in (
        "ILO STEP, CIDR",
        "Managers of mutual health organisations",
        "300 EUR per module",
        "Module 1: financing strategies",
        "Duration: 2 days",
        "Know the financing mechanisms",
        "Free care or contributions?",
        "Bruno Galland</li>".replace("</li>", ", CIDR"),
        f'<a href="{public.get_absolute_url()}">Kadiatou Traoré</a>, economist',
        "Add to my calendar (.ics)",
    ):
        assert text in html, text


def test_speaker_with_a_hidden_profile_gets_no_link_and_lends_no_name(client, calendar):
    hidden = ExpertProfileFactory(
        user=UserFactory(display_name="Siméon Nsabimana"), visibility=Visibility.MEMBERS
    )
    named = ExpertProfileFactory(
        user=UserFactory(display_name="Allan Boutbien"), visibility=Visibility.STAFF
    )
    event = EventPageFactory(
        parent=calendar["en"],
        programme=[
            module_block("Module 3", speakers=[(hidden.pk, "", ""), (named.pk, "A. Boutbien", "")])
        ],
    )
    html = client.get(event.url).content.decode()
    assert "Siméon Nsabimana" not in html
    assert "A. Boutbien" in html and named.get_absolute_url() not in html
    client.force_login(UserFactory())
    html = client.get(event.url).content.decode()
    assert f'<a href="{hidden.get_absolute_url()}">Siméon Nsabimana</a>' in html


def test_online_link_is_for_registered_participants_when_the_organiser_wants(client, calendar):
    event = EventPageFactory(
        parent=calendar["en"],
        attendance="online",
        online_url="https://meet.example.org/mas-pilote",
        online_link_for_participants_only=True,
        registration_enabled=True,
    )
    assert "meet.example.org" not in client.get(event.url).content.decode()
    member = UserFactory()
    client.force_login(member)
    assert "meet.example.org" not in client.get(event.url).content.decode()
    RegistrationFactory(event=event, user=member)
    assert "https://meet.example.org/mas-pilote" in client.get(event.url).content.decode()


def test_online_link_is_public_when_the_organiser_says_so(client, calendar):
    event = EventPageFactory(
        parent=calendar["en"],
        attendance="online",
        online_url="https://meet.example.org/open",
        online_link_for_participants_only=False,
    )
    assert "https://meet.example.org/open" in client.get(event.url).content.decode()


def test_documents_link_to_published_library_resources_only(client, calendar, site_pages):
    library = LibraryIndexPageFactory(parent=site_pages["en"])
    programme = ResourcePageFactory(parent=library, title="Seminar programme")
    draft = ResourcePageFactory(parent=library, title="Unfinished report", live=False)
    event = EventPageFactory(parent=calendar["en"])
    EventDocument.objects.create(event=event, resource=programme, label="Programme")
    EventDocument.objects.create(event=event, resource=draft, label="Report")
    html = client.get(event.url).content.decode()
    assert "Programme</a> — Seminar programme" in html
    assert "Unfinished report" not in html


def test_editor_and_organiser_export_participants_but_members_cannot(client, calendar):
    organiser = UserFactory()
    event = EventPageFactory(parent=calendar["en"], registration_enabled=True, owner=organiser)
    RegistrationFactory(event=event, user=UserFactory(display_name="=HYPERLINK(1)"))
    RegistrationFactory(event=event, status="waiting", user=UserFactory(email="wait@example.org"))
    url = event.url + "participants/csv/"
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    for user in (organiser, UserFactory(role="Editor")):
        client.force_login(user)
        response = client.get(url)
        assert response["Content-Type"].startswith("text/csv")
        rows = response.content.decode("utf-8-sig").splitlines()
        assert rows[0] == "Name,Email,Organisation,Country,Status,Registered at"
        assert len(rows) == 3
        assert rows[1].startswith("'=HYPERLINK(1)")
        assert "wait@example.org" in rows[2] and "On the waiting list" in rows[2]


def participant_rows(client, event) -> list[list[str]]:
    client.force_login(event.owner)
    response = client.get(event.url + "participants/csv/")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_participant_export_protects_the_email_column_from_formulas(client, calendar):
    event = EventPageFactory(parent=calendar["en"], registration_enabled=True, owner=UserFactory())
    RegistrationFactory(event=event, user=UserFactory(email="+cmd@example.org"))
    (_header, row) = participant_rows(client, event)
    assert row[1] == "'+cmd@example.org"


def test_participant_export_protects_a_name_starting_with_a_tab(client, calendar):
    event = EventPageFactory(parent=calendar["en"], registration_enabled=True, owner=UserFactory())
    RegistrationFactory(event=event, user=UserFactory(display_name="\t=1+1", organisation="\r@x"))
    (_header, row) = participant_rows(client, event)
    assert row[0] == "'\t=1+1"
    assert row[2] == "'\r@x"


def test_event_page_costs_the_same_queries_with_few_and_many_speakers(
    client, calendar, django_assert_max_num_queries
):
    def programme(modules: int) -> list[dict]:
        return [
            module_block(
                f"Module {n}",
                speakers=[(ExpertProfileFactory().pk, "", ""), (None, "Bruno Galland", "CIDR")],
            )
            for n in range(modules)
        ]

    small = EventPageFactory(parent=calendar["en"], programme=programme(1))
    with django_assert_max_num_queries(40) as few:
        client.get(small.url)
    large = EventPageFactory(parent=calendar["en"], programme=programme(6))
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get(large.url).content.decode()
    assert html.count("Bruno Galland") == 6


def test_event_page_lists_the_event_languages_and_themes(client, calendar):
    financing = Theme.objects.get(slug_en="health-financing")
    event = EventPageFactory(
        parent=calendar["en"],
        languages=[Language.objects.get(code="fr")],
        themes=[financing],
    )
    html = client.get(event.url).content.decode()
    facts = html[html.index('class="event-facts"') : html.index("</dl>")]
    assert "<dt>Languages</dt><dd>French</dd>" in facts
    assert "<li>Health financing</li>" in html
