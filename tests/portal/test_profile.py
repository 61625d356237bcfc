"""Members' own pages: profile, profile editing, personal data export, account deletion."""

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import SESSION_KEY
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.models import User
from tests.portal.conftest import logged_in, png_bytes

pytestmark = pytest.mark.django_db

PROFILE = {
    "display_name": "Aminata Diallo",
    "organisation": "Mutuelle de santé de Thiès",
    "job_title": "Gérante",
    "country": "SN",
    "spoken_languages": ["fr", "wo"],
    "bio": "Gérante d'une **mutuelle de santé** communautaire.",
    "preferred_language": "fr",
    "newsletter_opt_in": "on",
}

PROFILE_VIEWS = [
    "/fr/accounts/profile/",
    "/fr/accounts/profile/edit/",
    "/fr/accounts/profile/data.json",
    "/fr/accounts/profile/delete/",
    "/en/accounts/profile/",
]


@pytest.fixture
def member_client(client, member):
    return logged_in(client, member)


@pytest.mark.parametrize("url", PROFILE_VIEWS)
def test_anonymous_visitor_is_sent_to_log_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    language = url.split("/")[1]
    assert response["Location"].startswith(f"/{language}/accounts/login/?next=")


def test_profile_edit_saves_every_field(member_client, member):
    response = member_client.post("/fr/accounts/profile/edit/", PROFILE)
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.display_name == "Aminata Diallo"
    assert member.organisation == "Mutuelle de santé de Thiès"
    assert member.job_title == "Gérante"
    assert member.country_id == "SN"
    assert member.spoken_languages == ["fr", "wo"]
    assert member.bio == PROFILE["bio"]
    assert member.preferred_language == "fr"
    assert member.newsletter_opt_in is True


def test_profile_shows_what_the_member_saved(member_client):
    member_client.post("/fr/accounts/profile/edit/", PROFILE)
    html = member_client.get("/fr/accounts/profile/").content.decode()
    assert "Mutuelle de santé de Thiès" in html
    assert "Sénégal" in html
    assert "<strong>mutuelle de santé</strong>" in html


def test_profile_edit_requires_a_display_name(member_client):
    response = member_client.post("/en/accounts/profile/edit/", {**PROFILE, "display_name": ""})
    assert response.status_code == 400
    assert response.context["form"].errors["display_name"] == ["This field is required."]


def test_avatar_upload_is_saved_and_shown(member_client, member, media_root):
    avatar = SimpleUploadedFile("portrait.png", png_bytes(), "image/png")
    response = member_client.post("/fr/accounts/profile/edit/", {**PROFILE, "avatar": avatar})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.avatar.name.startswith("avatars/portrait")
    assert (media_root / member.avatar.name).read_bytes() == png_bytes()
    html = member_client.get("/fr/accounts/profile/").content.decode()
    assert f'src="{member.avatar.url}"' in html


def test_choosing_english_shows_the_profile_in_english(member_client, member):
    response = member_client.post(
        "/fr/accounts/profile/edit/", {**PROFILE, "preferred_language": "en"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/profile/"
    member.refresh_from_db()
    assert member.preferred_language == "en"


def test_choosing_french_on_the_english_site_shows_the_profile_in_french(member_client):
    response = member_client.post("/en/accounts/profile/edit/", PROFILE)
    assert response["Location"] == "/fr/accounts/profile/"


def test_personal_data_export_is_a_json_attachment_with_the_members_data(member_client, member):
    member_client.post("/fr/accounts/profile/edit/", PROFILE)
    response = member_client.get("/fr/accounts/profile/data.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="personal-data-')
    assert "no-store" in response["Cache-Control"]
    account = json.loads(response.content)["account"]
    assert account["email"] == member.email
    assert account["display_name"] == "Aminata Diallo"
    assert account["country"] == "SN"
    assert account["spoken_languages"] == ["fr", "wo"]
    assert account["roles"] == ["Member"]
    assert account["email_addresses"] == [
        {"email": member.email, "verified": True, "primary": True}
    ]


def test_personal_data_export_holds_no_secret(member_client, member):
    totp = TOTP.activate(member, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    member.refresh_from_db()
    response = member_client.get("/fr/accounts/profile/data.json")
    body = response.content.decode()
    assert json.loads(body)["account"]["two_factor_methods"] == ["totp"]
    assert member.password not in body
    assert "md5$" not in body
    assert "password" not in body
    assert "JBSWY3DPEHPK3PXP" not in body
    assert str(totp.instance.data["secret"]) not in body


def test_account_deletion_removes_the_member_and_logs_out(member_client, member, media_root):
    member_client.post(
        "/fr/accounts/profile/edit/",
        {**PROFILE, "avatar": SimpleUploadedFile("portrait.png", png_bytes(), "image/png")},
    )
    member.refresh_from_db()
    avatar_path = media_root / member.avatar.name
    assert avatar_path.exists()

    response = member_client.post(
        "/fr/accounts/profile/delete/", {"password": "correct-horse-battery", "confirm": "on"}
    )

    assert response.status_code == 302
    assert not User.objects.filter(pk=member.pk).exists()
    assert not EmailAddress.objects.filter(email=member.email).exists()
    assert not Authenticator.objects.filter(user_id=member.pk).exists()
    assert not avatar_path.exists()
    assert SESSION_KEY not in member_client.session
