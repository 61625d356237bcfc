"""Benchmark the forums: a topic of 500 posts by 100 authors and a forum of 2,000 topics.

    .venv/bin/python bench/forums_pages.py [--requests 50]

Uses its own database (BENCH_DATABASE_URL, default a SQLite file in
var/bench/), fills it once with bulk inserts, then renders pages in-process
with Django's test client as a logged-in member: topic pages (first, middle,
last page), topic lists of the big forum (first, middle, last page) and the
forum list. Prints the SQL queries and the median and p95 render time of each
page kind. Never run in CI: it measures, it does not assert.
"""

import argparse
import statistics
import time
from datetime import timedelta

from bench_setup import database_url, setup_django

DATABASE_FILE = "forums.sqlite3"
DATABASE_URL = database_url(DATABASE_FILE)
AUTHORS, POSTS, TOPICS = 100, 500, 2_000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=50, help="per page")
    options = parser.parse_args()
    setup_django(DATABASE_FILE)
    topic, forum, reader = prepare_database()
    pages = {
        "topic page 1": f"{topic.get_absolute_url()}",
        "topic page 13": f"{topic.get_absolute_url()}?page=13",
        "topic last page": f"{topic.get_absolute_url()}?page=1000000000",
        "topic list page 1": forum.get_absolute_url(),
        "topic list page 40": f"{forum.get_absolute_url()}?page=40",
        "topic list last page": f"{forum.get_absolute_url()}?page=-1",
        "forum list": "/fr/forum/",
    }
    measure(pages, reader, options.requests)


def prepare_database():
    from django.contrib.auth.models import Group
    from django.core.management import call_command
    from django.utils import timezone

    from forums.models import Forum, Post, Topic
    from forums.services import refresh_counters, refresh_forum_counters
    from portal.models import User

    call_command("migrate", verbosity=0, interactive=False)
    reader, _created = User.objects.get_or_create(
        username="bench-reader", defaults={"email": "bench-reader@example.org"}
    )
    reader.groups.add(Group.objects.get(name="Member"))
    forum = Forum.objects.filter(slug="bench").first()
    if forum is not None:
        print("Bench data already in", DATABASE_URL)
        return forum.topics.get(title="Bench topic"), forum, reader
    started = time.monotonic()
    authors = User.objects.bulk_create(
        [
            User(
                username=f"bench{n}",
                email=f"bench{n}@example.org",
                display_name=f"Author {n}",
                organisation="Mutuelle",
                country_id="SN",
            )
            for n in range(AUTHORS)
        ]  # fmt: skip
    )
    forum = Forum.objects.create(slug="bench", name_fr="Forum de mesure", name_en="Bench forum")
    now = timezone.now()
    topics = Topic.objects.bulk_create(
        [
            Topic(
                forum=forum,
                title=f"Sujet {n}",
                slug=f"sujet-{n}",
                author=authors[n % AUTHORS],
                created_at=now - timedelta(hours=n),
                last_post_at=now - timedelta(hours=n),
            )
            for n in range(TOPICS)
        ]  # fmt: skip
    )
    Post.objects.bulk_create(
        [
            Post(
                topic=topic,
                author=topic.author,
                body="Message d'ouverture.",
                is_opening=True,
                created_at=topic.created_at,
            )
            for topic in topics
        ]  # fmt: skip
    )
    big = Topic.objects.create(forum=forum, title="Bench topic", author=authors[0])
    Post.objects.bulk_create(
        [
            Post(
                topic=big,
                author=authors[n % AUTHORS],
                is_opening=n == 0,
                body=f"Réponse **{n}** avec un [lien](https://example.org/{n}).",
                created_at=now - timedelta(days=2) + timedelta(minutes=n),
            )
            for n in range(POSTS)
        ]  # fmt: skip
    )
    for topic in Topic.objects.filter(forum=forum):
        refresh_counters(topic)
    refresh_forum_counters(forum)
    print(f"Bench data created in {time.monotonic() - started:.0f} s")
    return big, forum, reader


def measure(pages: dict[str, str], reader, requests: int) -> None:
    from django.db import connection
    from django.test import Client

    client = Client()
    client.force_login(reader)
    print(f"{'page':<22}{'queries':>8}{'median ms':>11}{'p95 ms':>9}")
    for name, url in pages.items():
        queries: list[str] = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)  # noqa: S101
        timings = []
        for _ in range(requests):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
        print(f"{name:<22}{len(queries):>8}{statistics.median(timings):>11.1f}{p95:>9.1f}")


if __name__ == "__main__":
    main()
