"""python manage.py import_library and the admin import jobs."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from library.models import DocumentText, ImportJob, ResourcePage

from . import files

COLUMNS = [
    "reference", "language", "title", "summary", "type", "year", "date", "authors",
    "themes", "countries", "languages", "files", "rights_holder", "rights_basis", "licence",
    "external_url", "isbn", "doi", "publisher", "ilo_reference", "permission_granted_by",
]  # fmt: skip


def row(**values) -> dict:
    base = {
        "reference": "step-guide",
        "language": "fr",
        "title": "Guide de l'étude de faisabilité",
        "summary": "Comment mener l'étude de faisabilité d'une mutuelle de santé.",
        "type": "guide",
        "year": "2005",
        "authors": "Diop, Awa; BIT/STEP",
        "themes": "etudes-de-faisabilite",
        "countries": "SN,ML",
        "languages": "fr",
        "files": "guide.pdf|Version française|fr",
        "rights_holder": "BIT",
        "rights_basis": "own",
    }
    return {**base, **values}


def write_manifest(folder, rows, name="manifest.csv"):
    # Generated files embed their creation time: write them once per folder.
    if not (folder / "guide.pdf").exists():
        (folder / "guide.pdf").write_bytes(files.pdf_bytes("Etude de faisabilite"))
        (folder / "manuel.docx").write_bytes(files.docx_bytes("Manuel MAS Gestion"))
    path = folder / name
    if name.endswith(".json"):
        path.write_text(json.dumps(rows), encoding="utf-8")
        return path
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return path


def run(path, *args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_library", str(path), *args, stdout=out, stderr=err)
    except CommandError as exc:
        return out.getvalue(), err.getvalue(), exc
    return out.getvalue(), err.getvalue(), None


@pytest.fixture
def two_rows():
    return [
        row(),
        row(reference="mas-gestion", title="MAS Gestion", type="software",
            files="manuel.docx|Manuel|fr", themes="management-and-information-systems"),
    ]  # fmt: skip


def test_import_creates_published_resources_with_files(libraries, tmp_path, two_rows):
    out, _err, error = run(write_manifest(tmp_path, two_rows))
    assert error is None
    assert "2 created" in out
    guide = ResourcePage.objects.get(reference="step-guide")
    assert guide.live
    assert guide.publication_year == 2005
    assert [a.display_name for a in guide.authors.all()] == ["Awa Diop", "BIT/STEP"]
    assert set(guide.countries.values_list("code", flat=True)) == {"SN", "ML"}
    document = guide.files.get().document
    assert "faisabilite" in DocumentText.objects.get(document=document).text


def test_dry_run_saves_nothing(libraries, tmp_path, two_rows):
    out, _err, error = run(write_manifest(tmp_path, two_rows), "--dry-run")
    assert error is None
    assert "2 created" in out and "dry run" in out
    assert not ResourcePage.objects.exists()


def test_import_is_idempotent(libraries, tmp_path, two_rows):
    manifest = write_manifest(tmp_path, two_rows)
    run(manifest)
    out, _err, _error = run(manifest)
    assert "0 created, 0 updated, 2 skipped" in out
    assert ResourcePage.objects.count() == 2
    from wagtail.documents.models import Document

    assert Document.objects.count() == 2


def test_changed_row_updates_the_existing_resource(libraries, tmp_path, two_rows):
    run(write_manifest(tmp_path, two_rows))
    two_rows[0]["title"] = "Guide révisé"
    out, _err, _error = run(write_manifest(tmp_path, two_rows))
    assert "0 created, 1 updated, 1 skipped" in out
    assert ResourcePage.objects.get(reference="step-guide").title == "Guide révisé"


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        ({"files": "missing.pdf"}, "files"),
        ({"date": "2005-13-45"}, "date"),
        ({"themes": "astrology"}, "themes"),
        ({"countries": "XX"}, "countries"),
        ({"type": "poem"}, "type"),
        ({"year": "someday"}, "year"),
        ({"title": ""}, "title"),
        ({"rights_basis": "", "rights_holder": "Mutualité Française"}, "rights_basis"),
    ],
)
def test_bad_row_is_reported_with_row_and_field_and_others_still_import(
    libraries, tmp_path, two_rows, bad, field
):
    rows = [*two_rows, row(reference="bad-row", **bad)]
    out, err, error = run(write_manifest(tmp_path, rows))
    assert error is not None
    assert f"row 4, field '{field}'" in err
    assert "2 created" in out
    assert not ResourcePage.objects.filter(reference="bad-row").exists()


@pytest.mark.parametrize(
    ("bad", "field"),
    [
        ({"external_url": "www.ilo.org"}, "external_url"),
        ({"external_url": "javascript:alert(1)"}, "external_url"),
        ({"external_url": "ftp://ilo.org/guide.pdf"}, "external_url"),
        ({"isbn": "9" * 21}, "isbn"),
        ({"doi": "10." + "1" * 198}, "doi"),
        ({"publisher": "P" * 201}, "publisher"),
        ({"rights_holder": "H" * 201}, "rights_holder"),
        ({"permission_granted_by": "G" * 201}, "permission_granted_by"),
        ({"ilo_reference": "R" * 101}, "ilo_reference"),
    ],
)
def test_row_the_page_would_refuse_is_reported_not_crashing_the_import(
    libraries, tmp_path, two_rows, bad, field
):
    rows = [*two_rows, row(reference="bad-row", **bad)]
    out, err, error = run(write_manifest(tmp_path, rows))
    assert error is not None
    assert f"row 4, field '{field}'" in err
    assert "2 created" in out
    assert not ResourcePage.objects.filter(reference="bad-row").exists()


def test_valid_external_url_and_identifiers_are_imported(libraries, tmp_path):
    values = {"external_url": "https://www.ilo.org/guide", "isbn": "9" * 20, "doi": "1" * 200}
    out, err, error = run(write_manifest(tmp_path, [row(**values)]))
    assert error is None, err
    resource = ResourcePage.objects.get()
    assert (resource.external_url, resource.isbn, resource.doi) == tuple(values.values())


def test_duplicate_identifier_in_a_manifest_is_reported(libraries, tmp_path, two_rows):
    rows = [*two_rows, row(title="Doublon")]
    _out, err, error = run(write_manifest(tmp_path, rows))
    assert error is not None
    assert "row 4, field 'reference'" in err
    assert ResourcePage.objects.get(reference="step-guide").title != "Doublon"


def test_file_that_fails_the_content_check_is_reported(libraries, tmp_path, two_rows):
    (tmp_path / "virus.pdf").write_bytes(files.exe_bytes())
    rows = [*two_rows, row(reference="virus", files="virus.pdf")]
    _out, err, error = run(write_manifest(tmp_path, rows))
    assert "row 4, field 'files'" in err and "virus.pdf" in err


def test_json_manifest_is_accepted(libraries, tmp_path):
    rows = [
        {
            **row(),
            "authors": [{"name": "Diop", "given_names": "Awa"}, {"name": "BIT/STEP"}],
            "countries": ["SN", "ML"],
            "files": [{"path": "guide.pdf", "label": "Version française", "language": "fr"}],
        }
    ]
    out, _err, error = run(write_manifest(tmp_path, rows, "manifest.json"))
    assert error is None, _err
    assert "1 created" in out
    assert ResourcePage.objects.get().authors.count() == 2


def test_same_reference_in_both_languages_links_the_translations(libraries, tmp_path):
    rows = [row(), row(language="en", title="Feasibility study guide")]
    run(write_manifest(tmp_path, rows))
    french = ResourcePage.objects.get(locale__language_code="fr")
    english = ResourcePage.objects.get(locale__language_code="en")
    assert french.translation_key == english.translation_key


def test_folder_of_files_becomes_draft_resources(libraries, tmp_path):
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "rapport_annuel.pdf").write_bytes(files.pdf_bytes())
    out, _err, error = run(folder)
    assert error is None
    resource = ResourcePage.objects.get()
    assert resource.title == "Rapport annuel"
    assert resource.live is False


def test_editor_imports_a_manifest_from_the_admin(client, libraries, editor, settings, tmp_path):
    from allauth.mfa.totp.internal.auth import TOTP
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.LIBRARY_IMPORT_ROOT = tmp_path
    manifest = write_manifest(tmp_path, [row()])
    TOTP.activate(editor, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(editor)
    upload = SimpleUploadedFile("manifest.csv", manifest.read_bytes(), content_type="text/csv")
    response = client.post("/admin/library_imports/new/", {"manifest": upload})
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert job.status == "done"
    assert job.progress_percent == 100
    assert job.report["counts"]["created"] == 1
    assert ResourcePage.objects.get().live
    inspect = client.get(f"/admin/library_imports/inspect/{job.pk}/")
    assert inspect.status_code == 200


def test_admin_import_cannot_read_files_outside_the_import_folder(libraries, settings, tmp_path):
    from django.core.files.base import ContentFile

    from library.importer import run_job

    settings.LIBRARY_IMPORT_ROOT = tmp_path / "root"
    (tmp_path / "root").mkdir()
    (tmp_path / "secret.pdf").write_bytes(files.pdf_bytes())
    manifest = (
        "reference,language,title,summary,type,year,files,rights_basis\n"
        "x,fr,T,S,guide,2005,../secret.pdf,own\n"
    )
    job = ImportJob.objects.create(manifest=ContentFile(manifest.encode(), name="m.csv"))
    run_job(job.pk)
    job.refresh_from_db()
    assert job.report["errors"][0]["field"] == "files"
    assert "../secret.pdf" in job.report["errors"][0]["message"]


def test_admin_import_job_that_crashes_is_marked_failed(libraries, settings, tmp_path, monkeypatch):
    from django.core.files.base import ContentFile

    from library import importer

    def explode(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(importer, "import_rows", explode)
    settings.LIBRARY_IMPORT_ROOT = tmp_path
    manifest = "reference,language,title,summary,type,year\nx,fr,T,S,guide,2005\n"
    job = ImportJob.objects.create(manifest=ContentFile(manifest.encode(), name="m.csv"))
    assert importer.run_job(job.pk) == "failed"
    job.refresh_from_db()
    assert job.status == "failed"
    assert "disk on fire" in job.report["fatal"]
    assert job.finished_at is not None
