"""Real small files of every format the library meets, generated on the fly for tests."""

import io
import zipfile

import docx
from fpdf import FPDF
from odf import text as odf_text
from odf.opendocument import OpenDocumentText
from pypdf import PdfReader, PdfWriter


def pdf_bytes(text: str = "Guide de l'étude de faisabilité d'une mutuelle de santé") -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.multi_cell(0, 8, text)
    return bytes(pdf.output())


def image_only_pdf_bytes() -> bytes:
    """A 'scanned' PDF: one page with a drawing and no text layer."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_fill_color(120, 120, 120)
    pdf.rect(20, 20, 120, 160, style="F")
    return bytes(pdf.output())


def encrypted_pdf_bytes(text: str = "Confidentiel") -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes(text))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def corrupt_pdf_bytes() -> bytes:
    return b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf at all\n"


def docx_bytes(text: str = "Manuel de gestion des mutuelles de santé") -> bytes:
    document = docx.Document()
    document.add_heading("MAS Gestion", level=1)
    document.add_paragraph(text)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def odt_bytes(text: str = "Programme du séminaire sur la micro-assurance santé") -> bytes:
    document = OpenDocumentText()
    document.text.addElement(odf_text.P(text=text))
    output = io.BytesIO()
    document.write(output)
    return output.getvalue()


def txt_bytes(text: str = "Réseau La Concertation : partenariats régionaux") -> bytes:
    return text.encode("utf-8")


def html_bytes(text: str = "Bulletin G-NEWS") -> bytes:
    page = (
        "<!DOCTYPE html><html><head><script>alert(1)</script></head><body><p>{}</p></body></html>"
    )
    return page.format(text).encode()


def svg_bytes() -> bytes:
    return b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def exe_bytes() -> bytes:
    return (
        b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"
        + b"\x00" * 64
        + b"This program cannot be run in DOS mode"
    )


def elf_bytes() -> bytes:
    return b"\x7fELF\x02\x01\x01" + b"\x00" * 64


def shell_script_bytes() -> bytes:
    return b"#!/bin/sh\nrm -rf /\n"


def _zip(entries: dict[str, bytes]) -> bytes:
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return output.getvalue()


def _content_types(main: str) -> bytes:
    return f'<Types><Override ContentType="{main}"/></Types>'.encode()


def xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active["A1"] = "Cotisations"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def pptx_bytes() -> bytes:
    return _zip(
        {
            "[Content_Types].xml": _content_types(
                "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
            ),
            "ppt/presentation.xml": b"<p:presentation/>",
        }
    )


def docm_bytes() -> bytes:
    return _zip(
        {
            "[Content_Types].xml": _content_types(
                "application/vnd.ms-word.document.macroEnabled.main+xml"
            ),
            "word/document.xml": b"<w:document/>",
            "word/vbaProject.bin": b"\x00macro",
        }
    )


def software_zip_bytes() -> bytes:
    return _zip({"mas-gestion/setup.exe": exe_bytes(), "mas-gestion/LISEZMOI.txt": b"Installation"})
