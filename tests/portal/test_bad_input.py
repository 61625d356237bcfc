"""Bad input on the portal's forms: a field-level message in the page's language, never a 500."""

import pytest
from allauth.account.models import EmailAddress
from django.core.files.uploadedfile import SimpleUploadedFile

from portal.models import User
from tests.portal.conftest import link_in, logged_in, png_bytes
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db

VALID_PROFILE = {
    "display_name": "Aminata Diallo",
    "organisation": "Mutuelle de santé de Thiès",
    "job_title": "Gérante",
    "country": "SN",
    "spoken_languages": ["fr", "wo"],
    "bio": "Gérante d'une mutuelle de santé communautaire.",
    "preferred_language": "fr",
}


def post_profile(client, language="fr", files=None, **overrides):
    data = {**VALID_PROFILE, **overrides, **(files or {})}
    return client.post(f"/{language}/accounts/profile/edit/", data)


def field_errors(response, field) -> list[str]:
    return response.context["form"].errors.get(field, [])


def error_codes(response, field) -> set[str]:
    return {error.code for error in response.context["form"].errors.as_data().get(field, [])}


@pytest.fixture
def member_client(client, member):
    return logged_in(client, member)


@pytest.mark.parametrize(
    ("field", "length", "language", "message"),
    [
        (
            "display_name",
            81,
            "fr",
            "Assurez-vous que cette valeur comporte au plus 80 caractères (actuellement 81).",
        ),
        ("display_name", 81, "en", "Ensure this value has at most 80 characters (it has 81)."),
        (
            "organisation",
            151,
            "fr",
            "Assurez-vous que cette valeur comporte au plus 150 caractères (actuellement 151).",
        ),
        ("organisation", 151, "en", "Ensure this value has at most 150 characters (it has 151)."),
        (
            "bio",
            1001,
            "fr",
            "Assurez-vous que cette valeur comporte au plus 1000 caractères (actuellement 1001).",
        ),
        ("bio", 1001, "en", "Ensure this value has at most 1000 characters (it has 1001)."),
    ],
)
def test_over_long_profile_field_is_refused_with_its_limit(
    member_client, member, field, length, language, message
):
    response = post_profile(member_client, language, **{field: "x" * length})
    assert response.status_code == 400
    assert field_errors(response, field) == [message]
    member.refresh_from_db()
    assert len(getattr(member, field)) < length


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Sélectionnez un choix valide. Ce choix ne fait pas partie de ceux disponibles."),
        ("en", "Select a valid choice. That choice is not one of the available choices."),
    ],
)
def test_unknown_country_code_is_refused(member_client, language, message):
    response = post_profile(member_client, language, country="XX")
    assert response.status_code == 400
    assert field_errors(response, "country") == [message]


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fr", "Sélectionnez un choix valide. tlh n’en fait pas partie."),
        ("en", "Select a valid choice. tlh is not one of the available choices."),
    ],
)
def test_spoken_language_outside_the_list_is_refused(member_client, language, message):
    response = post_profile(member_client, language, spoken_languages=["fr", "tlh"])
    assert response.status_code == 400
    assert field_errors(response, "spoken_languages") == [message]


def test_unknown_preferred_language_is_refused(member_client, member):
    response = post_profile(member_client, "fr", preferred_language="xx")
    assert response.status_code == 400
    assert field_errors(response, "preferred_language") == [
        "Sélectionnez un choix valide. xx n’en fait pas partie."
    ]
    member.refresh_from_db()
    assert member.preferred_language == "fr"


def test_text_file_renamed_png_is_refused_as_avatar(member_client, member):
    fake = SimpleUploadedFile("photo.png", b"Ceci n'est pas une image.\n" * 20, "image/png")
    response = post_profile(member_client, "fr", files={"avatar": fake})
    assert response.status_code == 400
    assert field_errors(response, "avatar") == [
        "Téléversez une image valide. Le fichier que vous avez transféré n’est pas une image "
        "ou bien est corrompu."
    ]
    member.refresh_from_db()
    assert not member.avatar


def test_svg_avatar_is_refused(member_client, member):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9"/></svg>'
    response = post_profile(
        member_client, "en", files={"avatar": SimpleUploadedFile("me.svg", svg, "image/svg+xml")}
    )
    assert response.status_code == 400
    assert field_errors(response, "avatar")
    member.refresh_from_db()
    assert not member.avatar


@pytest.fixture
def fifty_megabyte_png(tmp_path):
    """A real PNG picture followed by 50 MB of padding, written to disk like a big upload."""
    path = tmp_path / "huge.png"
    with path.open("wb") as file:
        file.write(png_bytes())
        file.truncate(50 * 1024 * 1024)
    return path


def test_fifty_megabyte_avatar_is_refused_with_the_size_limit(
    member_client, member, fifty_megabyte_png
):
    with fifty_megabyte_png.open("rb") as upload:
        response = member_client.post(
            "/en/accounts/profile/edit/", {**VALID_PROFILE, "avatar": upload}
        )
    assert response.status_code == 400
    assert field_errors(response, "avatar") == [
        "The image is too large (50.0\xa0MB). The maximum is 2.0\xa0MB."
    ]
    member.refresh_from_db()
    assert not member.avatar


def test_fifty_megabyte_avatar_is_refused_on_the_french_page(member_client, fifty_megabyte_png):
    with fifty_megabyte_png.open("rb") as upload:
        response = member_client.post(
            "/fr/accounts/profile/edit/", {**VALID_PROFILE, "avatar": upload}
        )
    assert response.status_code == 400
    assert error_codes(response, "avatar") == {"too_large"}


def test_sign_up_with_a_taken_email_creates_no_second_account(client, mailoutbox):
    """allauth prevents account enumeration: no error on the form, the owner is told by email."""
    owner = UserFactory(email="aminata@example.org")
    response = client.post(
        "/fr/accounts/signup/",
        {
            "display_name": "Usurpatrice",
            "email": "Aminata@example.org",
            "password1": "mutuelle-de-sikasso-2026",
            "password2": "mutuelle-de-sikasso-2026",
        },
    )
    assert response.status_code == 302
    assert list(User.objects.all()) == [owner]
    assert [message.to for message in mailoutbox] == [["aminata@example.org"]]


def test_email_change_to_a_taken_address_never_takes_it(client, member, mailoutbox):
    """As at sign-up, allauth does not reveal the address is taken; confirming it fails."""
    other = UserFactory(email="fatou@example.org")
    logged_in(client, member)
    response = client.post("/fr/accounts/email/", {"action_add": "", "email": "FATOU@example.org"})
    assert response.status_code in {200, 302}
    for message in mailoutbox:
        assert client.post(link_in(message)).status_code < 500
    member.refresh_from_db()
    assert member.email != "fatou@example.org"
    verified = EmailAddress.objects.filter(email__iexact="fatou@example.org", verified=True)
    assert list(verified.values_list("user_id", flat=True)) == [other.pk]


def test_account_deletion_with_a_wrong_password_deletes_nothing(client, member):
    logged_in(client, member)
    response = client.post("/en/accounts/profile/delete/", {"password": "wrong", "confirm": "on"})
    assert response.status_code == 400
    assert response.context["form"].errors["password"] == ["This password is not correct."]
    assert User.objects.filter(pk=member.pk).exists()
    assert EmailAddress.objects.filter(user=member).exists()


def test_account_deletion_without_the_confirmation_box_deletes_nothing(client, member):
    logged_in(client, member)
    response = client.post("/fr/accounts/profile/delete/", {"password": "correct-horse-battery"})
    assert response.status_code == 400
    assert response.context["form"].errors["confirm"] == ["Champ requis."]
    assert User.objects.filter(pk=member.pk).exists()


def test_fifty_megabytes_behind_a_png_signature_is_refused_for_its_size(member_client, tmp_path):
    path = tmp_path / "padded.png"
    with path.open("wb") as file:
        file.write(b"\x89PNG\r\n\x1a\n")
        file.truncate(50 * 1024 * 1024)
    with path.open("rb") as upload:
        response = member_client.post(
            "/en/accounts/profile/edit/", {**VALID_PROFILE, "avatar": upload}
        )
    assert response.status_code == 400
    assert error_codes(response, "avatar") == {"too_large"}
