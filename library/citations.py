"""Citation exports of a resource: BibTeX, RIS and CSL-JSON.

Written by hand (they are small, stable formats); the tests read them back
with bibtexparser, rispy and json to prove reference managers can.
"""

import json
import re
from dataclasses import dataclass

from .models import ResourcePage, ResourceType


@dataclass(frozen=True)
class CitationFormat:
    label: str
    content_type: str
    extension: str


FORMATS = {
    "bibtex": CitationFormat("BibTeX", "application/x-bibtex; charset=utf-8", "bib"),
    "ris": CitationFormat("RIS", "application/x-research-info-systems; charset=utf-8", "ris"),
    "csl-json": CitationFormat("CSL-JSON", "application/vnd.citationstyles.csl+json", "json"),
}

BIBTEX_TYPES = {
    ResourceType.GUIDE: "book",
    ResourceType.MANUAL: "book",
    ResourceType.REPORT: "techreport",
    ResourceType.STUDY: "techreport",
}
RIS_TYPES = {
    ResourceType.GUIDE: "BOOK",
    ResourceType.MANUAL: "BOOK",
    ResourceType.TRAINING: "GEN",
    ResourceType.REPORT: "RPRT",
    ResourceType.STUDY: "RPRT",
    ResourceType.DATABASE: "DATA",
    ResourceType.SOFTWARE: "COMP",
    ResourceType.LEGAL_TEXT: "STAT",
}
CSL_TYPES = {
    ResourceType.GUIDE: "book",
    ResourceType.MANUAL: "book",
    ResourceType.TRAINING: "document",
    ResourceType.REPORT: "report",
    ResourceType.STUDY: "report",
    ResourceType.DATABASE: "dataset",
    ResourceType.SOFTWARE: "software",
    ResourceType.LEGAL_TEXT: "legislation",
}
BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")


def render(resource: ResourcePage, fmt: str, url: str) -> str:
    """The citation of `resource` in format `fmt` (a key of FORMATS); `url` is its public URL."""
    return {"bibtex": bibtex, "ris": ris, "csl-json": csl_json}[fmt](resource, url)


def citation_key(resource: ResourcePage) -> str:
    base = resource.reference or f"{resource.slug}-{resource.publication_year}"
    return re.sub(r"[^A-Za-z0-9_:-]", "", base) or f"resource{resource.pk}"


def bibtex(resource: ResourcePage, url: str) -> str:
    entry_type = BIBTEX_TYPES.get(resource.resource_type, "misc")
    authors = " and ".join(_bibtex_author(author) for author in resource.authors.all())
    fields = [
        ("title", _bibtex_escape(resource.title)),
        ("author", authors),
        ("year", str(resource.publication_year)),
        ("month", str(resource.publication_date.month) if resource.publication_date else ""),
        (
            "institution" if entry_type == "techreport" else "publisher",
            _bibtex_escape(resource.publisher),
        ),
        ("isbn", _bibtex_escape(resource.isbn)),
        ("doi", _bibtex_escape(resource.doi)),
        ("number", _bibtex_escape(resource.ilo_reference)),
        ("language", resource.locale.language_code),
        ("url", url),
        ("abstract", _bibtex_escape(resource.summary)),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@{entry_type}{{{citation_key(resource)},\n{body}\n}}\n"


def _bibtex_escape(value: str) -> str:
    return BIBTEX_SPECIAL.sub(r"\\\1", " ".join(value.split()))


def _bibtex_author(author) -> str:
    if author.is_person:
        given = f", {_bibtex_escape(author.given_names)}" if author.given_names else ""
        return f"{_bibtex_escape(author.name)}{given}"
    # Braces keep an organisation's name whole (not split into given/family names).
    return f"{{{_bibtex_escape(author.name)}}}"


def ris(resource: ResourcePage, url: str) -> str:
    lines = [("TY", RIS_TYPES.get(resource.resource_type, "GEN")), ("TI", resource.title)]
    for author in resource.authors.all():
        name = (
            f"{author.name}, {author.given_names}"
            if author.is_person and author.given_names
            else author.name
        )
        lines.append(("AU", name))
    lines.append(("PY", str(resource.publication_year)))
    if resource.publication_date:
        lines.append(("DA", resource.publication_date.strftime("%Y/%m/%d")))
    optional = [
        ("PB", resource.publisher),
        ("SN", resource.isbn),
        ("DO", resource.doi),
        ("M1", resource.ilo_reference),
        ("LA", resource.locale.language_code),
        ("UR", url),
        ("AB", resource.summary),
    ]
    lines.extend((tag, value) for tag, value in optional if value)
    lines.extend(("KW", theme.name) for theme in resource.themes.all())
    lines.append(("ER", ""))
    # RIS is line-based: a value must not span lines.
    return "".join(f"{tag}  - {' '.join(value.split())}\r\n" for tag, value in lines)


def csl_json(resource: ResourcePage, url: str) -> str:
    item = {
        "id": citation_key(resource),
        "type": CSL_TYPES.get(resource.resource_type, "document"),
        "title": resource.title,
        "author": [_csl_author(author) for author in resource.authors.all()],
        "issued": {"date-parts": [_date_parts(resource)]},
        "publisher": resource.publisher,
        "ISBN": resource.isbn,
        "DOI": resource.doi,
        "number": resource.ilo_reference,
        "language": resource.locale.language_code,
        "URL": url,
        "abstract": resource.summary,
    }
    return json.dumps(
        [{key: value for key, value in item.items() if value}], ensure_ascii=False, indent=2
    )


def _csl_author(author) -> dict:
    if author.is_person:
        return {"family": author.name, "given": author.given_names}
    return {"literal": author.name}


def _date_parts(resource: ResourcePage) -> list[int]:
    date = resource.publication_date
    if date is None:
        return [resource.publication_year]
    return [date.year, date.month, date.day]
