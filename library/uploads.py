"""Check files by their content before they enter the library.

Names and browsers' content types are whatever the uploader says; only the
bytes count. PDF, DOCX, ODT, XLSX, PPTX, plain text and ZIP archives (for
software) are accepted; HTML, SVG, executables and scripts are refused even
when renamed, because the portal serves files back to readers.
"""

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext as _

SNIFF_BYTES = 8192
MAX_NAME_LENGTH = 80

ACCEPTED_FORMATS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "txt": "text/plain",
    "zip": "application/zip",
}
# Parts that identify each Office Open XML format inside its ZIP container.
OOXML_PARTS = {
    "word/document.xml": "docx",
    "xl/workbook.xml": "xlsx",
    "ppt/presentation.xml": "pptx",
}
EXECUTABLE_SIGNATURES = (b"MZ", b"\x7fELF", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"#!")
MARKUP_MARKERS = (b"<!doctype html", b"<html", b"<svg", b"<script", b"<body", b"<iframe")


@dataclass(frozen=True)
class CheckedFile:
    """What the content check found: the real format and a safe file name for it."""

    file_format: str
    safe_name: str

    @property
    def mime_type(self) -> str:
        return ACCEPTED_FORMATS[self.file_format]


def accepted_formats_label() -> str:
    return ", ".join(name.upper() for name in ACCEPTED_FORMATS)


def check_upload(file, name: str | None = None) -> CheckedFile:
    """Return the file's real format and a sanitized name, or raise a ValidationError.

    `file` is any Django File (an upload or a file opened from disk); it is
    left rewound.
    """
    limit = settings.LIBRARY_MAX_UPLOAD_BYTES
    if file.size > limit:
        raise ValidationError(
            _("This file is too large (%(size)s). The maximum is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    file.seek(0)
    head = file.read(SNIFF_BYTES)
    file.seek(0)
    try:
        file_format = _detect_format(file, head)
    finally:
        file.seek(0)
    return CheckedFile(file_format, safe_filename(name or file.name, file_format))


def safe_filename(name: str, file_format: str) -> str:
    """An ASCII, path-free name whose extension matches the checked content."""
    stem = slugify(PurePath(name or "").stem.replace("_", "-"))[:MAX_NAME_LENGTH].strip("-")
    return f"{stem or 'file'}.{file_format}"


def _detect_format(file, head: bytes) -> str:
    if not head:
        raise ValidationError(_("This file is empty."), code="empty")
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(EXECUTABLE_SIGNATURES):
        raise ValidationError(
            _(
                "Programs and scripts are not accepted, even renamed. "
                "To share software, upload it as a ZIP archive."
            ),
            code="executable",
        )
    if head.startswith(b"PK\x03\x04"):
        return _detect_zip_format(file)
    text_format = _detect_text_format(head)
    if text_format:
        return text_format
    guessed = filetype.guess(head)
    if guessed is not None and guessed.mime.startswith("application/x-"):
        raise ValidationError(
            _(
                "Programs and scripts are not accepted, even renamed. "
                "To share software, upload it as a ZIP archive."
            ),
            code="executable",
        )
    raise ValidationError(
        _("This file's content is not in an accepted format (%(formats)s).")
        % {"formats": accepted_formats_label()},
        code="unsupported_format",
    )


def _detect_zip_format(file) -> str:
    try:
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                if mimetype == ACCEPTED_FORMATS["odt"]:
                    return "odt"
                raise ValidationError(
                    _(
                        "Only OpenDocument text files (ODT) are accepted among OpenDocument "
                        "formats; save spreadsheets as XLSX and presentations as PPTX."
                    ),
                    code="unsupported_format",
                )
            if "[Content_Types].xml" in names:
                content_types = archive.read("[Content_Types].xml").lower()
                if b"macroenabled" in content_types or "word/vbaProject.bin" in names:
                    raise ValidationError(
                        _("Office documents with macros are not accepted."), code="macros"
                    )
                for part, office_format in OOXML_PARTS.items():
                    if part in names:
                        return office_format
    except zipfile.BadZipFile as exc:
        raise ValidationError(
            _("This archive is damaged and cannot be opened."), code="corrupt_archive"
        ) from exc
    return "zip"


def _detect_text_format(head: bytes) -> str | None:
    """Plain text is accepted; text that is really HTML, SVG or XML markup is not."""
    if b"\x00" in head:
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of the sniffed bytes is still text.
        if exc.start < len(head) - 4:
            try:
                text = head.decode("cp1252")
            except UnicodeDecodeError:
                return None
        else:
            text = head[: exc.start].decode("utf-8")
    lowered = text.lower().encode()
    if any(marker in lowered for marker in MARKUP_MARKERS) or lowered.lstrip().startswith(b"<?xml"):
        raise ValidationError(
            _(
                "HTML, SVG and other web page files are not accepted: they can run scripts in "
                "readers' browsers. Upload a PDF instead."
            ),
            code="markup",
        )
    return "txt"
