"""The read-only JSON API at /api/v1/resources/ and its OpenAPI schema."""

import pytest

from library.models import Language
from portal.models import Country, Theme

from .factories import ResourceFileFactory, ResourcePageFactory


@pytest.fixture
def resources(fr_library):
    financing = Theme.objects.get(slug_en="health-financing")
    guide = ResourcePageFactory(
        parent=fr_library, title="Guide financement", resource_type="guide",
        themes=[financing], countries=[Country.objects.get(code="SN")],
        languages=[Language.objects.get(code="fr")],
    )  # fmt: skip
    ResourceFileFactory(resource=guide)
    study = ResourcePageFactory(parent=fr_library, title="Étude", resource_type="study")
    return {"guide": guide, "study": study}


def test_list_returns_visible_resources_with_facets(client, resources):
    data = client.get("/api/v1/resources/").json()
    assert data["count"] == 2
    assert {item["title"] for item in data["results"]} == {"Guide financement", "Étude"}
    type_facet = next(facet for facet in data["facets"] if facet["name"] == "type")
    assert {o["value"]: o["count"] for o in type_facet["options"] if o["count"]} == {
        "guide": 1,
        "study": 1,
    }


def test_list_takes_the_catalogue_filters(client, resources):
    data = client.get("/api/v1/resources/?type=guide&theme=health-financing&country=SN").json()
    assert [item["title"] for item in data["results"]] == ["Guide financement"]


def test_list_ignores_unknown_filters(client, resources):
    response = client.get("/api/v1/resources/?type=poem&page=zz&colour=red")
    assert response.status_code == 200
    assert response.json()["count"] == 2


def test_detail_returns_metadata_files_and_citations(client, resources):
    guide = resources["guide"]
    data = client.get(f"/api/v1/resources/{guide.pk}/").json()
    assert data["title"] == "Guide financement"
    assert data["countries"] == ["SN"]
    assert data["themes"][0]["slug"] == "financement-de-la-sante"
    assert data["files"][0]["format"] == "PDF"
    assert data["files"][0]["download_url"].startswith("http://testserver/library/files/")
    assert set(data["citations"]) == {"bibtex", "ris", "csl-json"}


def test_unknown_resource_is_not_found(client, resources):
    assert client.get("/api/v1/resources/999999/").status_code == 404


def test_openapi_schema_documents_the_resources_endpoints(client, resources):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/resources/" in schema["paths"]
    assert "/api/v1/resources/{resource_id}/" in schema["paths"]
    parameters = {p["name"] for p in schema["paths"]["/api/v1/resources/"]["get"]["parameters"]}
    assert {"type", "theme", "country", "language", "period", "sort"} <= parameters
