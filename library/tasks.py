"""Background work of the library: text extraction and admin imports (django-tasks)."""

from django.utils import timezone
from django_tasks import task
from wagtail.documents import get_document_model

from .extraction import extract_text
from .models import DocumentText, ExtractionStatus


@task()
def extract_document_text(document_id: int) -> str:
    """Extract and store the text of one document; idempotent (skips an unchanged file)."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return "missing"
    file_hash = document.get_file_hash()
    record, _created = DocumentText.objects.get_or_create(document=document)
    if record.source_hash == file_hash and record.status != ExtractionStatus.PENDING:
        return record.status
    with document.open_file() as file:
        result = extract_text(file, document.file_extension)
    record.status = result.status
    record.text = result.text
    record.error = result.error
    record.source_hash = file_hash
    record.extracted_at = timezone.now()
    record.save()
    return record.status


@task()
def run_import_job(job_id: int) -> str:
    """Import an editor's uploaded manifest, recording progress on the ImportJob row."""
    from .importer import run_job

    return run_job(job_id)
