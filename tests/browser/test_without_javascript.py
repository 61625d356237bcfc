"""Members on browsers without JavaScript can still log in and keep their profile up to date."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.actions import PASSWORD, log_in
from tests.portal.factories import UserFactory

pytestmark = pytest.mark.browser


@pytest.fixture
def page_without_javascript(new_context):
    return new_context(java_script_enabled=False).new_page()


def test_member_logs_in_without_javascript(page_without_javascript):
    member = UserFactory(password=PASSWORD, display_name="Fatou Ndiaye")

    log_in(page_without_javascript, member.email)

    expect(page_without_javascript).to_have_url(re.compile(r"/fr/accounts/profile/$"))
    expect(page_without_javascript.locator(".account-menu")).to_contain_text("Fatou Ndiaye")


def test_member_edits_profile_without_javascript(page_without_javascript):
    member = UserFactory(password=PASSWORD)
    page = page_without_javascript
    log_in(page, member.email)

    page.goto("/fr/accounts/profile/edit/")
    page.fill("#id_organisation", "La Concertation")
    page.select_option("#id_country", "BF")
    page.check("input[name=spoken_languages][value=fr]")
    with page.expect_navigation():
        page.click("main form button[type=submit]")

    expect(page).to_have_url(re.compile(r"/fr/accounts/profile/$"))
    expect(page.locator(".profile")).to_contain_text("La Concertation")
    expect(page.locator(".profile")).to_contain_text("Burkina Faso")
    member.refresh_from_db()
    assert (member.organisation, member.country_id) == ("La Concertation", "BF")
