"""Download counts per resource, file and month."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DownloadCount(models.Model):
    """How many times a resource's file was downloaded in one month.

    Keyed by (resource, document, month) rather than by the file row, whose
    identity follows the page's revisions; incremented atomically with F().
    """

    resource = models.ForeignKey(
        "library.ResourcePage", related_name="download_counts", on_delete=models.CASCADE
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", related_name="download_counts", on_delete=models.CASCADE
    )
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    count = models.PositiveIntegerField(_("downloads"), default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")
        constraints = [
            models.UniqueConstraint(
                fields=["resource", "document", "month"], name="one_download_count_per_month"
            )
        ]
        indexes = [models.Index(fields=["resource", "month"])]

    def __str__(self):
        return f"{self.resource_id}/{self.document_id} {self.month:%Y-%m}: {self.count}"
