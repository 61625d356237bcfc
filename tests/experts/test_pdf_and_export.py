"""The CV as PDF (for whoever may see the profile) and the owner's JSON export and deletion."""

import io
import json

import pypdf
import pytest

from experts.languages import LanguageLevel
from experts.models import ExpertProfile
from experts.permissions import Visibility
from portal.models import User
from portal.personal_data import export_personal_data
from portal.services import delete_account
from tests.experts.factories import (
    ExpertiseFactory,
    ExpertProfileFactory,
    LanguageSkillFactory,
    WorkExperienceFactory,
)

pytestmark = pytest.mark.django_db


def pdf_text(response) -> str:
    reader = pypdf.PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def full_profile():
    profile = ExpertProfileFactory(
        headline="Health economist", user__display_name="Awa Sow", user__email="awa@example.org"
    )
    ExpertiseFactory(profile=profile, years=15)
    LanguageSkillFactory(profile=profile, language="fr", level=LanguageLevel.NATIVE)
    WorkExperienceFactory(
        profile=profile, role="Actuary", country_id="SN", start_date="2019-03-01", end_date=None
    )
    return profile


def test_cv_pdf_is_generated_from_the_structured_data(client, site_pages, full_profile):
    response = client.get(f"/en/experts/{full_profile.pk}/cv.pdf")

    text = pdf_text(response)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="cv-awa-sow.pdf"'
    assert "Awa Sow" in text
    assert "Health economist" in text
    assert "Actuary" in text
    assert "Work history" in text


def test_cv_pdf_labels_follow_the_viewers_language(client, site_pages, full_profile):
    french = pdf_text(client.get(f"/fr/experts/{full_profile.pk}/cv.pdf"))
    english = pdf_text(client.get(f"/en/experts/{full_profile.pk}/cv.pdf"))

    assert "Sénégal" in french
    assert "mars 2019" in french
    assert "Senegal" in english
    assert "March 2019" in english


def test_cv_pdf_never_contains_the_email_address(client, site_pages, full_profile):
    text = pdf_text(client.get(f"/en/experts/{full_profile.pk}/cv.pdf"))

    assert "awa@example.org" not in text


def test_cv_pdf_does_not_fetch_images_named_in_member_text(client, site_pages):
    profile = ExpertProfileFactory(summary="![x](http://169.254.169.254/latest/meta-data)")

    response = client.get(f"/en/experts/{profile.pk}/cv.pdf")

    # The sanitizer drops images and the fetcher allows data: URIs only.
    assert response.status_code == 200


def test_owner_exports_their_profile_as_json(client, site_pages, full_profile):
    client.force_login(full_profile.user)

    response = client.get("/en/experts/me/export.json")

    data = json.loads(response.content)
    assert response["Content-Disposition"].startswith("attachment")
    assert data["headline"] == "Health economist"
    assert data["languages"] == [{"language": "fr", "level": "Mother tongue"}]
    assert data["expertise"] == [{"theme": "health-financing", "years": 15}]
    assert data["work_history"][0]["role"] == "Actuary"
    assert data["work_history"][0]["to"] is None


def test_personal_data_export_includes_the_expert_profile(full_profile):
    data = export_personal_data(full_profile.user)

    assert data["experts"]["profile"]["headline"] == "Health economist"


def test_owner_deletes_their_profile_but_keeps_their_account(client, site_pages, full_profile):
    client.force_login(full_profile.user)

    response = client.post("/en/experts/me/delete/", {"confirm": "on"})

    assert response.status_code == 302
    assert not ExpertProfile.objects.exists()
    assert User.objects.filter(pk=full_profile.user_id).exists()


def test_deletion_needs_confirmation(client, site_pages, full_profile):
    client.force_login(full_profile.user)

    response = client.post("/en/experts/me/delete/", {})

    assert response.status_code == 400
    assert ExpertProfile.objects.exists()


def test_deleting_the_account_deletes_the_profile(full_profile):
    delete_account(full_profile.user)

    assert not ExpertProfile.objects.exists()


def test_members_only_pdf_needs_a_login(client, site_pages):
    profile = ExpertProfileFactory(visibility=Visibility.MEMBERS)

    assert client.get(f"/en/experts/{profile.pk}/cv.pdf").status_code == 404
