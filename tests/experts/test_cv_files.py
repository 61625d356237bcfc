"""CV files: accepted by content (PDF or DOCX), size-limited, their text extracted for search."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from experts.models import ExpertProfile
from experts.permissions import Visibility
from tests.experts.factories import ExpertProfileFactory
from tests.experts.files import (
    docx_upload,
    executable_upload,
    oversized_pdf_upload,
    pdf_bytes,
    pdf_upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def expert(client, site_pages, member):
    client.force_login(member)
    return ExpertProfileFactory(user=member, visibility=Visibility.MEMBERS)


def upload(client, file):
    return client.post("/en/experts/me/edit/cv-file/", {"cv_file": file})


def test_pdf_cv_is_stored_and_its_text_extracted(client, expert):
    response = upload(client, pdf_upload("Actuarial studies for mutuals in Mali"))

    assert response.status_code == 302
    expert.refresh_from_db()
    assert expert.cv_file.name.endswith(".pdf")
    assert "Actuarial studies for mutuals in Mali" in expert.cv_text


def test_docx_cv_is_stored_and_its_text_extracted(client, expert):
    upload(client, docx_upload("MAS Gestion trainer in Burkina Faso"))

    expert.refresh_from_db()
    assert expert.cv_file.name.endswith(".docx")
    assert "MAS Gestion trainer in Burkina Faso" in expert.cv_text


def test_extracted_text_makes_the_expert_findable_in_the_bank(client, expert):
    upload(client, pdf_upload("Microinsurance pricing"))

    response = client.get("/en/experts/", {"q": "pricing"})

    assert [profile.pk for profile in response.context["page_obj"]] == [expert.pk]


def test_executable_renamed_pdf_is_refused(client, expert):
    response = upload(client, executable_upload("cv.pdf"))

    assert response.status_code == 400
    assert "This file is not a PDF or a Word (DOCX) document." in response.content.decode()
    expert.refresh_from_db()
    assert not expert.cv_file


def test_thirty_megabyte_cv_is_refused_with_the_limit(client, expert):
    response = upload(client, oversized_pdf_upload(30))

    body = response.content.decode()
    assert response.status_code == 400
    assert "The file is too large (30.0" in body
    assert "The maximum is 10.0\xa0MB" in body


def test_size_limit_comes_from_the_setting(client, expert, settings):
    settings.EXPERTS_CV_MAX_BYTES = 1024

    response = upload(client, pdf_upload("x" * 2000))

    assert response.status_code == 400
    assert "The maximum is 1.0\xa0KB" in response.content.decode()


def test_pdf_renamed_docx_is_refused(client, expert):
    response = upload(client, pdf_upload(name="cv.docx"))

    assert response.status_code == 400
    assert "it is a PDF document" in response.content.decode()


def test_damaged_pdf_is_refused(client, expert):
    broken = SimpleUploadedFile("cv.pdf", pdf_bytes("x")[:40], content_type="application/pdf")

    response = upload(client, broken)

    assert response.status_code == 400
    assert "damaged or protected" in response.content.decode()


def test_zip_that_is_not_a_word_document_is_refused(client, expert):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("payload.exe", b"MZ")
    response = upload(client, SimpleUploadedFile("cv.docx", data.getvalue()))

    assert response.status_code == 400
    assert "not a PDF or a Word (DOCX) document" in response.content.decode()


def test_replacing_the_cv_file_replaces_its_text(client, expert):
    upload(client, pdf_upload("First version"))
    upload(client, docx_upload("Second version"))

    expert.refresh_from_db()
    assert "Second version" in expert.cv_text
    assert "First version" not in expert.cv_text


def test_removing_the_cv_file_clears_its_text_and_sharing(client, expert):
    upload(client, pdf_upload("Some text"))
    ExpertProfile.objects.filter(pk=expert.pk).update(cv_downloadable=True)

    client.post("/en/experts/me/edit/cv-file/", {"remove": "on"})

    expert.refresh_from_db()
    assert not expert.cv_file
    assert expert.cv_text == ""
    assert not expert.cv_downloadable


def test_cv_file_of_a_deleted_profile_is_removed_from_storage(
    client, expert, django_capture_on_commit_callbacks
):
    upload(client, pdf_upload("Some text"))
    expert.refresh_from_db()
    storage, name = expert.cv_file.storage, expert.cv_file.name

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/experts/me/delete/", {"confirm": "on"})

    assert not ExpertProfile.objects.filter(pk=expert.pk).exists()
    assert not storage.exists(name)
