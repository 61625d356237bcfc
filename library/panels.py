"""Read-only panels of the resource editor: text extraction status and download statistics."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class ExtractionStatusPanel(Panel):
    """Shows editors, file by file, whether the text was extracted (search depends on it)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "library/admin/extraction_status_panel.html"

        def get_context_data(self, parent_context=None):
            from .models import DocumentText

            context = super().get_context_data(parent_context)
            files = list(self.instance.files.all()) if self.instance.pk else []
            texts = DocumentText.objects.in_bulk([file.document_id for file in files])
            context["rows"] = [(file, texts.get(file.document_id)) for file in files]
            return context


class DownloadStatsPanel(Panel):
    """Downloads of this resource by month and file."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "library/admin/download_stats_panel.html"

        def get_context_data(self, parent_context=None):
            from .services import downloads_by_month

            context = super().get_context_data(parent_context)
            context["rows"] = downloads_by_month(self.instance) if self.instance.pk else []
            return context


def extraction_status_panel():
    return ExtractionStatusPanel(heading=_("Text extraction"))


def download_stats_panel():
    return DownloadStatsPanel(heading=_("Downloads by month"))
