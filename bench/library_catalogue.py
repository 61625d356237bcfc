"""Benchmark the library: 10,000 resources, catalogue and detail latency under concurrent load.

    .venv/bin/python bench/library_catalogue.py [--resources 10000] [--requests 300]
        [--threads 8] [--workers 2]

Uses its own database (BENCH_DATABASE_URL, default a SQLite file in
var/bench/), creates the demo site, bulk-inserts generated resources (Wagtail
page creation one by one would take an hour; rows are inserted with treebeard
paths computed here), starts gunicorn on 127.0.0.1, sends a bounded number of
requests from several threads, prints median and p95 latency per page kind,
and stops the server. Never run in CI: it measures, it does not assert.
"""

import argparse
import http.client
import os
import random
import socket
import statistics
import subprocess
import threading
import time
import uuid

from bench_setup import ROOT, setup_django

DATABASE_FILE = "bench.sqlite3"
BATCH = 500


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=300, help="per page kind")
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers")
    options = parser.parse_args()

    setup_django(DATABASE_FILE)
    prepare_database(options.resources)
    urls = {"catalogue": catalogue_urls(), "detail": detail_urls()}
    print_query_counts(urls)
    port = free_port()
    server = start_server(port, options.workers)
    try:
        wait_for(port)
        for kind, kind_urls in urls.items():
            report(kind, load(port, kind_urls, options.requests, options.threads))
    finally:
        server.terminate()
        server.wait(timeout=30)


def prepare_database(wanted: int) -> None:
    from django.core.management import call_command

    from library.models import ResourcePage

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    existing = ResourcePage.objects.count()
    if existing >= wanted:
        print(f"{existing} resources already in the bench database")
        return
    started = time.monotonic()
    bulk_create_resources(wanted - existing)
    print(f"created {wanted - existing} resources in {time.monotonic() - started:.1f} s")


def bulk_create_resources(count: int) -> None:
    """Insert resource pages directly: Page rows with treebeard paths, then the child rows."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from wagtail.models import Page

    from library.models import Language, LibraryIndexPage, ResourcePage, ResourceType
    from portal.models import Theme

    rng = random.Random(42)  # noqa: S311 - reproducible fake data
    content_type = ContentType.objects.get_for_model(ResourcePage)
    themes = list(Theme.objects.values_list("pk", flat=True))
    countries = ["SN", "ML", "BF", "BJ", "CI", "CD", "CM", "IN", "BD", "UY", "KE", "GH"]
    languages = list(Language.objects.values_list("code", flat=True))
    indexes = list(LibraryIndexPage.objects.order_by("locale__language_code"))
    columns = [
        "page_ptr_id", "summary", "resource_type", "publisher", "publication_year",
        "external_url", "reference", "isbn", "doi", "ilo_reference", "licence",
        "rights_holder", "rights_basis", "permission_granted_by", "import_checksum",
    ]  # fmt: skip
    placeholders = ", ".join(["%s"] * len(columns))
    table = ResourcePage._meta.db_table
    insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"  # noqa: S608
    now = timezone.now()
    for start in range(0, count, BATCH):
        with transaction.atomic():
            index = Page.objects.get(pk=indexes[(start // BATCH) % len(indexes)].pk)
            pages = []
            for number in range(start, min(start + BATCH, count)):
                slug = f"bench-{uuid.uuid4().hex[:12]}"
                index.numchild += 1
                pages.append(
                    Page(
                        title=f"Ressource de test {number}: mutuelles et financement",
                        draft_title=f"Ressource de test {number}",
                        slug=slug,
                        content_type=content_type,
                        path=Page._get_path(index.path, index.depth + 1, index.numchild),
                        depth=index.depth + 1,
                        numchild=0,
                        url_path=f"{index.url_path}{slug}/",
                        locale_id=index.locale_id,
                        live=True,
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
            Page.objects.bulk_create(pages)
            Page.objects.filter(pk=index.pk).update(numchild=index.numchild)
            ids = list(
                Page.objects.filter(slug__in=[page.slug for page in pages]).values_list(
                    "pk", flat=True
                )
            )
            rows = [
                (
                    page_id, "Un résumé de test pour mesurer le catalogue.",
                    rng.choice(ResourceType.values), "BIT/STEP", rng.randint(1995, 2025),
                    "", f"bench-{page_id}", "", "", "", "", "BIT", "own", "", "",
                )
                for page_id in ids
            ]  # fmt: skip
            with connection.cursor() as cursor:
                cursor.executemany(insert, rows)
            ResourcePage.themes.through.objects.bulk_create(
                ResourcePage.themes.through(resourcepage_id=page_id, theme_id=theme)
                for page_id in ids
                for theme in rng.sample(themes, 2)
            )
            ResourcePage.countries.through.objects.bulk_create(
                ResourcePage.countries.through(resourcepage_id=page_id, country_id=code)
                for page_id in ids
                for code in rng.sample(countries, 2)
            )
            ResourcePage.languages.through.objects.bulk_create(
                ResourcePage.languages.through(resourcepage_id=page_id, language_id=code)
                for page_id in ids
                for code in rng.sample(languages, 1)
            )


def catalogue_urls() -> list[str]:
    return [
        "/fr/library/",
        "/en/library/",
        "/fr/library/?type=guide",
        "/fr/library/?theme=financement-de-la-sante&country=SN",
        "/fr/library/?type=study&type=report&language=fr&period=2000-2009",
        "/fr/library/?region=west-africa&sort=title",
        "/fr/library/?sort=downloads",
        "/fr/library/?page=20",
    ]


def detail_urls() -> list[str]:
    from library.models import ResourcePage

    pages = ResourcePage.objects.live().order_by("?")[:200]
    return [page.get_url() for page in pages]


def print_query_counts(urls: dict[str, list[str]]) -> None:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    for kind, kind_urls in urls.items():
        counts = []
        for url in kind_urls[:8]:
            client.get(url)
            with CaptureQueriesContext(connection) as queries:
                status = client.get(url).status_code
            counts.append(len(queries.captured_queries))
            if status != 200:
                print(f"warning: {url} answered {status}")
        print(f"{kind}: SQL queries per page {min(counts)}–{max(counts)}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, workers: int) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "portal.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],  # fmt: skip
        cwd=ROOT,
        env={**os.environ},
    )


def wait_for(port: int, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            request("127.0.0.1", port, "/healthz")
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("gunicorn did not start")


def request(host: str, port: int, path: str, connection=None) -> float:
    connection = connection or http.client.HTTPConnection(host, port, timeout=60)
    started = time.perf_counter()
    connection.request("GET", path, headers={"Host": "127.0.0.1"})
    response = connection.getresponse()
    response.read()
    if response.status != 200:
        raise RuntimeError(f"{path} answered {response.status}")
    return time.perf_counter() - started


def load(port: int, urls: list[str], total: int, threads: int) -> tuple[list[float], float]:
    """Send `total` requests from `threads` threads (keep-alive connections); return latencies."""
    latencies: list[float] = []
    lock = threading.Lock()
    queue = [urls[i % len(urls)] for i in range(total)]

    def worker() -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                if not queue:
                    return
                path = queue.pop()
            elapsed = request("127.0.0.1", port, path, connection)
            with lock:
                latencies.append(elapsed)

    started = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    return latencies, time.perf_counter() - started


def report(kind: str, result: tuple[list[float], float]) -> None:
    latencies, duration = result
    ordered = sorted(latencies)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    print(
        f"{kind}: {len(ordered)} requests in {duration:.1f} s "
        f"({len(ordered) / duration:.1f} req/s), "
        f"median {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
