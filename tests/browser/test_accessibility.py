"""Every kind of page passes axe-core without serious or critical violations; keyboard works."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.portal.factories import UserFactory
from tests.support.a11y import assert_accessible

pytestmark = pytest.mark.browser

PUBLIC_PAGES = {
    "home-fr": "/fr/",
    "home-en": "/en/",
    "theme-index": "/fr/themes/",
    "theme": "/fr/themes/financement-de-la-sante/",
    "content": "/fr/a-propos/",
    "login": "/fr/accounts/login/",
    "signup": "/fr/accounts/signup/",
}
MEMBER_PAGES = {
    "profile": "/fr/accounts/profile/",
    "profile-edit": "/fr/accounts/profile/edit/",
}


@pytest.fixture
def member_page(new_context, live_server, settings):
    """A page whose browser is logged in as a member with a filled-in profile."""
    member = UserFactory(country_id="SN", spoken_languages=["fr", "wo"], bio="**Gérante**")
    client = Client()
    client.force_login(member)
    context = new_context()
    cookie = settings.SESSION_COOKIE_NAME
    context.add_cookies(
        [{"name": cookie, "value": client.cookies[cookie].value, "url": live_server.url}]
    )
    return context.new_page()


@pytest.mark.parametrize("url", PUBLIC_PAGES.values(), ids=PUBLIC_PAGES.keys())
def test_public_page_has_no_serious_accessibility_violation(page, url):
    page.goto(url)
    assert_accessible(page)


@pytest.mark.parametrize("url", MEMBER_PAGES.values(), ids=MEMBER_PAGES.keys())
def test_member_page_has_no_serious_accessibility_violation(member_page, url):
    member_page.goto(url)
    assert_accessible(member_page)


def test_profile_form_with_errors_has_no_serious_accessibility_violation(member_page):
    member_page.goto("/fr/accounts/profile/edit/")
    member_page.fill("#id_display_name", "")
    with member_page.expect_navigation():
        member_page.click("main form button[type=submit]")
    expect(member_page.locator("#id_display_name_error")).to_be_visible()
    assert_accessible(member_page)


def test_skip_link_is_the_first_focusable_element_and_moves_focus_to_main(page):
    page.goto("/fr/")
    page.keyboard.press("Tab")
    skip_link = page.locator("a.skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")

    expect(page.locator("main#main")).to_be_focused()


def test_accessibility_check_fails_on_an_unlabelled_field_and_an_image_without_alt(page):
    page.set_content(
        '<html lang="fr"><head><title>Formulaire</title></head>'
        '<body><main><h1>Formulaire</h1><img src="/logo.png"><input type="text"></main></body>'
        "</html>"
    )
    with pytest.raises(AssertionError) as failure:
        assert_accessible(page)
    assert "image-alt (critical)" in str(failure.value)
    assert "label (critical)" in str(failure.value)
