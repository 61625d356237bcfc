"""Benchmark the database search backend: indexing throughput and query latency.

    .venv/bin/python bench/search_bench.py [--documents 100000] [--queries 60]
        [--database sqlite|postgresql|both]

Indexes generated French and English documents through the real rebuild
path into a database of its own (SQLite file in var/bench/, or
BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/portal_search_bench),
then times one-word, multi-word, phrase and faceted queries through the
search layer (count, ranked page with snippets, facet counts, permission
filter) and the same text on the raw engine (plain FTS5 MATCH or plain
to_tsquery: ranked top 20 and count, no permissions, no facets) as the lower
bound, and prints median, p95 and the layer/raw ratio. Never run in CI: it
measures, it does not assert.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_DIR = ROOT / "var" / "bench"
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/portal_search_bench"
)

# Words of the field, in each language, to build documents and queries from.
FRENCH = """mutuelle santé cotisation adhérent prestation gestion protection sociale sécurité
assurance maladie microassurance couverture universelle financement solidarité risque étude
faisabilité promoteur réseau union fédération formation module outil guide suivi évaluation
tiers payant prestataire soins hôpital centre district région gouvernance assemblée générale
conseil administration comptabilité trésorerie cotisations membres ménages travailleurs
informels femmes rurales agricoles législation règlement UEMOA Sénégal Mali Bénin Burkina
Guinée Niger Togo Cameroun""".split()  # noqa: SIM905 - prose reads better than a list
ENGLISH = """mutual health insurance contribution member benefit management social protection
security coverage universal financing solidarity risk study feasibility promoter network union
federation training module tool guide monitoring evaluation provider care hospital centre
district region governance general assembly board accounting treasury households workers
informal economy women rural agricultural legislation regulation policy scheme extension
community ministry programme Ghana Kenya India""".split()  # noqa: SIM905
STOPWORDS = {
    "fr": ["le", "la", "les", "des", "de", "du", "et", "en", "pour", "un", "une", "aux", "au"],
    "en": ["the", "of", "and", "in", "for", "a", "to", "on", "with"],
}
COUNTRIES = ["SN", "ML", "BJ", "BF", "GN", "NE", "TG", "CM", "GH", "KE", "IN"]


SUFFIXES = {
    "fr": ["", "s", "ion", "ions", "ité", "ement", "eur", "euse", "al", "ale", "aux", "ique"],
    "en": ["", "s", "ing", "ed", "ion", "ions", "ity", "ment", "er", "al", "ive", "ness"],
}
VOCABULARY_SIZE = 20_000


def vocabulary(language: str) -> list[str]:
    """A realistic-sized vocabulary: the field's words first, then derived forms.

    Drawn with Zipf-like weights (rank ** -1.1), so that, as in real text, a
    few words are everywhere and most are rare.
    """
    rng = random.Random(language)
    roots = FRENCH if language == "fr" else ENGLISH
    words = dict.fromkeys(word.lower() for word in roots)
    while len(words) < VOCABULARY_SIZE:
        root = rng.choice(roots).lower()
        words[root[: rng.randint(3, max(3, len(root)))] + rng.choice(SUFFIXES[language])] = None
        words["".join(rng.choice("abcdefghilmnoprstu") for _ in range(rng.randint(4, 10)))] = None
    return list(words)[:VOCABULARY_SIZE]


VOCABULARIES = {language: vocabulary(language) for language in ("fr", "en")}
WEIGHTS = [rank**-1.1 for rank in range(1, VOCABULARY_SIZE + 1)]


def sentence(rng: random.Random, language: str, length: int) -> str:
    words = rng.choices(VOCABULARIES[language], WEIGHTS, k=length)
    for index in range(0, length, 3):
        words[index] = rng.choice(STOPWORDS[language])
    return " ".join(words)


def generate(count: int, seed: int = 42):
    from datetime import UTC, datetime, timedelta

    from search.documents import MEMBERS, PUBLIC, STAFF, SearchDocument

    rng = random.Random(seed)
    start = datetime(1995, 1, 1, tzinfo=UTC)
    for number in range(count):
        language = "fr" if rng.random() < 0.6 else "en"
        roll = rng.random()
        tokens = {PUBLIC} if roll < 0.8 else ({MEMBERS} if roll < 0.9 else {STAFF})
        yield SearchDocument(
            source=rng.choice(["resources", "pages", "news", "forums"]),
            object_id=str(number),
            title=sentence(rng, language, rng.randint(4, 9)).capitalize(),
            url=f"/{language}/bench/{number}/",
            language=language,
            tokens=frozenset(tokens),
            body=". ".join(sentence(rng, language, rng.randint(10, 20)) for _ in range(8)),
            date=start + timedelta(days=rng.randint(0, 11_000)),
            themes=tuple(rng.sample(range(1, 21), rng.randint(1, 3))),
            countries=tuple(rng.sample(COUNTRIES, rng.randint(0, 2))),
        )


def query_texts(rng: random.Random, count: int) -> dict[str, list[tuple[str, dict]]]:
    """Readers type the field's words: ranks 1 to 300 of the vocabulary (common to rare)."""

    def words(n):
        vocabulary = VOCABULARIES[rng.choice(["fr", "en"])]
        return [vocabulary[rng.randint(0, 299)] for _ in range(n)]

    return {
        "one word": [(words(1)[0], {}) for _ in range(count)],
        "multi-word": [(" ".join(words(rng.randint(2, 3))), {}) for _ in range(count)],
        "phrase": [(f'"{" ".join(words(2))}"', {}) for _ in range(count)],
        "faceted": [
            (words(1)[0], {"theme": (str(rng.randint(1, 20)),), "lang": ("fr",)})
            for _ in range(count)
        ],
    }


def raw_query(vendor: str, parsed) -> tuple[str, list, str, list]:
    """The lower bound: the engine's own ranked top 20 and count for the same words."""
    from search.backends.sqlite import match_expression

    if vendor == "sqlite":
        expression = match_expression(parsed)
        return (
            "SELECT rowid FROM search_fulltext WHERE search_fulltext MATCH %s "
            "ORDER BY rank LIMIT 20",
            [expression],
            "SELECT COUNT(*) FROM search_fulltext WHERE search_fulltext MATCH %s",
            [expression],
        )
    words = [*parsed.terms]
    tsquery = " & ".join(words) if words else ""
    for phrase in parsed.phrases:
        tsquery = " & ".join(filter(None, [tsquery, " <-> ".join(phrase)]))
    return (
        "SELECT id FROM search_indexeddocument WHERE search_vector @@ to_tsquery('search_fr', %s) "
        "ORDER BY ts_rank(search_vector, to_tsquery('search_fr', %s)) DESC LIMIT 20",
        [tsquery, tsquery],
        "SELECT COUNT(*) FROM search_indexeddocument "
        "WHERE search_vector @@ to_tsquery('search_fr', %s)",
        [tsquery],
    )


def timed(function) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def summary(times: list[float]) -> tuple[float, float]:
    return statistics.median(times), statistics.quantiles(times, n=20)[18]


def run(database: str, documents: int, queries: int) -> None:
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{BENCH_DIR / 'search.sqlite3'}" if database == "sqlite" else POSTGRES_URL
    if database == "sqlite":
        (BENCH_DIR / "search.sqlite3").unlink(missing_ok=True)
    else:
        _recreate_postgres_database(url)
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DATABASE_URL": url,
            "DEBUG": "0",
            "TASK_BACKEND": "immediate",
            "SEARCH_BACKEND": "database",
            "LOG_LEVEL": "WARNING",
        }
    )
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from search.backends import get_backend
    from search.documents import PUBLIC
    from search.query import SearchQuery, parse_query

    call_command("migrate", verbosity=0)
    backend = get_backend()
    print(f"\n== {connection.vendor}: indexing {documents:,} documents")
    started = time.perf_counter()
    backend.rebuild(generate(documents), lambda count: None)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    elapsed = time.perf_counter() - started
    print(f"indexing: {elapsed:.1f} s, {documents / elapsed:,.0f} documents/s")

    rng = random.Random(7)
    print(
        f"{'query':<12} {'layer median':>13} {'layer p95':>10} "
        f"{'raw median':>11} {'raw p95':>8} {'p95 ratio':>10}"
    )
    for kind, cases in query_texts(rng, queries).items():
        layer_times, raw_times = [], []
        for text, filters in cases:
            parsed = parse_query(text)
            query = SearchQuery(parsed=parsed, tokens=frozenset({PUBLIC}), filters=filters)
            page_sql, page_params, count_sql, count_params = raw_query(connection.vendor, parsed)

            def raw(
                page_sql=page_sql,
                page_params=page_params,
                count_sql=count_sql,
                count_params=count_params,
            ):
                with connection.cursor() as cursor:
                    cursor.execute(page_sql, page_params)
                    cursor.fetchall()
                    cursor.execute(count_sql, count_params)
                    cursor.fetchall()

            backend.search(query)  # warm the caches for both
            raw()
            layer_times.append(timed(lambda query=query: backend.search(query)))
            raw_times.append(timed(raw))
        (layer_median, layer_p95), (raw_median, raw_p95) = summary(layer_times), summary(raw_times)
        print(
            f"{kind:<12} {layer_median:>10.1f} ms {layer_p95:>7.1f} ms {raw_median:>8.1f} ms "
            f"{raw_p95:>5.1f} ms {layer_p95 / raw_p95:>9.1f}x"
        )


def _recreate_postgres_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=60, help="per query kind")
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    options = parser.parse_args()
    if options.database != "both":
        run(options.database, options.documents, options.queries)
        return
    for database in ("sqlite", "postgresql"):  # one process each: Django binds one database
        subprocess.run(  # noqa: S603 - our own script
            [
                sys.executable,
                __file__,
                "--database",
                database,
                "--documents",
                str(options.documents),
                "--queries",
                str(options.queries),
            ],
            check=True,
        )


if __name__ == "__main__":
    main()
