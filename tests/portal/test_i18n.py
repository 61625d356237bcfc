"""The language switcher keeps the reader on the same content in the other language."""

import pytest

from tests.portal.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def test_language_switcher_on_a_content_page_links_to_its_translation(client, site_pages):
    fr_page = ContentPageFactory(parent=site_pages["fr"], slug="a-propos", title="À propos")
    ContentPageFactory(
        parent=site_pages["en"],
        locale=site_pages["en"].locale,
        slug="about",
        title="About",
        translation_key=fr_page.translation_key,
    )
    html = client.get("/fr/a-propos/").content.decode()
    assert '<a href="/en/about/" hreflang="en" lang="en">English</a>' in html
    html = client.get("/en/about/").content.decode()
    assert '<a href="/fr/a-propos/" hreflang="fr" lang="fr">Français</a>' in html


def test_language_switcher_on_a_theme_page_links_to_the_other_slug(client, site_pages):
    html = client.get("/fr/themes/financement-de-la-sante/").content.decode()
    assert 'href="/en/themes/health-financing/" hreflang="en"' in html


def test_language_switcher_on_a_view_links_to_the_same_view(client, db):
    html = client.get("/fr/accounts/login/").content.decode()
    assert '<a href="/en/accounts/login/" hreflang="en" lang="en">English</a>' in html


def test_language_switcher_on_an_untranslated_page_links_to_the_other_home(client, site_pages):
    ContentPageFactory(parent=site_pages["fr"], slug="seulement-en-francais")
    html = client.get("/fr/seulement-en-francais/").content.decode()
    assert '<a href="/en/" hreflang="en" lang="en">English</a>' in html


def test_english_pages_say_they_are_english(client, site_pages):
    assert '<html lang="en">' in client.get("/en/").content.decode()
