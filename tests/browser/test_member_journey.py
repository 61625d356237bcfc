"""A newcomer's first visit, end to end: sign up, verify, log in, fill in the profile."""

import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser.actions import PASSWORD, log_in

pytestmark = pytest.mark.browser

EMAIL = "aminata.diallo@example.org"


@pytest.fixture
def avatar_png(tmp_path):
    """A real 64×64 PNG, as a member's photo would be."""
    path = tmp_path / "aminata.png"
    Image.new("RGB", (64, 64), (11, 90, 122)).save(path, "PNG")
    return path


def test_newcomer_signs_up_verifies_email_logs_in_and_fills_in_profile(
    new_context, smtp_mailbox, avatar_png
):
    page = new_context().new_page()

    # Sign up on the French site.
    page.goto("/fr/accounts/signup/")
    page.fill("#id_email", EMAIL)
    page.fill("#id_display_name", "Aminata Diallo")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    expect(page).to_have_url(re.compile(r"/fr/accounts/confirm-email/$"))

    # The verification email arrives through real SMTP; open its link on another device.
    mail = smtp_mailbox.wait_for(EMAIL)
    link = next(url for url in mail.links if "/accounts/confirm-email/" in url)
    phone = new_context().new_page()
    phone.goto(link)
    with phone.expect_navigation():
        phone.click("main form button[type=submit]")

    # Verified: log in by email.
    log_in(phone, EMAIL)
    expect(phone).to_have_url(re.compile(r"/fr/accounts/profile/$"))
    expect(phone.locator("main")).to_contain_text("Aminata Diallo")

    # Fill in the profile.
    phone.click("main a[href='/fr/accounts/profile/edit/']")
    phone.fill("#id_organisation", "Mutuelle de santé de Thiès")
    phone.select_option("#id_country", "SN")
    phone.check("input[name=spoken_languages][value=fr]")
    phone.check("input[name=spoken_languages][value=wo]")
    phone.fill("#id_bio", "**Gérante** d'une mutuelle de santé.\n\n- suivi des cotisations")
    phone.set_input_files("#id_avatar", avatar_png)
    with phone.expect_navigation():
        phone.click("main form button[type=submit]")

    # The profile shows it, in French.
    expect(phone).to_have_url(re.compile(r"/fr/accounts/profile/$"))
    expect(phone.locator("html")).to_have_attribute("lang", "fr")
    details = phone.locator(".profile")
    expect(details).to_contain_text("Mutuelle de santé de Thiès")
    expect(details).to_contain_text("Sénégal")
    expect(details).to_contain_text("Wolof")
    expect(details.locator(".rich-text strong")).to_have_text("Gérante")
    expect(details.locator(".rich-text li")).to_have_text("suivi des cotisations")
    avatar = details.locator("img.avatar")
    expect(avatar).to_have_attribute("src", re.compile(r"^/media/avatars/.+\.png$"))
    assert avatar.evaluate("image => image.complete && image.naturalWidth") == 64

    # The language switcher keeps the member on their profile, now in English.
    with phone.expect_navigation():
        phone.click(".language-switcher a[hreflang=en]")
    expect(phone).to_have_url(re.compile(r"/en/accounts/profile/$"))
    expect(phone.locator("html")).to_have_attribute("lang", "en")
    expect(phone.locator("h1")).to_have_text("My profile")
    expect(details).to_contain_text("Senegal")
    expect(details).not_to_contain_text("Sénégal")
    expect(details).to_contain_text("Mutuelle de santé de Thiès")
