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


def document_form(user, data: bytes, name: str):
    """Wagtail's own document form class, as the admin's add views build it."""
    from wagtail.documents.forms import get_document_form
    from wagtail.documents.models import Document
    from wagtail.models import Collection

    form_class = get_document_form(Document)
    return form_class(
        {"title": "Document", "collection": Collection.get_first_root_node().pk},
        {"file": upload(data, name)},
        user=user,
    )


def test_wagtail_document_form_refuses_renamed_executable(editor):
    form = document_form(editor, files.exe_bytes(), "guide.pdf")
    assert not form.is_valid()
    assert form.errors.as_data()["file"][0].code == "executable"


def test_wagtail_document_form_refuses_html(editor):
    form = document_form(editor, files.html_bytes(), "page.pdf")
    assert not form.is_valid()
    assert form.errors.as_data()["file"][0].code == "markup"


def test_wagtail_document_form_stores_checked_file_under_a_safe_name(editor):
    form = document_form(editor, files.pdf_bytes(), "Guide étude.docx")
    assert form.is_valid(), form.errors
    assert form.save().filename == "guide-etude.pdf"


def test_editor_uploads_a_document_in_the_admin(client, editor):
    from allauth.mfa.totp.internal.auth import TOTP
    from wagtail.documents.models import Document

    TOTP.activate(editor, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(editor)
    response = client.post(
        "/admin/documents/add/",
        {"title": "Guide de gestion", "file": upload(files.pdf_bytes(), "guide.pdf")},
    )
    assert response.status_code == 302
    assert Document.objects.filter(title="Guide de gestion").exists()
