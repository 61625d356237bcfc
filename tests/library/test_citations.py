"""Citation exports, read back with the parsers reference managers use."""

import datetime
import json

import bibtexparser
import pytest
import rispy

from library.models import ResourceAuthor
from portal.models import Theme

from .factories import ResourcePageFactory


@pytest.fixture
def resource(fr_library):
    page = ResourcePageFactory(
        parent=fr_library,
        title="Guide de l'étude de faisabilité {mutuelles} & 100% santé",
        resource_type="guide",
        publication_year=2005,
        publication_date=datetime.date(2005, 6, 1),
        publisher="BIT/STEP",
        isbn="92-2-117174-1",
        reference="step-2005-faisabilite",
        themes=[Theme.objects.get(slug_en="feasibility-studies")],
    )
    ResourceAuthor.objects.create(
        resource=page, kind="person", name="Diop", given_names="Awa", sort_order=0
    )
    ResourceAuthor.objects.create(
        resource=page, kind="organisation", name="Bureau international du Travail", sort_order=1
    )
    return page


def fetch(client, resource, fmt):
    response = client.get(f"/library/cite/{resource.pk}/{fmt}/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    return response.content.decode()


def test_bibtex_export_parses_back(client, resource):
    library = bibtexparser.parse_string(fetch(client, resource, "bibtex"))
    assert not library.failed_blocks
    entry = library.entries[0]
    assert entry.entry_type == "book"
    assert entry.key == "step-2005-faisabilite"
    assert entry.fields_dict["year"].value == "2005"
    assert entry.fields_dict["isbn"].value == "92-2-117174-1"
    assert "Diop, Awa" in entry.fields_dict["author"].value
    assert "{Bureau international du Travail}" in entry.fields_dict["author"].value
    assert r"\{mutuelles\} \& 100\% santé" in entry.fields_dict["title"].value


def test_ris_export_parses_back(client, resource):
    entries = rispy.loads(fetch(client, resource, "ris"))
    assert len(entries) == 1
    entry = entries[0]
    assert entry["type_of_reference"] == "BOOK"
    assert entry["title"] == resource.title
    assert entry["authors"] == ["Diop, Awa", "Bureau international du Travail"]
    assert entry["year"] == "2005"
    assert entry["publisher"] == "BIT/STEP"
    assert entry["keywords"] == ["Études de faisabilité"]


def test_csl_json_export_parses_back(client, resource):
    items = json.loads(fetch(client, resource, "csl-json"))
    item = items[0]
    assert item["type"] == "book"
    assert item["title"] == resource.title
    assert item["author"] == [
        {"family": "Diop", "given": "Awa"},
        {"literal": "Bureau international du Travail"},
    ]
    assert item["issued"] == {"date-parts": [[2005, 6, 1]]}
    assert item["URL"].endswith(resource.url)


def test_unknown_citation_format_is_not_found(client, resource):
    assert client.get(f"/library/cite/{resource.pk}/endnote/").status_code == 404


def test_detail_page_offers_every_citation_format(client, resource):
    html = client.get(resource.url).content.decode()
    for fmt in ("bibtex", "ris", "csl-json"):
        assert f"/library/cite/{resource.pk}/{fmt}/" in html
