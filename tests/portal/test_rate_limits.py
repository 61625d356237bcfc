"""allauth's rate limits stay on: brute-forcing a password gets nowhere and never a 500."""

import pytest
from django.contrib.auth import SESSION_KEY

from tests.portal.factories import UserFactory

pytestmark = pytest.mark.django_db


def log_in(client, email, password):
    return client.post("/en/accounts/login/", {"login": email, "password": password})


def test_login_is_refused_after_five_failures_on_one_account(client):
    UserFactory(email="aminata@example.org")
    for _ in range(5):
        assert log_in(client, "aminata@example.org", "guess").status_code == 200
    response = log_in(client, "aminata@example.org", "correct-horse-battery")
    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert SESSION_KEY not in client.session


def test_too_many_logins_from_one_ip_get_a_429(client):
    UserFactory(email="aminata@example.org")
    statuses = [
        log_in(client, f"guess{attempt}@example.org", "guess").status_code for attempt in range(31)
    ]
    assert 500 not in statuses
    assert statuses[-1] == 429
