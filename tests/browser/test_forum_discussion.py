"""A forum discussion in the browser: start a topic, quote and mention, notify, moderate."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from forums.models import Forum
from tests.browser.actions import log_in
from tests.portal.factories import UserFactory
from tests.support.a11y import BLOCKING_IMPACTS, describe

pytestmark = pytest.mark.browser

PASSWORD = "mutuelle-de-thies-2026"
_axe = Axe()


def assert_accessible(page) -> None:
    """axe-core on the forum's part of the page (main): the shared header is tested elsewhere."""
    violations = [
        violation
        for violation in _axe.run(page, context="main").response["violations"]
        if violation["impact"] in BLOCKING_IMPACTS
    ]
    if violations:
        raise AssertionError(describe(page.url, violations))


@pytest.fixture
def people(db):
    def person(username, name, role=None):
        return UserFactory(
            username=username, email=f"{username}@example.org", display_name=name,
            password=PASSWORD, role=role,
        )  # fmt: skip

    return {
        "aminata": person("aminata", "Aminata Diallo"),
        "kofi": person("kofi", "Kofi Mensah"),
        "fatou": person("fatou", "Fatou Ndiaye", role="Moderator"),
    }


@pytest.fixture
def forum(db):
    return Forum.objects.create(
        slug="legislation", name_fr="Législation et réglementation", name_en="Legislation",
        description_fr="Cadres juridiques des mutuelles sociales.",
    )  # fmt: skip


def test_members_discuss_mention_each_other_and_a_moderator_hides_a_post(
    new_context, people, forum
):
    # Aminata starts a topic, previewing it first.
    aminata = new_context().new_page()
    log_in(aminata, "aminata@example.org", PASSWORD)
    aminata.goto("/fr/forum/")
    assert_accessible(aminata)
    aminata.click(f"main a[href='/fr/forum/{forum.slug}/']")
    assert_accessible(aminata)
    aminata.click(f"main a[href='/fr/forum/{forum.slug}/new/']")
    aminata.fill("#id_title", "Le règlement UEMOA sur la mutualité sociale")
    aminata.fill("#id_body", "Où en est la **transposition** dans vos pays ?")
    aminata.click("button[name=preview]")
    expect(aminata.locator(".preview strong")).to_have_text("transposition")
    assert_accessible(aminata)
    with aminata.expect_navigation():
        aminata.click("main form button[type=submit]:not([name=preview])")
    expect(aminata.locator("h1")).to_have_text("Le règlement UEMOA sur la mutualité sociale")
    topic_url = aminata.url
    assert_accessible(aminata)

    # Kofi quotes her and mentions her.
    kofi = new_context().new_page()
    log_in(kofi, "kofi@example.org", PASSWORD)
    kofi.goto(topic_url)
    kofi.locator("article.post").first.locator("a[href*='?quote=']").click()
    expect(kofi.locator("#id_body")).to_have_value(re.compile(r"^aminata a écrit :\n> Où en est"))
    body = kofi.locator("#id_body").input_value()
    kofi.fill("#id_body", body + "Au Ghana, c'est fait. Qu'en dis-tu @aminata ? Ce texte est nul.")
    with kofi.expect_navigation():
        kofi.click("main form button[type=submit]:not([name=preview])")
    expect(kofi.locator("article.post")).to_have_count(2)
    expect(kofi.locator("article.post").nth(1).locator("blockquote")).to_contain_text(
        "Où en est la transposition"
    )

    # Aminata sees the notification.
    aminata.goto("/fr/forum/")
    expect(aminata.locator(".forum-nav .badge")).to_contain_text("1")
    aminata.click(".forum-nav a[href='/fr/forum/notifications/']")
    expect(aminata.locator("main")).to_contain_text("Kofi Mensah")
    expect(aminata.locator("main")).to_contain_text("Le règlement UEMOA")
    assert_accessible(aminata)

    # Fatou, a moderator, hides Kofi's post with a reason.
    fatou = new_context().new_page()
    log_in(fatou, "fatou@example.org", PASSWORD)
    fatou.goto(topic_url)
    fatou.locator("article.post").nth(1).locator("a[href$='/moderate/']").click()
    assert_accessible(fatou)
    fatou.fill("#id_reason", "Propos désobligeants")
    with fatou.expect_navigation():
        fatou.click("button[value=hide]")

    # It disappears for the others.
    aminata.goto(topic_url)
    expect(aminata.locator("article.post")).to_have_count(1)
    expect(aminata.locator("main")).not_to_contain_text("Ce texte est nul")
