"""The Wagtail admin sits behind allauth's login and, for editors and staff, behind TOTP."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth import SESSION_KEY

from tests.portal.conftest import logged_in
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def current_code(secret: str = SECRET) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def test_anonymous_admin_visit_goes_to_the_allauth_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fr/accounts/login/?next=")
    assert "%2Fadmin%2F" in response["Location"] or "/admin/" in response["Location"]


def test_wagtail_login_page_redirects_to_the_allauth_login_keeping_next(client):
    response = client.get("/admin/login/", {"next": "/admin/pages/"})
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/login/?next=%2Fadmin%2Fpages%2F"


def test_wagtail_login_form_cannot_be_posted_to(client):
    editor = UserFactory(role="Editor")
    response = client.post(
        "/admin/login/", {"username": editor.email, "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert SESSION_KEY not in client.session


@pytest.mark.parametrize("role", ["Editor", "Staff"])
def test_editor_without_totp_is_sent_to_set_it_up(client, role):
    logged_in(client, UserFactory(role=role))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/2fa/totp/activate/"


def test_editor_without_totp_is_kept_out_of_every_admin_page(client):
    logged_in(client, UserFactory(role="Editor"))
    assert client.get("/admin/pages/").status_code == 302


def test_editor_with_totp_logs_in_through_the_second_factor_and_reaches_the_admin(client):
    editor = UserFactory(role="Editor", email="editeur@example.org")
    TOTP.activate(editor, SECRET)

    response = client.post(
        "/fr/accounts/login/",
        {"login": "editeur@example.org", "password": "correct-horse-battery", "next": "/admin/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/accounts/2fa/authenticate/"
    assert SESSION_KEY not in client.session
    assert client.get("/admin/").status_code == 302

    response = client.post("/fr/accounts/2fa/authenticate/", {"code": current_code()})
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.session[SESSION_KEY] == str(editor.pk)
    assert client.get("/admin/").status_code == 200


def test_wrong_totp_code_does_not_log_in(client):
    editor = UserFactory(role="Editor", email="editeur@example.org")
    TOTP.activate(editor, SECRET)
    client.post(
        "/fr/accounts/login/",
        {"login": "editeur@example.org", "password": "correct-horse-battery"},
    )
    wrong = f"{(int(current_code()) + 1) % 1_000_000:06d}"
    response = client.post("/fr/accounts/2fa/authenticate/", {"code": wrong})
    assert response.status_code == 200
    assert response.context["form"].errors["code"]
    assert SESSION_KEY not in client.session


def test_member_gets_no_admin_access(client, member):
    logged_in(client, member)
    assert client.get("/admin/").status_code == 403
    assert client.get("/admin/pages/").status_code == 403


def test_member_does_not_see_the_admin_link(client, member):
    logged_in(client, member)
    assert 'href="/admin/"' not in client.get("/fr/accounts/profile/").content.decode()
