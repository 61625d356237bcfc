"""Forms of the library: checked document uploads and the admin import form."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from .models import ImportJob
from .uploads import check_upload


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE) with the library's content check.

    Applies to every document upload in the admin, single or multiple: the
    file must really be an accepted format, and it is stored under a
    sanitized name whose extension matches its content.
    """

    class Meta(BaseDocumentForm.Meta):
        pass

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file is None or "file" not in self.changed_data:
            return file
        checked = check_upload(file)
        file.name = checked.safe_name
        return file


class ImportJobForm(forms.ModelForm):
    """An editor's manifest upload (CSV or JSON); the import itself runs in the background."""

    class Meta:
        model = ImportJob
        fields = ["manifest", "dry_run"]
        help_texts = {
            "manifest": _(
                "A CSV or JSON manifest, one row per resource. File paths are read relative to "
                "the server's import folder."
            )
        }

    def clean_manifest(self):
        manifest = self.cleaned_data["manifest"]
        if not manifest.name.lower().endswith((".csv", ".json")):
            raise forms.ValidationError(_("Upload a CSV or JSON manifest."), code="format")
        return manifest
