"""The library's demo content: enough real resources to explore every facet."""

import io

import pytest
from django.core.management import call_command

from library.models import DocumentText, ExtractionStatus, ResourcePage, ResourceType
from portal.models import Theme


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_demo_covers_every_type_theme_and_both_languages(demo):
    resources = ResourcePage.objects.live()
    assert resources.values("reference").distinct().count() >= 25
    assert set(resources.values_list("resource_type", flat=True)) == set(ResourceType.values)
    assert set(resources.values_list("themes", flat=True)) == set(
        Theme.objects.values_list("pk", flat=True)
    )
    assert set(resources.values_list("locale__language_code", flat=True)) == {"fr", "en"}
    assert resources.values("countries").distinct().count() > 10


def test_demo_includes_the_seeded_documents(demo):
    references = set(ResourcePage.objects.values_list("reference", flat=True))
    assert {
        "step-afrique-brochure",
        "guide-etude-faisabilite",
        "mas-gestion",
        "mas-pilote",
        "seminaire-micro-assurance-sante",
        "reseau-partenariats",
    } <= references


def test_demo_files_are_real_pdf_and_docx_whose_text_is_extracted(demo):
    guide = ResourcePage.objects.get(
        reference="guide-etude-faisabilite", locale__language_code="fr"
    )
    formats = {file.file_format for file in guide.files.all()}
    assert formats == {"PDF", "DOCX"}
    for file in guide.files.all():
        record = DocumentText.objects.get(document=file.document)
        assert record.status == ExtractionStatus.DONE
        assert "faisabilit" in record.text


def test_demo_is_idempotent(demo):
    count = ResourcePage.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert ResourcePage.objects.count() == count


def test_demo_catalogue_is_browsable(client, demo):
    response = client.get("/fr/library/?type=software")
    assert response.status_code == 200
    assert "MAS Gestion" in response.content.decode()
