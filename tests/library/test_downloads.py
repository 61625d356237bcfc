"""Downloads go through a view that checks visibility, counts, and sends safe headers."""

import datetime

import pytest

from library.models import DownloadCount
from library.services import downloads_by_month, record_download

from . import files
from .factories import ResourceFileFactory, ResourcePageFactory, make_document


@pytest.fixture
def resource(fr_library):
    return ResourcePageFactory(parent=fr_library, title="Guide MAS Gestion")


def test_pdf_is_served_inline_with_nosniff(client, resource):
    resource_file = ResourceFileFactory(resource=resource)
    response = client.get(resource_file.download_url)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("data", "name"),
    [(files.docx_bytes(), "manuel.docx"), (files.software_zip_bytes(), "mas.zip")],
)
def test_other_formats_are_sent_as_attachments(client, resource, data, name):
    resource_file = ResourceFileFactory(resource=resource, document=make_document(data, name))
    response = client.get(resource_file.download_url)
    assert response["Content-Disposition"].startswith("attachment")
    assert name in response["Content-Disposition"]


def test_each_download_is_counted_for_the_month(client, resource):
    resource_file = ResourceFileFactory(resource=resource)
    client.get(resource_file.download_url)
    client.get(resource_file.download_url)
    assert DownloadCount.objects.get(resource=resource).count == 2


def test_head_request_is_not_counted(client, resource):
    resource_file = ResourceFileFactory(resource=resource)
    client.head(resource_file.download_url)
    assert not DownloadCount.objects.exists()


def test_wrong_file_name_is_not_found(client, resource):
    resource_file = ResourceFileFactory(resource=resource)
    assert client.get(f"/library/files/{resource_file.pk}/other.pdf").status_code == 404


def test_downloads_are_reported_by_month_and_file(resource):
    resource_file = ResourceFileFactory(resource=resource)
    record_download(resource_file, datetime.date(2026, 1, 15))
    record_download(resource_file, datetime.date(2026, 1, 20))
    record_download(resource_file, datetime.date(2026, 2, 2))
    rows = downloads_by_month(resource)
    assert [(row["month"], row["total"]) for row in rows] == [
        (datetime.date(2026, 2, 1), 1),
        (datetime.date(2026, 1, 1), 2),
    ]


def test_editors_see_download_statistics_in_the_admin(client, resource, editor):
    from allauth.mfa.totp.internal.auth import TOTP

    resource_file = ResourceFileFactory(resource=resource)
    record_download(resource_file, datetime.date(2026, 1, 15))
    TOTP.activate(editor, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    client.force_login(editor)
    report = client.get("/admin/reports/library-downloads/")
    assert report.status_code == 200
    assert "Guide MAS Gestion" in report.content.decode()
    edit = client.get(f"/admin/pages/{resource.pk}/edit/").content.decode()
    assert "2026" in edit
