"""`load_demo` builds the demo site once, however many times it runs."""

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import SESSION_KEY
from django.core.management import call_command
from wagtail.models import Page, Revision

from portal.demo import DEMO_USERS
from portal.models import User

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": User.objects.count(),
        "emails": EmailAddress.objects.count(),
    }


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=None)


def test_load_demo_twice_creates_everything_once(demo):
    first = counts()
    call_command("load_demo")
    assert counts() == first


def test_demo_users_are_verified(demo):
    for account in DEMO_USERS:
        assert EmailAddress.objects.get(email=account.email).verified


def test_demo_member_can_log_in(client, demo):
    response = client.post(
        "/fr/accounts/login/", {"login": "member@example.org", "password": "demo-member-2026"}
    )
    assert response.status_code == 302
    assert SESSION_KEY in client.session


def test_demo_site_serves_its_pages(client, demo):
    assert client.get("/fr/").status_code == 200
    assert client.get("/en/about/").status_code == 200
    assert client.get("/fr/programme-step/").status_code == 200
    assert client.get("/en/themes/governance/").status_code == 200
