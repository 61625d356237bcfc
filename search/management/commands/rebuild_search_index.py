"""Rebuild the search index from every registered source, check it, or replay queued writes."""

from django.core.management.base import BaseCommand, CommandError

from search import indexing
from search.backends import SearchUnavailable
from search.registry import sources

SHOWN_KEYS = 10


class Command(BaseCommand):
    help = (
        "Rebuild the search index from the database (readers keep the old index until "
        "the new one is complete). --check reports drift instead; --pending replays "
        "writes queued while the engine was unreachable."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group()
        action.add_argument(
            "--check",
            action="store_true",
            help="Report documents missing from, stale in or orphaned in the index; "
            "exit with status 1 when there is drift.",
        )
        action.add_argument("--pending", action="store_true", help="Replay queued writes only.")

    def handle(self, *args, check=False, pending=False, **options):
        try:
            if check:
                return self._check()
            if pending:
                replayed = indexing.replay_pending_updates()
                self.stdout.write(self.style.SUCCESS(f"Replayed {replayed} queued update(s)."))
                return None
            return self._rebuild()
        except SearchUnavailable as error:
            raise CommandError(f"The search engine is unavailable: {error}") from error

    def _rebuild(self):
        total_expected = sum(source.queryset().count() for source in sources())
        self.stdout.write(
            f"Indexing up to {total_expected} object(s) from "
            f"{', '.join(source.key for source in sources()) or 'no source'}…"
        )

        def progress(count: int) -> None:
            width = 30
            done = int(width * count / total_expected) if total_expected else width
            bar = "#" * done + "-" * (width - done)
            end = "\r" if self.stdout.isatty() else "\n"
            self.stdout.write(f"[{bar}] {count}/{total_expected}", ending=end)

        indexed = indexing.rebuild_index(progress)
        if self.stdout.isatty():
            self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Indexed {indexed} document(s)."))

    def _check(self):
        drift = indexing.check_index()
        for label, keys in [
            ("missing from the index", drift.missing),
            ("stale in the index", drift.stale),
            ("in the index but not in the database", drift.orphaned),
        ]:
            if keys:
                shown = ", ".join(keys[:SHOWN_KEYS]) + (" …" if len(keys) > SHOWN_KEYS else "")
                self.stdout.write(f"{len(keys)} document(s) {label}: {shown}")
        if drift.pending:
            self.stdout.write(f"{drift.pending} update(s) queued while the engine was down.")
        if drift:
            self.stdout.write(
                self.style.WARNING("The index has drifted: run rebuild_search_index.")
            )
            raise CommandError("The index has drifted from the database.", returncode=1)
        self.stdout.write(self.style.SUCCESS("The index matches the database."))
