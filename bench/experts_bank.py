"""Benchmark the expert bank: 5,000 experts, SQL queries and latency per filtered page.

    .venv/bin/python bench/experts_bank.py [--experts 5000] [--repeat 20]

Uses its own database (BENCH_DATABASE_URL, default a SQLite file in
var/bench/), bulk-inserts generated experts (members with languages,
expertise and countries of experience, a third of them members-only and a
few staff-only), then requests the bank with several filter combinations
as an anonymous visitor and as a member, in-process with Django's test
client. Prints the SQL queries each page costs (it must not grow with the
number of experts) and the median and p95 time per page. Never run in CI:
it measures, it does not assert.
"""

import argparse
import os
import random
import statistics
import time

from bench_setup import setup_django

DATABASE_FILE = "experts-bench.sqlite3"
BATCH = 500
BANK_URLS = [
    "/en/experts/",
    "/en/experts/?theme=feasibility-studies",
    "/en/experts/?theme=health-financing&country=SN&sort=experience",
    "/en/experts/?region=uemoa&language=en&level=4",
    "/en/experts/?availability=now&validated=on&sort=updated",
    "/en/experts/?q=actuarial+pricing",
    "/fr/experts/?q=mutuelle&theme=gouvernance&page=3",
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--experts", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=20, help="requests per URL and viewer")
    options = parser.parse_args()

    setup_django(DATABASE_FILE)
    prepare_database(options.experts)
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()  # lets the client see each page's context (result counts)

    from portal.models import User

    member_client = Client(HTTP_HOST="127.0.0.1")
    member_client.force_login(User.objects.get(email="member@example.org"))
    viewers = {"anonymous": Client(HTTP_HOST="127.0.0.1"), "member": member_client}
    for viewer, client in viewers.items():
        print(f"\n{viewer}:")
        for url in BANK_URLS:
            measure(client, url, options.repeat)


def prepare_database(wanted: int) -> None:
    from django.core.management import call_command

    from experts.models import ExpertProfile

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    existing = ExpertProfile.objects.count()
    if existing >= wanted:
        print(f"{existing} experts already in the bench database")
        return
    started = time.monotonic()
    bulk_create_experts(wanted - existing)
    print(f"created {wanted - existing} experts in {time.monotonic() - started:.1f} s")


def bulk_create_experts(count: int) -> None:
    """Insert rows directly (no signals, so no search indexing: the bank doesn't use it)."""
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from experts.models import Expertise, ExpertProfile, LanguageSkill
    from experts.permissions import Visibility
    from portal.models import Region, Theme, User

    rng = random.Random(8)
    unusable = make_password(None)
    themes = list(Theme.objects.values_list("pk", flat=True))
    regions = list(Region.objects.values_list("pk", flat=True))
    countries = ["SN", "ML", "BF", "BJ", "CI", "CD", "CM", "NE", "TG", "IN", "BD", "UY", "KE"]
    languages = ["fr", "en", "es", "pt", "wo", "bm", "ar"]
    headlines = [
        "Health economist", "Actuary for mutual health organisations",
        "Trainer in feasibility studies", "MAS Gestion trainer", "Legal expert, UEMOA",
        "Monitoring and evaluation specialist", "Social protection adviser",
    ]  # fmt: skip
    visibilities = [Visibility.PUBLIC] * 6 + [Visibility.MEMBERS] * 3 + [Visibility.STAFF]
    offset = User.objects.count()
    for start in range(0, count, BATCH):
        numbers = range(offset + start, offset + min(start + BATCH, count))
        with transaction.atomic():
            users = User.objects.bulk_create(
                User(username=f"bench{n}", email=f"bench{n}@example.org",
                     display_name=f"Expert {n}", password=unusable)
                for n in numbers
            )  # fmt: skip
            profiles = ExpertProfile.objects.bulk_create(
                ExpertProfile(
                    user=user,
                    headline=rng.choice(headlines),
                    summary="Feasibility studies, contribution rates and training for mutuals.",
                    keywords="actuarial, pricing, training" if rng.random() < 0.2 else "training",
                    visibility=rng.choice(visibilities),
                    is_validated=rng.random() < 0.3,
                    cv_text="Curriculum vitae. " * 200,
                )
                for user in users
            )
            Expertise.objects.bulk_create(
                Expertise(profile=profile, theme_id=theme, years=rng.randint(1, 30))
                for profile in profiles
                for theme in rng.sample(themes, 2)
            )
            LanguageSkill.objects.bulk_create(
                LanguageSkill(profile=profile, language=code, level=rng.randint(1, 7))
                for profile in profiles
                for code in rng.sample(languages, 2)
            )
            ExpertProfile.experience_countries.through.objects.bulk_create(
                ExpertProfile.experience_countries.through(expertprofile=profile, country_id=code)
                for profile in profiles
                for code in rng.sample(countries, 3)
            )
            ExpertProfile.experience_regions.through.objects.bulk_create(
                ExpertProfile.experience_regions.through(expertprofile=profile, region_id=region)
                for profile in profiles
                for region in rng.sample(regions, 1)
            )


def measure(client, url: str, repeat: int) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm caches (site root, templates)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    # Read now: captured_queries slices a log that the next request resets.
    query_count = len(queries.captured_queries)
    if response.status_code != 200:
        print(f"  warning: {url} answered {response.status_code}")
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url)
        timings.append(time.perf_counter() - started)
    ordered = sorted(timings)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    found = response.context["page_obj"].paginator.count if response.context else "?"
    print(
        f"  {url}: {query_count} queries, {found} experts, "
        f"median {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
