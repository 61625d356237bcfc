"""Text extracted from a document's file, for search and for editors to check."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExtractionStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for extraction")
    DONE = "done", _("Text extracted")
    EMPTY = "empty", _("No text found (scanned images?)")
    FAILED = "failed", _("Extraction failed")
    UNSUPPORTED = "unsupported", _("Format without text extraction")


class DocumentText(models.Model):
    """The text of one Wagtail document, extracted in the background.

    Keyed by document rather than stored on the resource's file row: page
    revisions rewrite their child rows when published, and a document shared
    by a resource and its translation is extracted once.
    """

    document = models.OneToOneField(
        "wagtaildocs.Document",
        related_name="extracted_text",
        on_delete=models.CASCADE,
        primary_key=True,
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ExtractionStatus.choices,
        default=ExtractionStatus.PENDING,
    )
    text = models.TextField(_("text"), blank=True)
    error = models.CharField(_("error"), max_length=500, blank=True)
    # The content hash the text was extracted from: extraction is skipped
    # when it matches the document's current file.
    source_hash = models.CharField(max_length=40, blank=True)
    extracted_at = models.DateTimeField(_("extracted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("extracted text")
        verbose_name_plural = _("extracted texts")

    def __str__(self):
        return f"{self.document_id}: {self.get_status_display()}"

    @property
    def has_problem(self) -> bool:
        return self.status in {ExtractionStatus.EMPTY, ExtractionStatus.FAILED}
