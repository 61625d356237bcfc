"""`next=` never sends a member to another site (no open redirect)."""

import pytest
from django.contrib.auth import SESSION_KEY

from tests.portal.conftest import link_in, logged_in
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db

FOREIGN_TARGETS = [
    "https://evil.example/",
    "http://evil.example",
    "//evil.example",
    "https:evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    " //evil.example",
    "javascript:alert(1)",
]


def assert_stays_on_site(response):
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/")
    assert not location.startswith("//")
    assert "\\" not in location
    assert "evil.example" not in location


@pytest.mark.parametrize("target", FOREIGN_TARGETS)
def test_login_ignores_a_next_url_on_another_site(client, target):
    UserFactory(email="aminata@example.org")
    response = client.post(
        "/fr/accounts/login/",
        {"login": "aminata@example.org", "password": "correct-horse-battery", "next": target},
    )
    assert SESSION_KEY in client.session
    assert_stays_on_site(response)
    assert response["Location"] == "/fr/accounts/profile/"


def test_login_follows_a_next_url_on_this_site(client):
    UserFactory(email="aminata@example.org")
    response = client.post(
        "/fr/accounts/login/",
        {
            "login": "aminata@example.org",
            "password": "correct-horse-battery",
            "next": "/fr/accounts/profile/edit/",
        },
    )
    assert response["Location"] == "/fr/accounts/profile/edit/"


@pytest.mark.parametrize("target", FOREIGN_TARGETS)
def test_logout_ignores_a_next_url_on_another_site(client, member, target):
    logged_in(client, member)
    response = client.post("/fr/accounts/logout/", {"next": target})
    assert SESSION_KEY not in client.session
    assert_stays_on_site(response)


@pytest.mark.parametrize("target", FOREIGN_TARGETS)
def test_sign_up_ignores_a_next_url_on_another_site(client, mailoutbox, target):
    response = client.post(
        f"/fr/accounts/signup/?next={target}",
        {
            "display_name": "Awa Traoré",
            "email": "awa@example.org",
            "password1": "mutuelle-de-sikasso-2026",
            "password2": "mutuelle-de-sikasso-2026",
            "next": target,
        },
    )
    assert_stays_on_site(response)
    # The redirect after confirming the address must not use it either.
    assert_stays_on_site(client.post(link_in(mailoutbox[0])))
