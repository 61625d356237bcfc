"""Import resources from a CSV/JSON manifest or a folder of files.

Every row is validated before anything is written; a bad row (missing file,
bad date, unknown theme or country, duplicate identifier…) is reported with
its row number and field and skipped, the others go on. Rows are matched on
(reference, language), and a row whose content has not changed since the
last import is skipped, so running an import twice creates nothing new.

Manifest columns (CSV header or JSON keys):
  reference*, language* (fr|en: which tree the page goes in), title*, summary*,
  type*, year* (or date YYYY-MM-DD), publisher, authors ("Family, Given; Org"),
  languages, themes, countries, regions (comma-separated codes or slugs),
  files ("path|label|language; path2…", relative to the manifest), external_url,
  isbn, doi, ilo_reference, licence, rights_holder, rights_basis
  (own|open-licence|permission), permission_granted_by, permission_date, publish
  (yes/no, default yes).
"""

import csv
import datetime
import hashlib
import io
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail.utils.file import hash_filelike

from portal.models import Country, Region, Theme

from .models import (
    AuthorKind,
    ImportJob,
    ImportStatus,
    Language,
    LibraryIndexPage,
    ResourceAuthor,
    ResourceFile,
    ResourcePage,
    ResourceType,
)
from .rights import RightsBasis, rights_problems
from .uploads import check_upload

REQUIRED = ["reference", "language", "title", "summary", "type"]
TRUE_VALUES = {"1", "yes", "true", "oui", "y"}
FALSE_VALUES = {"0", "no", "false", "non", "n"}
MANIFEST_NAMES = ["manifest.csv", "manifest.json"]
logger = logging.getLogger(__name__)
# Text columns copied as they are onto ResourcePage fields: checked against the field's
# max_length before saving, since Wagtail's full_clean would otherwise stop the import.
LENGTH_CHECKED = [
    "reference", "summary", "publisher", "isbn", "doi", "ilo_reference", "licence",
    "rights_holder", "permission_granted_by",
]  # fmt: skip
validate_external_url = URLValidator(schemes=["http", "https"])


@dataclass
class RowError:
    row: int
    field: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "field": self.field, "message": self.message}


@dataclass
class PlannedFile:
    path: Path
    safe_name: str
    label: str
    language: str | None
    file_hash: str


@dataclass
class PlannedRow:
    """A validated row: everything needed to create or update one resource."""

    row: int
    reference: str
    locale: Locale
    fields: dict
    authors: list[tuple[str, str, str]]
    languages: list[str]
    theme_ids: list[int]
    countries: list[str]
    region_ids: list[int]
    files: list[PlannedFile]
    publish: bool
    checksum: str = ""


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False

    @property
    def error_rows(self) -> int:
        return len({error.row for error in self.errors})

    def as_dict(self) -> dict:
        return {
            "counts": {
                "created": len(self.created),
                "updated": len(self.updated),
                "skipped": len(self.skipped),
                "errors": self.error_rows,
            },
            "created": self.created,
            "updated": self.updated,
            "skipped": self.skipped,
            "errors": [error.as_dict() for error in self.errors],
            "dry_run": self.dry_run,
        }


class ManifestError(Exception):
    """The manifest as a whole cannot be read (not a row-level problem)."""


# Reading


def read_manifest(path: Path) -> tuple[list[tuple[int, dict]], Path]:
    """Return [(row number, raw row)] and the folder that file paths are relative to.

    `path` is a CSV or JSON manifest, or a folder holding manifest.csv/.json
    or, failing that, files to import one resource each.
    """
    if path.is_dir():
        for name in MANIFEST_NAMES:
            if (path / name).is_file():
                return read_manifest(path / name)
        return _folder_rows(path), path
    if not path.is_file():
        raise ManifestError(_("No such file or folder: %(path)s") % {"path": path})
    return parse_manifest(path.read_bytes(), path.suffix.lower()), path.parent


def parse_manifest(data: bytes, suffix: str) -> list[tuple[int, dict]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ManifestError(_("The manifest must be UTF-8 text.")) from exc
    if suffix == ".json":
        try:
            rows = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ManifestError(
                _("The JSON manifest is not valid JSON: %(error)s") % {"error": exc}
            ) from exc
        if isinstance(rows, dict):
            rows = rows.get("resources", [])
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise ManifestError(_("The JSON manifest must be a list of objects, one per resource."))
        return [(number, row) for number, row in enumerate(rows, start=1)]
    if suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        # Row numbers as a spreadsheet shows them: the header is row 1.
        return [(number, row) for number, row in enumerate(reader, start=2)]
    raise ManifestError(_("The manifest must be a .csv or .json file."))


def _folder_rows(folder: Path) -> list[tuple[int, dict]]:
    """A folder without manifest: one draft resource per file, to be completed by editors."""
    rows = []
    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    for number, path in enumerate(files, start=1):
        title = path.stem.replace("_", " ").replace("-", " ").strip().capitalize()
        rows.append(
            (
                number,
                {
                    "reference": f"file-{slugify(path.stem)}",
                    "language": settings.LANGUAGE_CODE,
                    "title": title,
                    "summary": title,
                    "type": ResourceType.REPORT,
                    "year": str(timezone.now().year),
                    "files": path.name,
                    "publish": "no",
                },
            )
        )
    return rows


# Validation


class RowValidator:
    """Validate raw rows against the taxonomy, loaded once for the whole manifest."""

    def __init__(self, base_dir: Path, confine_to_base: bool):
        self.base_dir = base_dir.resolve()
        self.confine_to_base = confine_to_base
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.languages = set(Language.objects.values_list("code", flat=True))
        self.themes = {}
        for theme in Theme.objects.all():
            self.themes[theme.slug_fr] = theme.pk
            self.themes[theme.slug_en] = theme.pk
        self.regions = dict(Region.objects.values_list("slug", "pk"))
        self.countries = set(Country.objects.values_list("code", flat=True))

    def validate(self, rows: list[tuple[int, dict]]) -> tuple[list[PlannedRow], list[RowError]]:
        plans, errors = [], []
        seen: dict[tuple[str, str], int] = {}
        for number, raw in rows:
            row_errors: list[RowError] = []
            plan = self._validate_row(number, _clean(raw), row_errors)
            if plan is not None:
                key = (plan.reference, plan.locale.language_code)
                if key in seen:
                    row_errors.append(
                        RowError(
                            number,
                            "reference",
                            _(
                                "Duplicate identifier: row %(row)s already has reference "
                                "'%(reference)s' in language '%(language)s'."
                            )
                            % {"row": seen[key], "reference": plan.reference, "language": key[1]},
                        )
                    )
                else:
                    seen[key] = number
            if row_errors:
                errors.extend(row_errors)
            else:
                plans.append(plan)
        return plans, errors

    def _validate_row(self, number: int, row: dict, errors: list[RowError]) -> PlannedRow | None:
        def error(field_name: str, message: str) -> None:
            errors.append(RowError(number, field_name, message))

        for name in REQUIRED:
            if not row.get(name):
                error(name, _("This field is required."))
        locale = self.locales.get(row.get("language", ""))
        if row.get("language") and locale is None:
            error(
                "language",
                _("Unknown language '%(value)s' (use fr or en).") % {"value": row["language"]},
            )
        resource_type = row.get("type", "")
        if resource_type and resource_type not in ResourceType.values:
            error(
                "type",
                _("Unknown type '%(value)s' (use one of: %(choices)s).")
                % {"value": resource_type, "choices": ", ".join(ResourceType.values)},
            )
        date = self._date(row, "date", error)
        year = self._year(row, date, error)
        permission_date = self._date(row, "permission_date", error)
        publish = self._boolean(row.get("publish", ""), default=True, error=error)
        basis = row.get("rights_basis", "")
        if basis and basis not in RightsBasis.values:
            error(
                "rights_basis",
                _("Unknown basis '%(value)s' (use one of: %(choices)s).")
                % {"value": basis, "choices": ", ".join(RightsBasis.values)},
            )
        if publish:
            problems = rights_problems(
                basis=basis,
                holder=row.get("rights_holder", ""),
                licence=row.get("licence", ""),
                permission_granted_by=row.get("permission_granted_by", ""),
                permission_date=permission_date,
            )
            for field_name, message in problems.items():
                error(field_name, str(message))
        languages = self._codes(row, "languages", self.languages, error, lower=True)
        theme_ids = self._lookup(row, "themes", self.themes, error)
        countries = self._codes(row, "countries", self.countries, error, lower=False)
        region_ids = self._lookup(row, "regions", self.regions, error)
        files = self._files(row, error)
        self._lengths(row, error)
        self._url(row, "external_url", error)
        if errors:
            return None
        fields = {
            "title": row["title"][:255],
            "summary": row["summary"],
            "resource_type": resource_type,
            "publication_year": year,
            "publication_date": date,
            "publisher": row.get("publisher", ""),
            "external_url": row.get("external_url", ""),
            "isbn": row.get("isbn", ""),
            "doi": row.get("doi", ""),
            "ilo_reference": row.get("ilo_reference", ""),
            "licence": row.get("licence", ""),
            "rights_holder": row.get("rights_holder", ""),
            "rights_basis": basis,
            "permission_granted_by": row.get("permission_granted_by", ""),
            "permission_date": permission_date,
        }
        plan = PlannedRow(
            row=number,
            reference=row["reference"],
            locale=locale,
            fields=fields,
            authors=_authors(row.get("authors", "")),
            languages=languages or [locale.language_code],
            theme_ids=theme_ids,
            countries=countries,
            region_ids=region_ids,
            files=files,
            publish=publish,
        )
        plan.checksum = _checksum(plan)
        return plan

    def _date(self, row, name, error) -> datetime.date | None:
        value = row.get(name, "")
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            error(name, _("'%(value)s' is not a valid date (use YYYY-MM-DD).") % {"value": value})
            return None

    def _lengths(self, row, error) -> None:
        for name in LENGTH_CHECKED:
            limit = ResourcePage._meta.get_field(name).max_length
            value = row.get(name, "")
            if limit and len(value) > limit:
                error(
                    name,
                    _("Too long: %(length)s characters (at most %(limit)s).")
                    % {"length": len(value), "limit": limit},
                )

    def _url(self, row, name, error) -> None:
        value = row.get(name, "")
        if not value:
            return
        try:
            validate_external_url(value)
        except ValidationError:
            error(
                name,
                _(
                    "'%(value)s' is not a valid web address "
                    "(it must start with http:// or https://)."
                )
                % {"value": value},
            )

    def _year(self, row, date, error) -> int | None:
        if date is not None:
            return date.year
        value = row.get("year", "")
        if not value:
            if not row.get("date"):
                error("year", _("Give the publication year (or an exact date)."))
            return None
        if not value.isdigit() or not 1800 <= int(value) <= timezone.now().year + 1:
            error("year", _("'%(value)s' is not a valid publication year.") % {"value": value})
            return None
        return int(value)

    def _boolean(self, value: str, default: bool, error) -> bool:
        lowered = value.strip().lower()
        if not lowered:
            return default
        if lowered in TRUE_VALUES:
            return True
        if lowered in FALSE_VALUES:
            return False
        error("publish", _("'%(value)s' is not yes or no.") % {"value": value})
        return default

    def _codes(self, row, name, known, error, lower: bool) -> list[str]:
        codes = []
        for value in _split(row.get(name, ""), ","):
            code = value.lower() if lower else value.upper()
            if code not in known:
                error(name, _("Unknown code '%(value)s'.") % {"value": value})
            elif code not in codes:
                codes.append(code)
        return codes

    def _lookup(self, row, name, known: dict, error) -> list[int]:
        ids = []
        for value in _split(row.get(name, ""), ","):
            if value not in known:
                error(name, _("Unknown slug '%(value)s'.") % {"value": value})
            elif known[value] not in ids:
                ids.append(known[value])
        return ids

    def _files(self, row, error) -> list[PlannedFile]:
        files = []
        for entry in _split(row.get("files", ""), ";"):
            path_text, label, language = (entry.split("|") + ["", ""])[:3]
            path = (self.base_dir / path_text.strip()).resolve()
            if self.confine_to_base and not path.is_relative_to(self.base_dir):
                error("files", _("'%(path)s' is outside the import folder.") % {"path": path_text})
                continue
            if not path.is_file():
                error("files", _("File not found: '%(path)s'.") % {"path": path_text})
                continue
            language = language.strip().lower() or None
            if language and language not in self.languages:
                error(
                    "files",
                    _("Unknown language '%(language)s' for file '%(path)s'.")
                    % {"language": language, "path": path_text},
                )
                continue
            with path.open("rb") as handle:
                django_file = File(handle, name=path.name)
                try:
                    checked = check_upload(django_file)
                except ValidationError as exc:
                    error("files", f"'{path_text}': {' '.join(exc.messages)}")
                    continue
                file_hash = hash_filelike(handle)
            files.append(PlannedFile(path, checked.safe_name, label.strip(), language, file_hash))
        return files


def _clean(raw: dict) -> dict:
    """Normalise a raw row: lower-case keys, strings stripped, JSON lists joined like CSV cells."""
    row = {}
    for key, value in raw.items():
        if key is None:
            continue
        if isinstance(value, list):
            separator = "; " if str(key).strip().lower() in {"authors", "files"} else ","
            value = separator.join(_list_item(item) for item in value)
        row[str(key).strip().lower()] = "" if value is None else str(value).strip()
    return row


def _list_item(item) -> str:
    if isinstance(item, dict):
        if "path" in item:
            return "|".join([item.get("path", ""), item.get("label", ""), item.get("language", "")])
        if item.get("given_names"):
            return f"{item.get('name', '')}, {item['given_names']}"
        return str(item.get("name", ""))
    return str(item)


def _split(value: str, separator: str) -> list[str]:
    return [part.strip() for part in value.split(separator) if part.strip()]


def _authors(value: str) -> list[tuple[str, str, str]]:
    """ "Family, Given; Organisation" -> [(kind, name, given names)]."""
    authors = []
    for entry in _split(value, ";"):
        if "," in entry:
            family, given = (part.strip() for part in entry.split(",", 1))
            authors.append((AuthorKind.PERSON, family, given))
        else:
            authors.append((AuthorKind.ORGANISATION, entry, ""))
    return authors


def _checksum(plan: PlannedRow) -> str:
    payload = json.dumps(
        {
            "fields": plan.fields,
            "authors": plan.authors,
            "languages": plan.languages,
            "themes": plan.theme_ids,
            "countries": plan.countries,
            "regions": plan.region_ids,
            "files": [(f.file_hash, f.label, f.language) for f in plan.files],
            "publish": plan.publish,
        },
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


# Writing


def import_rows(
    rows: list[tuple[int, dict]],
    base_dir: Path,
    *,
    dry_run: bool = False,
    confine_to_base: bool = False,
    user=None,
    progress=None,
) -> ImportReport:
    """Validate every row, then create or update the valid ones (unless `dry_run`)."""
    report = ImportReport(dry_run=dry_run)
    plans, errors = RowValidator(base_dir, confine_to_base).validate(rows)
    report.errors.extend(errors)
    indexes = {page.locale_id: page for page in LibraryIndexPage.objects.all()}
    done = len(errors)
    for plan in plans:
        label = f"row {plan.row}: {plan.reference} ({plan.locale.language_code})"
        index = indexes.get(plan.locale.pk)
        existing = list(
            ResourcePage.objects.filter(reference=plan.reference, locale=plan.locale, alias_of=None)
        )
        if index is None:
            report.errors.append(
                RowError(plan.row, "language", _("There is no library page in this language yet."))
            )
        elif len(existing) > 1:
            report.errors.append(
                RowError(plan.row, "reference", _("Several resources already use this reference."))
            )
        elif existing and existing[0].import_checksum == plan.checksum:
            report.skipped.append(label)
        else:
            if not dry_run:
                with transaction.atomic():
                    _save(plan, index, existing[0] if existing else None, user)
            (report.updated if existing else report.created).append(label)
        done += 1
        if progress is not None:
            progress(done, len(rows))
    report.errors.sort(key=lambda error: error.row)
    return report


def _save(plan: PlannedRow, index: LibraryIndexPage, page: ResourcePage | None, user) -> None:
    if page is None:
        page = ResourcePage(
            reference=plan.reference, locale=plan.locale, slug=_free_slug(index, plan)
        )
        translation = (
            ResourcePage.objects.filter(reference=plan.reference)
            .exclude(locale=plan.locale)
            .first()
        )
        if translation is not None:
            page.translation_key = translation.translation_key
        for name, value in plan.fields.items():
            setattr(page, name, value)
        page.import_checksum = plan.checksum
        page.live = False
        index.add_child(instance=page)
    else:
        page = page.get_latest_revision_as_object()
        for name, value in plan.fields.items():
            setattr(page, name, value)
        page.import_checksum = plan.checksum
    page.languages.set(plan.languages)
    page.themes.set(plan.theme_ids)
    page.countries.set(plan.countries)
    page.regions.set(plan.region_ids)
    page.authors = [
        ResourceAuthor(kind=kind, name=name, given_names=given, sort_order=order)
        for order, (kind, name, given) in enumerate(plan.authors)
    ]
    page.files = [
        ResourceFile(
            document=_document(planned, user),
            label=planned.label,
            language_id=planned.language,
            sort_order=order,
        )
        for order, planned in enumerate(plan.files)
    ]
    page.save()
    revision = page.save_revision(user=user, log_action=True)
    if plan.publish:
        revision.publish(user=user)


def _free_slug(index: LibraryIndexPage, plan: PlannedRow) -> str:
    base = slugify(plan.fields["title"])[:60] or slugify(plan.reference)
    slug, suffix = base, 2
    while ResourcePage.objects.child_of(index).filter(slug=slug).exists():
        slug, suffix = f"{base}-{suffix}", suffix + 1
    return slug


def _document(planned: PlannedFile, user):
    """The Wagtail document for a file, reused when the same content was imported before."""
    Document = get_document_model()
    existing = Document.objects.filter(file_hash=planned.file_hash).first()
    if existing is not None:
        return existing
    with planned.path.open("rb") as handle:
        document = Document(
            title=planned.label or planned.path.stem,
            uploaded_by_user=user,
            file_hash=planned.file_hash,
        )
        document.file.save(planned.safe_name, File(handle), save=False)
        document.file_size = planned.path.stat().st_size
        document.save()
    return document


# Admin jobs


def run_job(job_id: int) -> str:
    """Run an ImportJob uploaded from the admin (called by the background task)."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None or job.status not in {ImportStatus.QUEUED, ImportStatus.RUNNING}:
        return "nothing to do"
    job.status = ImportStatus.RUNNING
    job.save(update_fields=["status"])

    def progress(processed: int, total: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(processed_rows=processed, total_rows=total)

    try:
        with job.manifest.open("rb") as handle:
            rows = parse_manifest(handle.read(), Path(job.manifest.name).suffix.lower())
        ImportJob.objects.filter(pk=job.pk).update(total_rows=len(rows))
        report = import_rows(
            rows,
            Path(settings.LIBRARY_IMPORT_ROOT),
            dry_run=job.dry_run,
            confine_to_base=True,
            user=job.created_by,
            progress=progress,
        )
        job.refresh_from_db()
        job.report = report.as_dict()
        job.status = ImportStatus.DONE
    except ManifestError as exc:
        job.refresh_from_db()
        job.report = {"fatal": str(exc)}
        job.status = ImportStatus.FAILED
    except Exception as exc:
        # Anything unexpected must not leave the job RUNNING for ever: log it and show it.
        logger.exception("Library import job %s failed", job.pk)
        job.refresh_from_db()
        job.report = {
            **(job.report or {}),
            "fatal": _("The import stopped on an unexpected error: %(error)s") % {"error": exc},
        }
        job.status = ImportStatus.FAILED
    job.finished_at = timezone.now()
    job.save()
    return job.status
