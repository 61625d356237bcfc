"""Turn a document's file into plain text for search (PDF, DOCX, ODT, TXT, HTML).

Extraction never raises: every failure (encrypted, damaged, image-only PDF)
becomes a result that is recorded on the document and shown to editors.
"""

import logging
from dataclasses import dataclass

from bs4 import BeautifulSoup
from django.utils.translation import gettext_noop

from .models import ExtractionStatus

logger = logging.getLogger(__name__)

# Enough for a very long report; protects the database from pathological files.
MAX_TEXT_CHARS = 2_000_000


@dataclass(frozen=True)
class ExtractionResult:
    status: str
    text: str = ""
    error: str = ""


def extract_text(file, file_format: str) -> ExtractionResult:
    """Extract the text of an open binary `file` whose (checked) format is `file_format`."""
    extractor = EXTRACTORS.get(file_format.lower())
    if extractor is None:
        return ExtractionResult(ExtractionStatus.UNSUPPORTED)
    try:
        text = extractor(file)
    except EncryptedDocument:
        return ExtractionResult(
            ExtractionStatus.FAILED, error=gettext_noop("The file is encrypted.")
        )
    except Exception as exc:  # noqa: BLE001 - any parser error means an unreadable file
        logger.info("Text extraction failed for a %s file: %r", file_format, exc)
        return ExtractionResult(
            ExtractionStatus.FAILED,
            error=gettext_noop("The file is damaged or cannot be read."),
        )
    text = _normalise(text)
    if not text:
        return ExtractionResult(
            ExtractionStatus.EMPTY,
            error=gettext_noop("No text found: the file may contain only scanned images."),
        )
    return ExtractionResult(ExtractionStatus.DONE, text=text)


class EncryptedDocument(Exception):
    pass


def _pdf_text(file) -> str:
    from pypdf import PdfReader

    reader = PdfReader(file)
    # Many PDFs are "encrypted" with an empty user password (only to restrict
    # printing or copying): they open without one.
    if reader.is_encrypted and not reader.decrypt(""):
        raise EncryptedDocument
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx_text(file) -> str:
    import docx

    document = docx.Document(file)
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _odt_text(file) -> str:
    from odf import teletype
    from odf import text as odf_text
    from odf.opendocument import load

    document = load(file)
    elements = document.getElementsByType(odf_text.H) + document.getElementsByType(odf_text.P)
    return "\n".join(teletype.extractText(element) for element in elements)


def _plain_text(file) -> str:
    return _decode(file.read())


def _html_text(file) -> str:
    soup = BeautifulSoup(_decode(file.read()), "html.parser")
    for element in soup(["script", "style", "template"]):
        element.decompose()
    return soup.get_text("\n")


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _normalise(text: str) -> str:
    # PostgreSQL text cannot hold NUL characters; blank lines carry no meaning.
    lines = (line.strip() for line in text.replace("\x00", "").splitlines())
    return "\n".join(line for line in lines if line)[:MAX_TEXT_CHARS]


EXTRACTORS = {
    "pdf": _pdf_text,
    "docx": _docx_text,
    "odt": _odt_text,
    "txt": _plain_text,
    "html": _html_text,
    "htm": _html_text,
}
