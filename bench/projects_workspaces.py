"""Benchmark the workspaces: directory, overview, wiki, diff and members with many workspaces.

    .venv/bin/python bench/projects_workspaces.py [--workspaces 2000] [--members 20000]
        [--requests 50]

Uses its own database (BENCH_DATABASE_URL, default a SQLite file in
var/bench/), bulk-inserts generated workspaces (a third each public,
members-only and secret), memberships, wiki pages with revisions and
activity, then times pages in-process with Django's test client as an
outsider, a member of many workspaces and staff. Prints median and p95
latency and the SQL queries per page. It measures, it does not assert.
"""

import argparse
import random
import statistics
import time

from bench_setup import BENCH_DIR, setup_django

DATABASE_FILE = "projects-bench.sqlite3"
FILES_ROOT = str(BENCH_DIR / "workspace-files")
VISIBILITIES = ["public", "members", "secret"]
BIG_PAGE_LINES = 3000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workspaces", type=int, default=2000)
    parser.add_argument("--members", type=int, default=20_000)
    parser.add_argument("--requests", type=int, default=50, help="per page")
    options = parser.parse_args()

    setup_django(DATABASE_FILE, PROJECTS_FILES_ROOT=FILES_ROOT)
    users = prepare_database(options.workspaces, options.members)
    for label, user in users.items():
        for name, url in pages().items():
            measure(f"{label:>9} {name}", user, url, options.requests)


def prepare_database(wanted: int, wanted_members: int) -> dict:
    from django.core.management import call_command

    from portal.models import User
    from projects.models import Workspace

    call_command("migrate", verbosity=0, interactive=False)
    if Workspace.objects.count() < wanted:
        started = time.monotonic()
        generate(wanted, wanted_members)
        print(f"Generated {wanted} workspaces in {time.monotonic() - started:.1f}s")
    return {
        "anonymous": None,
        "outsider": User.objects.get(username="bench-outsider"),
        "member": User.objects.get(username="bench-member"),
        "staff": User.objects.get(username="bench-staff"),
    }


def generate(count: int, member_count: int) -> None:
    from django.contrib.auth.models import Group
    from django.db import transaction

    from portal import roles
    from portal.models import Theme, User
    from projects.models import (
        ActivityEntry,
        Membership,
        Verb,
        WikiPage,
        WikiRevision,
        Workspace,
    )

    rng = random.Random(7)  # noqa: S311  (repeatable data, not security)
    themes = list(Theme.objects.all())
    with transaction.atomic():
        people = User.objects.bulk_create(
            [
                User(username=f"bench-{n}", email=f"bench-{n}@example.org", display_name=f"P {n}")
                for n in range(max(member_count // 10, 10))
            ]
        )
        special = {
            name: User.objects.create(username=f"bench-{name}", email=f"{name}@bench.example.org")
            for name in ("outsider", "member", "staff")
        }
        Group.objects.get(name=roles.MEMBER).user_set.add(*people, *special.values())
        Group.objects.get(name=roles.STAFF).user_set.add(special["staff"])
        workspaces = Workspace.objects.bulk_create(
            [
                Workspace(
                    name=f"Espace {n}",
                    slug=f"espace-{n}",
                    summary=f"Résumé de l'espace {n} sur la micro-assurance santé.",
                    description="Une description.\n" * 20,
                    visibility=VISIBILITIES[n % 3],
                )
                for n in range(count)
            ]
        )
        Workspace.themes.through.objects.bulk_create(
            [
                Workspace.themes.through(workspace_id=w.pk, theme_id=rng.choice(themes).pk)
                for w in workspaces
            ]
        )
        memberships = {
            (w.pk, rng.choice(people).pk) for w in workspaces for _ in range(member_count // count)
        }
        memberships |= {(w.pk, special["member"].pk) for w in workspaces[:: max(count // 50, 1)]}
        Membership.objects.bulk_create(
            [Membership(workspace_id=w, user_id=u, role="member") for w, u in memberships]
        )
        pages = WikiPage.objects.bulk_create(
            [
                WikiPage(workspace=w, title=f"Page {n}", slug=f"page-{n}")
                for w in workspaces
                for n in range(3)
            ]
        )
        revisions = []
        for page in pages:
            body = "\n".join(f"Ligne {line} du plan." for line in range(BIG_PAGE_LINES // 30))
            revisions += [
                WikiRevision(page=page, number=1, title=page.title, body=body),
                WikiRevision(page=page, number=2, title=page.title, body=body + "\nAjout."),
            ]
        WikiRevision.objects.bulk_create(revisions, batch_size=2000)
        for page in pages:
            page.current_revision = page.revisions.order_by("-number").first()
        WikiPage.objects.bulk_update(pages, ["current_revision"], batch_size=2000)
        ActivityEntry.objects.bulk_create(
            [
                ActivityEntry(workspace=w, verb=Verb.EDITED_PAGE, target="Page 0", path="wiki/")
                for w in workspaces
                for _ in range(10)
            ],
            batch_size=5000,
        )
        # One page with a long history line by line, for the diff.
        big = pages[0]
        old = "\n".join(f"Ligne {line}" for line in range(BIG_PAGE_LINES))
        new = old.replace("Ligne 10", "Ligne dix").replace("Ligne 2000", "Ligne deux mille")
        WikiRevision.objects.filter(page=big, number=1).update(body=old)
        WikiRevision.objects.filter(page=big, number=2).update(body=new)
        Membership.objects.get_or_create(
            workspace=big.workspace, user=special["member"], defaults={"role": "member"}
        )


def pages() -> dict[str, str]:
    return {
        "directory": "/fr/projects/",
        "directory?q": "/fr/projects/?q=micro-assurance&status=active",
        "overview": "/fr/projects/espace-0/",
        "wiki page": "/fr/projects/espace-0/wiki/page-0/",
        "wiki diff": "/fr/projects/espace-0/wiki/page-0/diff/?from=1&to=2",
        "members": "/fr/projects/espace-0/members/",
        "feed": "/fr/projects/feed/",
    }


def measure(label: str, user, url: str, count: int) -> None:
    from django.db import connection
    from django.test import Client

    client = Client()
    if user is not None:
        client.force_login(user)
    queries = []
    # Counted at the driver: the page's own queries, whatever Django does with its query log.
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        status = client.get(url).status_code
    timings = []
    for _ in range(count):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(
        f"{label:<22} {status}  median {statistics.median(timings):7.1f} ms  "
        f"p95 {p95:7.1f} ms  {len(queries):3d} queries"
    )


if __name__ == "__main__":
    main()
