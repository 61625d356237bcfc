"""Benchmark the events calendar: ~500 events, SQL queries and latency of the list and feeds.

    .venv/bin/python bench/events_list.py [--events 500] [--repeat 20]

Uses its own database (BENCH_DATABASE_URL, default a SQLite file in
var/bench/), loads the portal's and the events app's demo content, adds
generated events (past and upcoming, every type, several countries, themes
and languages), then requests the list with several filter combinations,
the iCalendar feed and one event page as an anonymous visitor, in-process
with Django's test client. Prints the SQL queries each page costs (it must
not grow with the number of events) and the median and p95 time per page.
Never run in CI: it measures, it does not assert.
"""

import argparse
import datetime
import io
import random
import statistics
import time

from bench_setup import setup_django

DATABASE_FILE = "events-bench.sqlite3"
LIST_URLS = [
    "/fr/events/",
    "/fr/events/?when=past",
    "/fr/events/?when=all&page=5",
    "/fr/events/?type=training&type=workshop&country=SN",
    "/fr/events/?theme=financement-de-la-sante&language=fr&attendance=online",
    "/fr/events/?region=west-africa&when=all&start=2025-01-01&end=2027-12-31",
    "/en/events/",
]
FEED_URLS = ["/fr/events/calendar/ics/", "/fr/events/themes/gouvernance/calendar/ics/"]
COUNTRIES = ["SN", "ML", "BF", "BJ", "CI", "CD", "CM", "MA", "RW", "IN", "BD", "UY"]
ZONES = {"SN": "Africa/Dakar", "MA": "Africa/Casablanca", "IN": "Asia/Kolkata"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=20, help="requests per URL")
    options = parser.parse_args()

    setup_django(DATABASE_FILE, SEARCH_BACKEND="database")
    prepare_database(options.events)
    from events.models import EventPage

    event_url = EventPage.objects.live().filter(locale__language_code="fr").first().url
    print(f"{EventPage.objects.live().count()} live events")
    for kind, urls in (("list", LIST_URLS), ("feed", FEED_URLS), ("event", [event_url])):
        for url in urls:
            measure(kind, url, options.repeat)


def prepare_database(wanted: int) -> None:
    from django.core.management import call_command

    from events import demo as events_demo
    from events.models import EventPage
    from portal import demo as portal_demo

    call_command("migrate", verbosity=0, interactive=False)
    out = io.StringIO()
    portal_demo.load(out)
    events_demo.load(out)
    existing = EventPage.objects.count()
    if existing >= wanted:
        print(f"{existing} events already in the bench database")
        return
    started = time.monotonic()
    create_events(wanted - existing)
    print(f"created {wanted - existing} events in {time.monotonic() - started:.1f} s")


def create_events(count: int) -> None:
    """Real Wagtail pages (add_child), published without revisions: a few seconds per hundred."""
    from django.db import transaction
    from django.utils import timezone

    from events.models import EventIndexPage, EventPage, EventType
    from library.models import Language
    from portal.models import Region, Theme

    rng = random.Random(42)  # noqa: S311 - reproducible fake data
    themes = list(Theme.objects.all())
    languages = list(Language.objects.all())
    regions = list(Region.objects.all())
    indexes = list(EventIndexPage.objects.order_by("locale__language_code"))
    today = timezone.localdate()
    with transaction.atomic():
        for number in range(count):
            index = indexes[0] if number % 5 else indexes[-1]  # four in five in French
            country = rng.choice(COUNTRIES)
            start = today + datetime.timedelta(days=rng.randint(-900, 400))
            event = EventPage(
                title=f"Événement de test {number} : mutuelles et financement",
                slug=f"bench-event-{number}",
                locale_id=index.locale_id,
                event_type=rng.choice(EventType.values),
                summary="Un résumé de test pour mesurer le calendrier.",
                starts_on=start,
                ends_on=start + datetime.timedelta(days=rng.randint(0, 4)),
                start_time=datetime.time(9, 0) if number % 3 else None,
                time_zone=ZONES.get(country, "UTC"),
                attendance=rng.choice(["in-person", "online", "hybrid"]),
                city="Ville",
                country_id=country,
                live=True,
                first_published_at=timezone.now(),
            )
            index.add_child(instance=event)
            event.themes.set(rng.sample(themes, 2))
            event.languages.set(rng.sample(languages, 1))
            if number % 7 == 0:
                event.regions.set(rng.sample(regions, 1))
            event.save()


def measure(kind: str, url: str, repeat: int) -> None:
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.get(url)  # warm caches (templates, site root paths)
    # Each request empties the query log: start from an empty one so the slice is right.
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        status = client.get(url).status_code
    query_count = len(queries.captured_queries)
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    print(
        f"{kind:5} {status} {query_count:3d} queries  "
        f"median {statistics.median(timings):6.1f} ms  p95 {p95:6.1f} ms  {url}"
    )


if __name__ == "__main__":
    main()
