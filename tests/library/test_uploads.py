"""Uploads are checked by content: allowlisted formats only, whatever the file's name."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from library.uploads import check_upload, safe_filename

from . import files


def upload(data: bytes, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (files.pdf_bytes(), "guide.pdf", "pdf"),
        (files.docx_bytes(), "manuel.docx", "docx"),
        (files.odt_bytes(), "programme.odt", "odt"),
        (files.xlsx_bytes(), "cotisations.xlsx", "xlsx"),
        (files.pptx_bytes(), "presentation.pptx", "pptx"),
        (files.txt_bytes(), "notes.txt", "txt"),
        (files.software_zip_bytes(), "mas-gestion.zip", "zip"),
    ],
)
def test_accepted_formats_are_recognised_by_content(data, name, expected):
    assert check_upload(upload(data, name)).file_format == expected


def test_format_comes_from_content_not_from_the_name():
    checked = check_upload(upload(files.pdf_bytes(), "rapport.docx"))
    assert checked.file_format == "pdf"
    assert checked.safe_name == "rapport.pdf"


@pytest.mark.parametrize(
    ("data", "name", "code"),
    [
        (files.html_bytes(), "page.html", "markup"),
        (files.html_bytes(), "page-renamed.pdf", "markup"),
        (files.svg_bytes(), "logo.svg", "markup"),
        (files.svg_bytes(), "logo.txt", "markup"),
        (files.exe_bytes(), "setup.exe", "executable"),
        (files.exe_bytes(), "guide.pdf", "executable"),
        (files.elf_bytes(), "outil.zip", "executable"),
        (files.shell_script_bytes(), "install.txt", "executable"),
        (files.docm_bytes(), "macro.docx", "macros"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "image.pdf", "unsupported_format"),
        (b"", "vide.pdf", "empty"),
        (b"PK\x03\x04broken", "archive.zip", "corrupt_archive"),
    ],
)
def test_dangerous_or_unknown_content_is_refused_with_a_clear_message(data, name, code):
    with pytest.raises(ValidationError) as error:
        check_upload(upload(data, name))
    assert error.value.code == code
    assert error.value.messages[0]


def test_files_over_the_size_limit_are_refused(settings):
    settings.LIBRARY_MAX_UPLOAD_BYTES = 100
    with pytest.raises(ValidationError) as error:
        check_upload(upload(files.pdf_bytes(), "guide.pdf"))
    assert error.value.code == "too_large"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("Guide étude faisabilité (v2).PDF", "guide-etude-faisabilite-v2.pdf"),
        ("<script>.pdf", "script.pdf"),
        ("....pdf", "file.pdf"),
    ],
)
def test_file_names_are_sanitized(name, expected):
    assert safe_filename(name, "pdf") == expected


def root_collection() -> int:
    from wagtail.models import Collection

    return Collection.get_first_root_node().pk


@pytest.fixture
def editor_client(client, editor):
    from allauth.mfa.totp.internal.auth import TOTP

    TOTP.activate(editor, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(editor)
    return client


def test_wagtail_document_upload_refuses_renamed_executable(editor_client):
    from wagtail.documents.models import Document

    response = editor_client.post(
        "/admin/documents/add/",
        {
            "title": "Setup",
            "file": upload(files.exe_bytes(), "guide.pdf"),
            "collection": root_collection(),
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors.as_data()["file"][0].code == "executable"
    assert not Document.objects.exists()


def test_wagtail_document_upload_stores_checked_file_under_a_safe_name(editor_client):
    from wagtail.documents.models import Document

    response = editor_client.post(
        "/admin/documents/add/",
        {
            "title": "Guide",
            "file": upload(files.pdf_bytes(), "Guide étude.docx"),
            "collection": root_collection(),
        },
    )
    assert response.status_code == 302
    assert Document.objects.get().filename == "guide-etude.pdf"


def test_wagtail_multiple_upload_refuses_html(editor_client):
    from wagtail.documents.models import Document

    response = editor_client.post(
        "/admin/documents/multiple/add/",
        {"files[]": upload(files.html_bytes(), "page.pdf"), "collection": root_collection()},
    )
    assert response.json()["success"] is False
    assert not Document.objects.exists()
