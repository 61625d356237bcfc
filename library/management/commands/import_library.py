"""python manage.py import_library PATH [--dry-run]: import resources from a manifest or folder."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from library.importer import ManifestError, import_rows, read_manifest


class Command(BaseCommand):
    help = (
        "Import library resources from a CSV/JSON manifest or a folder of files. Every row is "
        "validated first; bad rows are reported (row and field) and skipped. Idempotent: rows "
        "are matched on (reference, language)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="A .csv or .json manifest, or a folder.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Validate and report without saving anything."
        )

    def handle(self, *args, path, dry_run, **options):
        try:
            rows, base_dir = read_manifest(Path(path))
        except ManifestError as exc:
            raise CommandError(str(exc)) from exc
        report = import_rows(rows, base_dir, dry_run=dry_run)
        verb = "would be " if dry_run else ""
        for outcome, labels in (
            ("created", report.created),
            ("updated", report.updated),
            ("skipped (unchanged)", report.skipped),
        ):
            for label in labels:
                self.stdout.write(f"{verb}{outcome}: {label}")
        for error in report.errors:
            self.stderr.write(f"error: row {error.row}, field '{error.field}': {error.message}")
        counts = report.as_dict()["counts"]
        summary = (
            f"{counts['created']} created, {counts['updated']} updated, "
            f"{counts['skipped']} skipped, {counts['errors']} rows with errors"
        )
        if dry_run:
            summary += " (dry run: nothing was saved)"
        self.stdout.write(summary)
        if report.errors:
            raise CommandError(f"{counts['errors']} rows were not imported.")
