"""Text extraction from real small files of each format, in the background task."""

import io

import pytest
from django.utils import translation

from library.extraction import extract_text
from library.models import DocumentText, ExtractionStatus
from library.services import full_texts, resource_full_text
from library.tasks import extract_document_text

from . import files
from .factories import ResourceFileFactory, ResourcePageFactory, make_document


@pytest.mark.parametrize(
    ("data", "file_format", "expected"),
    [
        (files.pdf_bytes("Guide de l'etude de faisabilite"), "pdf", "faisabilite"),
        (files.docx_bytes("Manuel de gestion MAS Gestion"), "docx", "Manuel de gestion"),
        (files.odt_bytes("Programme du séminaire de Dakar"), "odt", "séminaire de Dakar"),
        (files.txt_bytes("Réseau La Concertation"), "txt", "La Concertation"),
        (files.html_bytes("Bulletin G-NEWS numéro 1"), "html", "G-NEWS numéro 1"),
    ],
)
def test_text_is_extracted_from_each_format(data, file_format, expected):
    result = extract_text(io.BytesIO(data), file_format)
    assert result.status == ExtractionStatus.DONE
    assert expected in result.text


def test_html_extraction_drops_scripts():
    result = extract_text(io.BytesIO(files.html_bytes("Texte")), "html")
    assert "alert" not in result.text


def test_encrypted_pdf_is_recorded_as_failed():
    result = extract_text(io.BytesIO(files.encrypted_pdf_bytes()), "pdf")
    assert result.status == ExtractionStatus.FAILED
    assert "encrypted" in result.error


def test_corrupt_pdf_is_recorded_as_failed():
    result = extract_text(io.BytesIO(files.corrupt_pdf_bytes()), "pdf")
    assert result.status == ExtractionStatus.FAILED


def test_scanned_pdf_without_text_is_recorded_as_empty():
    result = extract_text(io.BytesIO(files.image_only_pdf_bytes()), "pdf")
    assert result.status == ExtractionStatus.EMPTY


def test_formats_without_text_extraction_are_marked_unsupported():
    assert extract_text(io.BytesIO(files.software_zip_bytes()), "zip").status == "unsupported"


def test_adding_a_file_to_a_resource_extracts_its_text(fr_library):
    resource = ResourcePageFactory(parent=fr_library)
    document = make_document(files.pdf_bytes("Etude de faisabilite Thies"), "etude.pdf")
    ResourceFileFactory(resource=resource, document=document)
    record = DocumentText.objects.get(document=document)
    assert record.status == ExtractionStatus.DONE
    assert "Thies" in record.text


def test_extraction_is_idempotent(fr_library):
    document = make_document(files.pdf_bytes("Texte stable"), "stable.pdf")
    ResourceFileFactory(resource=ResourcePageFactory(parent=fr_library), document=document)
    first = DocumentText.objects.get(document=document).extracted_at
    result = extract_document_text.call(document.pk)
    assert result == ExtractionStatus.DONE
    assert DocumentText.objects.get(document=document).extracted_at == first


def test_extraction_failure_does_not_block_publishing(fr_library):
    resource = ResourcePageFactory(parent=fr_library, live=False)
    document = make_document(files.encrypted_pdf_bytes(), "secret.pdf")
    ResourceFileFactory(resource=resource, document=document)
    resource.save_revision().publish()
    resource.refresh_from_db()
    assert resource.live
    assert DocumentText.objects.get(document=document).status == ExtractionStatus.FAILED


def test_extraction_problem_is_shown_to_editors_in_the_admin(client, fr_library, editor):
    from allauth.mfa.totp.internal.auth import TOTP

    resource = ResourcePageFactory(parent=fr_library)
    ResourceFileFactory(
        resource=resource, document=make_document(files.corrupt_pdf_bytes(), "casse.pdf")
    )
    TOTP.activate(editor, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(editor)
    html = client.get(f"/admin/pages/{resource.pk}/edit/").content.decode()
    with translation.override("fr"):
        assert str(ExtractionStatus.FAILED.label) in html


def test_full_text_of_a_resource_joins_metadata_and_files(fr_library):
    resource = ResourcePageFactory(parent=fr_library, title="Guide MAS")
    ResourceFileFactory(
        resource=resource,
        document=make_document(files.docx_bytes("cotisations mensuelles"), "m.docx"),
    )
    assert "cotisations mensuelles" in resource_full_text(resource)
    assert "Guide MAS" in resource_full_text(resource)
    assert "cotisations" in full_texts([resource.pk])[resource.pk]
