"""Documents: content-checked uploads, versions that keep the old ones, private downloads."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from library.models import ResourcePage
from projects.models import Document, Role
from tests.library import files
from tests.library.factories import LibraryIndexPageFactory

from .conftest import member_of
from .factories import DocumentFactory, WorkspaceFactory

pytestmark = pytest.mark.django_db


def upload(client, workspace, content: bytes, name: str, **fields):
    return client.post(
        reverse("projects:document_upload", kwargs={"slug": workspace.slug}),
        {"title": "Compte rendu", "file": SimpleUploadedFile(name, content), **fields},
    )


def new_version(client, document, content: bytes, name: str, **fields):
    return client.post(
        document.get_absolute_url(), {"file": SimpleUploadedFile(name, content), **fields}
    )


def download(client, document, number):
    return client.get(
        reverse(
            "projects:download",
            kwargs={"slug": document.workspace.slug, "pk": document.pk, "number": number},
        )
    )


def test_member_uploads_a_docx(client, workspace_files):
    workspace = WorkspaceFactory()
    client.force_login(member_of(workspace))

    response = upload(client, workspace, files.docx_bytes(), "CR atelier.docx", folder="Ateliers")

    document = Document.objects.get(workspace=workspace)
    version = document.current_version
    assert response["Location"] == document.get_absolute_url()
    assert document.folder == "Ateliers"
    assert version.filename == "cr-atelier.docx"
    assert version.content_type.endswith("wordprocessingml.document")
    assert workspace_files.exists(version.file.name)


def test_observer_cannot_upload(client):
    workspace = WorkspaceFactory()
    client.force_login(member_of(workspace, Role.OBSERVER))

    response = upload(client, workspace, files.pdf_bytes(), "rapport.pdf")

    assert response.status_code == 403
    assert "observer" in response.content.decode()
    assert not Document.objects.exists()


def test_observer_cannot_upload_a_new_version(client):
    document = DocumentFactory()
    client.force_login(member_of(document.workspace, Role.OBSERVER))

    response = new_version(client, document, files.pdf_bytes(), "v2.pdf")

    assert response.status_code == 403
    assert document.versions.count() == 1


def test_upload_to_an_archived_workspace_is_refused(client):
    workspace = WorkspaceFactory(status="archived")
    client.force_login(member_of(workspace))

    response = upload(client, workspace, files.pdf_bytes(), "rapport.pdf")

    assert response.status_code == 403
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (files.html_bytes(), "rapport.pdf", "web page files are not accepted"),
        (files.exe_bytes(), "outil.pdf", "Programs and scripts are not accepted"),
        (files.docm_bytes(), "macro.docx", "macros are not accepted"),
        (b"", "vide.pdf", "empty"),
    ],
)
def test_files_are_checked_by_content_whatever_their_name(client, content, name, message):
    workspace = WorkspaceFactory()
    client.force_login(member_of(workspace))

    response = upload(client, workspace, content, name)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Document.objects.exists()


def test_too_large_file_is_refused_with_the_limit(client, settings):
    settings.PROJECTS_UPLOAD_MAX_BYTES = 1000
    workspace = WorkspaceFactory()
    client.force_login(member_of(workspace))

    response = upload(client, workspace, files.pdf_bytes("x" * 5000), "gros.pdf")

    assert response.status_code == 400
    assert "too large" in response.content.decode()


def test_new_version_keeps_the_old_ones(client):
    document = DocumentFactory()
    client.force_login(member_of(document.workspace))

    new_version(client, document, files.pdf_bytes("Version deux"), "v2.pdf", comment="Relu")

    document.refresh_from_db()
    assert document.current_version.number == 2
    assert document.current_version.comment == "Relu"
    assert download(client, document, 1).status_code == 200
    assert download(client, document, 2).status_code == 200


def test_download_serves_the_file_as_an_attachment_kept_private(client):
    document = DocumentFactory(workspace=WorkspaceFactory(visibility="members"))
    client.force_login(member_of(document.workspace))

    response = download(client, document, 1)

    assert response["Content-Disposition"].startswith('attachment; filename="rapport.pdf"')
    assert "private" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_non_member_cannot_download_from_a_members_only_workspace(client, member):
    document = DocumentFactory(workspace=WorkspaceFactory(visibility="members"))
    client.force_login(member)

    response = download(client, document, 1)

    assert response.status_code == 403
    assert b"%PDF" not in response.content


def test_workspace_files_are_stored_outside_the_public_media_folder(settings):
    location = Path(settings.STORAGES["workspace_files"]["OPTIONS"]["location"])

    assert not location.is_relative_to(Path(settings.MEDIA_ROOT))


def test_version_of_one_workspace_cannot_be_fetched_through_another(client):
    document = DocumentFactory(workspace=WorkspaceFactory(visibility="secret"))
    mine = WorkspaceFactory()
    client.force_login(member_of(mine))

    response = client.get(
        reverse("projects:download", kwargs={"slug": mine.slug, "pk": document.pk, "number": 1})
    )

    assert response.status_code == 404


def test_documents_list_costs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    workspace = WorkspaceFactory()
    for _ in range(12):
        DocumentFactory(workspace=workspace)
    client.force_login(member_of(workspace))

    with django_assert_max_num_queries(20):
        response = client.get(reverse("projects:documents", kwargs={"slug": workspace.slug}))

    assert response.status_code == 200


@pytest.fixture
def library(site_pages, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    home = site_pages["fr"]
    return LibraryIndexPageFactory(parent=home, locale=home.locale)


def test_coordinator_publishes_a_document_as_a_draft_library_resource(client, library):
    document = DocumentFactory(title="Étude de faisabilité de la mutuelle de Thiès")
    client.force_login(member_of(document.workspace, Role.COORDINATOR))

    client.post(
        reverse(
            "projects:document_publish",
            kwargs={"slug": document.workspace.slug, "pk": document.pk},
        )
    )

    resource = ResourcePage.objects.get()
    assert resource.title == "Étude de faisabilité de la mutuelle de Thiès"
    assert not resource.live
    assert resource.get_parent().pk == library.pk
    assert resource.files.get().document.file.read().startswith(b"%PDF")
    document.refresh_from_db()
    assert document.library_resource == resource


def test_member_cannot_publish_to_the_library(client, library):
    document = DocumentFactory()
    client.force_login(member_of(document.workspace))

    response = client.post(
        reverse(
            "projects:document_publish",
            kwargs={"slug": document.workspace.slug, "pk": document.pk},
        )
    )

    assert response.status_code == 403
    assert not ResourcePage.objects.exists()


def test_a_document_is_sent_to_the_library_once(client, library):
    document = DocumentFactory()
    client.force_login(member_of(document.workspace, Role.COORDINATOR))
    publish_url = reverse(
        "projects:document_publish", kwargs={"slug": document.workspace.slug, "pk": document.pk}
    )
    client.post(publish_url)

    response = client.post(publish_url, follow=True)

    assert "already been sent" in response.content.decode()
    assert ResourcePage.objects.count() == 1
