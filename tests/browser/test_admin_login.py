"""Editors reach the Wagtail admin through allauth's login and their authenticator app."""

import re
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from playwright.sync_api import expect

from portal.demo import DEMO_TOTP_SECRET
from tests.browser.actions import PASSWORD
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.browser


def current_totp_code(secret: str) -> str:
    """The code an authenticator app shows right now for `secret`."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


@pytest.fixture
def demo_editor(db):
    """An editor set up like the demo's: Editor role and a TOTP authenticator."""
    editor = UserFactory(email="editor@example.org", password=PASSWORD, role="Editor")
    TOTP.activate(editor, DEMO_TOTP_SECRET)
    return editor


def test_editor_logs_in_with_totp_code_and_reaches_wagtail_dashboard(
    page, demo_editor, live_server, settings
):
    # A 30-second step may end between reading the code and submitting it.
    settings.MFA_TOTP_TOLERANCE = 1

    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/admin/$"))
    page.fill("#id_login", demo_editor.email)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")

    expect(page).to_have_url(re.compile(r"/accounts/2fa/authenticate/$"))
    page.fill("#id_code", current_totp_code(DEMO_TOTP_SECRET))
    with page.expect_navigation():
        page.click("form:has(#id_code) button[type=submit]:not([form])")

    expect(page).to_have_url(f"{live_server.url}/admin/")
    expect(page.locator(".w-dashboard h1")).to_have_text(settings.WAGTAIL_SITE_NAME)
