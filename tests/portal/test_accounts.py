"""Sign-up, email verification, log in and out, password and email changes (allauth)."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import SESSION_KEY

from portal.models import User
from tests.portal.conftest import link_in, logged_in
from tests.portal.factories import UserFactory

SIGNUP = {
    "display_name": "Awa Traoré",
    "email": "awa@example.org",
    "password1": "mutuelle-de-sikasso-2026",
    "password2": "mutuelle-de-sikasso-2026",
}

pytestmark = pytest.mark.django_db


def sign_up(client, **overrides):
    return client.post("/fr/accounts/signup/", {**SIGNUP, **overrides})


def confirm(client, message):
    return client.post(link_in(message))


def is_logged_in(client) -> bool:
    return SESSION_KEY in client.session


@pytest.mark.parametrize("missing", ["display_name", "email", "password1"])
def test_sign_up_requires_name_email_and_password(client, missing):
    response = sign_up(client, **{missing: ""})
    assert response.status_code == 200
    assert missing in response.context["form"].errors
    assert not User.objects.exists()


def test_sign_up_creates_an_unverified_account_with_the_display_name(client):
    sign_up(client)
    user = User.objects.get(email="awa@example.org")
    assert user.display_name == "Awa Traoré"
    assert not EmailAddress.objects.get(user=user).verified
    assert not user.groups.exists()


def test_sign_up_remembers_the_language_it_was_made_in(client):
    client.post("/en/accounts/signup/", SIGNUP)
    assert User.objects.get(email="awa@example.org").preferred_language == "en"


def test_sign_up_sends_a_verification_email(client, mailoutbox):
    response = sign_up(client)
    assert response.status_code == 302
    assert response.url == "/fr/accounts/confirm-email/"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["awa@example.org"]
    assert "/fr/accounts/confirm-email/" in link_in(mailoutbox[0])


def test_new_member_cannot_log_in_before_verifying(client, mailoutbox):
    sign_up(client)
    client.logout()
    response = client.post(
        "/fr/accounts/login/", {"login": "awa@example.org", "password": SIGNUP["password1"]}
    )
    assert response.status_code == 302
    assert response.url == "/fr/accounts/confirm-email/"
    assert not is_logged_in(client)
    assert client.get("/fr/accounts/profile/").status_code == 302


def test_following_the_confirmation_link_verifies_and_makes_a_member(client, mailoutbox):
    sign_up(client)
    response = confirm(client, mailoutbox[0])
    assert response.status_code == 302
    user = User.objects.get(email="awa@example.org")
    assert EmailAddress.objects.get(user=user).verified
    assert list(user.groups.values_list("name", flat=True)) == ["Member"]


def test_verified_member_can_log_in(client, mailoutbox):
    sign_up(client)
    confirm(client, mailoutbox[0])
    client.logout()
    response = client.post(
        "/fr/accounts/login/", {"login": "awa@example.org", "password": SIGNUP["password1"]}
    )
    assert response.status_code == 302
    assert response.url == "/fr/accounts/profile/"
    assert is_logged_in(client)


def test_log_in_by_email_ignores_case(client):
    UserFactory(email="aminata@example.org")
    response = client.post(
        "/fr/accounts/login/",
        {"login": "Aminata@EXAMPLE.org", "password": "correct-horse-battery"},
    )
    assert response.status_code == 302
    assert is_logged_in(client)


def test_log_in_with_a_wrong_password_says_so_in_french(client, member):
    response = client.post("/fr/accounts/login/", {"login": member.email, "password": "nope"})
    assert response.status_code == 200
    assert not is_logged_in(client)
    assert "L’adresse e-mail ou le mot de passe sont incorrects." in response.content.decode()


def test_log_out_ends_the_session(client, member):
    logged_in(client, member)
    response = client.post("/fr/accounts/logout/")
    assert response.status_code == 302
    assert not is_logged_in(client)


def test_password_reset_sends_an_email_with_a_working_link(client, member, mailoutbox):
    response = client.post("/fr/accounts/password/reset/", {"email": member.email})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [member.email]
    form_url = client.get(link_in(mailoutbox[0])).url  # allauth hides the key in the session
    response = client.post(
        form_url, {"password1": "nouveau-mot-de-passe-7", "password2": "nouveau-mot-de-passe-7"}
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("nouveau-mot-de-passe-7")


def test_password_reset_for_an_unknown_address_sends_no_reset_link(client, db, mailoutbox):
    client.post("/fr/accounts/password/reset/", {"email": "nobody@example.org"})
    assert all("/password/reset/key/" not in message.body for message in mailoutbox)


def test_member_can_change_password(client, member):
    logged_in(client, member)
    response = client.post(
        "/fr/accounts/password/change/",
        {
            "oldpassword": "correct-horse-battery",
            "password1": "nouveau-mot-de-passe-7",
            "password2": "nouveau-mot-de-passe-7",
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.check_password("nouveau-mot-de-passe-7")


def test_password_change_with_a_wrong_old_password_is_refused(client, member):
    logged_in(client, member)
    response = client.post(
        "/en/accounts/password/change/",
        {"oldpassword": "wrong", "password1": "new-password-77", "password2": "new-password-77"},
    )
    assert response.status_code == 200
    assert "Please type your current password." in response.context["form"].errors["oldpassword"]
    member.refresh_from_db()
    assert member.check_password("correct-horse-battery")


def test_email_change_takes_effect_once_the_new_address_is_verified(client, member, mailoutbox):
    logged_in(client, member)
    response = client.post(
        "/fr/accounts/email/", {"action_add": "", "email": "nouvelle@example.org"}
    )
    assert response.status_code == 302
    assert mailoutbox[-1].to == ["nouvelle@example.org"]
    member.refresh_from_db()
    assert member.email != "nouvelle@example.org"

    confirm(client, mailoutbox[-1])

    member.refresh_from_db()
    assert member.email == "nouvelle@example.org"
    assert list(EmailAddress.objects.filter(user=member).values_list("email", flat=True)) == [
        "nouvelle@example.org"
    ]
