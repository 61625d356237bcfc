"""Stand-in for library.uploads.check_upload until the library app is merged (same interface)."""

from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from django.utils.translation import gettext as _

FORMATS = {"pdf": "application/pdf", "txt": "text/plain"}


@dataclass(frozen=True)
class CheckedFile:
    file_format: str
    safe_name: str

    @property
    def mime_type(self) -> str:
        return FORMATS[self.file_format]


def check_upload(file, name: str | None = None) -> CheckedFile:
    file.seek(0)
    head = file.read(8192)
    file.seek(0)
    if not head:
        raise ValidationError(_("This file is empty."), code="empty")
    if head.startswith(b"%PDF-"):
        file_format = "pdf"
    elif b"\x00" not in head and b"<" not in head.lower():
        file_format = "txt"
    else:
        raise ValidationError(_("This file's content is not in an accepted format."))
    stem = slugify(PurePath(name or file.name).stem)[:80] or "file"
    return CheckedFile(file_format, f"{stem}.{file_format}")
