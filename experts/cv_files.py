"""Uploaded CV files: accepted by their content (PDF or DOCX only), and their text.

The extension a member gives a file says nothing: an executable renamed
"cv.pdf" must be refused, so the bytes are sniffed and then parsed by the
library that will later extract the text.
"""

import io
import logging
import zipfile

import docx
import filetype
import pypdf
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

PDF = "pdf"
DOCX = "docx"
ACCEPTED_EXTENSIONS = {PDF, DOCX}
ACCEPT_ATTRIBUTE = (
    "application/pdf,.pdf,"
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document,.docx"
)
# Text kept for search: a CV longer than this is not a CV.
MAX_TEXT_CHARS = 100_000


def detect_kind(file) -> str | None:
    """ "pdf" or "docx" from the file's first bytes, None for anything else."""
    file.seek(0)
    head = file.read(8192)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    guessed = filetype.guess_extension(head)
    if guessed == DOCX or (guessed == "zip" and _is_docx_package(file)):
        return DOCX
    return None


def _is_docx_package(file) -> bool:
    try:
        with zipfile.ZipFile(file) as package:
            return "word/document.xml" in package.namelist()
    except zipfile.BadZipFile:
        return False
    finally:
        file.seek(0)


def validate_cv_file(file) -> None:
    """Refuse files over the size limit, of another type, or that can't be opened."""
    limit = settings.EXPERTS_CV_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). The maximum is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    kind = detect_kind(file)
    if kind is None:
        raise ValidationError(
            _("This file is not a PDF or a Word (DOCX) document. Upload your CV as PDF or DOCX."),
            code="unsupported_type",
        )
    extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
    if extension != kind:
        raise ValidationError(
            _("The file's name ends in “.%(extension)s” but it is a %(kind)s document.")
            % {"extension": extension, "kind": kind.upper()},
            code="extension_mismatch",
        )
    try:
        _open(file, kind)
    except Exception as exc:
        # Parsers raise many kinds of errors on damaged files; all mean "unreadable".
        logger.info("Unreadable CV file refused: %s", exc)
        raise ValidationError(
            _("This %(kind)s document is damaged or protected and can't be read.")
            % {"kind": kind.upper()},
            code="unreadable",
        ) from exc
    finally:
        file.seek(0)


def _open(file, kind: str):
    """Parse the document (a PdfReader or a python-docx Document); raises if it is damaged."""
    file.seek(0)
    data = io.BytesIO(file.read())
    file.seek(0)
    if kind == PDF:
        reader = pypdf.PdfReader(data)
        if reader.is_encrypted:
            raise ValueError("encrypted PDF")
        if not reader.pages:
            raise ValueError("PDF without pages")
        return reader
    return docx.Document(data)


def extract_text(file, kind: str) -> str:
    """The document's text, for search; raises on damaged files."""
    document = _open(file, kind)
    if kind == PDF:
        parts = [page.extract_text() or "" for page in document.pages]
    else:
        parts = [paragraph.text for paragraph in document.paragraphs]
        parts += [
            cell.text for table in document.tables for row in table.rows for cell in row.cells
        ]
    text = "\n".join(part.strip() for part in parts if part.strip())
    return text.replace("\x00", "")[:MAX_TEXT_CHARS]
