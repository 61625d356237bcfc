"""Adding documents and their versions (files arrive already content-checked by the form)."""

from django.db import transaction
from django.db.models import Max

from projects.models import Document, DocumentVersion, Verb, Workspace

from .activity import record


def _add_version(document: Document, uploader, upload, checked, comment: str) -> DocumentVersion:
    last = document.versions.aggregate(last=Max("number"))["last"] or 0
    version = DocumentVersion(
        document=document,
        number=last + 1,
        filename=checked.safe_name,
        size=upload.size,
        content_type=checked.mime_type,
        comment=comment,
        uploaded_by=uploader,
    )
    version.file.save(checked.safe_name, upload, save=False)
    version.save()
    document.current_version = version
    document.save(update_fields=["current_version", "updated_at"])
    return version


@transaction.atomic
def add_document(
    workspace: Workspace,
    uploader,
    *,
    title: str,
    upload,
    checked,
    description: str = "",
    folder: str = "",
    comment: str = "",
) -> Document:
    document = Document.objects.create(
        workspace=workspace,
        title=title,
        description=description,
        folder=folder.strip(),
        created_by=uploader,
    )
    _add_version(document, uploader, upload, checked, comment)
    record(workspace, uploader, Verb.ADDED_DOCUMENT, title, f"documents/{document.pk}/")
    return document


@transaction.atomic
def add_version(
    document: Document, uploader, *, upload, checked, comment: str = ""
) -> DocumentVersion:
    locked = Document.objects.select_for_update().get(pk=document.pk)
    version = _add_version(locked, uploader, upload, checked, comment)
    record(
        locked.workspace,
        uploader,
        Verb.ADDED_VERSION,
        locked.title,
        f"documents/{locked.pk}/",
    )
    return version
