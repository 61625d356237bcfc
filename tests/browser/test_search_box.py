"""The header's search box suggests as you type, keyboard-first and axe-clean while open."""

import pytest
from playwright.sync_api import expect

from tests.support.a11y import assert_accessible

pytestmark = pytest.mark.browser


def test_typing_in_the_search_box_offers_suggestions_to_pick_with_the_keyboard(page):
    page.goto("/fr/")
    box = page.get_by_role("combobox", name="Rechercher sur le portail")
    box.press_sequentially("financement de la sa")
    suggestion = page.get_by_role("option", name="Financement de la santé")
    expect(suggestion).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    assert_accessible(page)
    box.press("ArrowDown")
    expect(suggestion).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(page).to_have_url(f"{page.url.split('/fr/')[0]}/fr/themes/financement-de-la-sante/")


def test_escape_closes_the_suggestions(page):
    page.goto("/fr/")
    box = page.get_by_role("combobox", name="Rechercher sur le portail")
    box.press_sequentially("financement de la sa")
    expect(page.get_by_role("listbox")).to_be_visible()
    box.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
