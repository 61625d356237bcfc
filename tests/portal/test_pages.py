"""Home, content, theme index and theme pages, in French and English."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from portal.models import Theme, ThemePage
from portal.services import ensure_theme_pages
from tests.portal.factories import ContentPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def tagged_page(parent, theme, **kwargs):
    page = ContentPageFactory(parent=parent, locale=parent.locale, **kwargs)
    page.themes.set([theme])
    page.save()
    return page


@pytest.fixture
def health_financing(site_pages):
    return Theme.objects.get(slug_en="health-financing")


@pytest.fixture
def latest_block_home(site_pages):
    """The French home page with a "latest items" block fed by the pages provider."""
    home = site_pages["fr"]
    home.body = [("latest", {"heading": "Pages récentes", "source": "pages", "count": 12})]
    home.save()
    return home


def test_root_redirects_to_french(client, site_pages):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.parametrize(("language", "title"), [("fr", "Accueil"), ("en", "Home")])
def test_home_page_renders_in_each_language(client, site_pages, language, title):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert response.context["page"].title == title


def test_content_page_renders_in_each_language(client, site_pages):
    fr_page = ContentPageFactory(parent=site_pages["fr"], slug="a-propos", title="À propos")
    ContentPageFactory(
        parent=site_pages["en"],
        locale=site_pages["en"].locale,
        slug="about",
        title="About",
        translation_key=fr_page.translation_key,
    )
    assert "À propos" in client.get("/fr/a-propos/").content.decode()
    assert "About" in client.get("/en/about/").content.decode()


@pytest.mark.parametrize(("url", "title"), [("/fr/themes/", "Thèmes"), ("/en/themes/", "Themes")])
def test_theme_index_lists_every_theme_in_its_language(client, site_pages, url, title):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{title}</h1>" in html
    names = Theme.objects.values_list("name_fr" if "/fr/" in url else "name_en", flat=True)
    for name in names:
        assert name.replace("'", "&#x27;") in html


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/fr/themes/financement-de-la-sante/", "Financement de la santé"),
        ("/en/themes/health-financing/", "Health financing"),
    ],
)
def test_theme_page_renders_in_each_language(client, site_pages, url, title):
    response = client.get(url)
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in response.content.decode()


def test_theme_page_lists_the_content_pages_tagged_with_its_theme(
    client, site_pages, health_financing
):
    tagged_page(site_pages["fr"], health_financing, title="Le financement des mutuelles")
    ContentPageFactory(parent=site_pages["fr"], title="Une page sans thème")
    html = client.get("/fr/themes/financement-de-la-sante/").content.decode()
    assert "Le financement des mutuelles" in html
    assert "Une page sans thème" not in html


def test_theme_page_never_lists_an_unpublished_page(client, site_pages, health_financing):
    tagged_page(site_pages["fr"], health_financing, title="Brouillon secret", live=False)
    html = client.get("/fr/themes/financement-de-la-sante/").content.decode()
    assert "Brouillon secret" not in html


def test_theme_page_never_lists_a_restricted_page(client, site_pages, health_financing, member):
    page = tagged_page(site_pages["fr"], health_financing, title="Réservé aux membres")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert "Réservé aux membres" not in (
        client.get("/fr/themes/financement-de-la-sante/").content.decode()
    )


def test_theme_page_lists_only_pages_in_its_language(client, site_pages, health_financing):
    tagged_page(site_pages["en"], health_financing, title="Financing mutuals")
    tagged_page(site_pages["fr"], health_financing, title="Financer les mutuelles")
    fr_html = client.get("/fr/themes/financement-de-la-sante/").content.decode()
    en_html = client.get("/en/themes/health-financing/").content.decode()
    assert "Financer les mutuelles" in fr_html
    assert "Financing mutuals" not in fr_html
    assert "Financing mutuals" in en_html
    assert "Financer les mutuelles" not in en_html


def test_home_latest_items_block_lists_content_pages(client, latest_block_home):
    ContentPageFactory(parent=latest_block_home, title="Le programme STEP")
    html = client.get("/fr/").content.decode()
    assert "Pages récentes" in html
    assert "Le programme STEP" in html


def test_ensure_theme_pages_gives_each_theme_a_page_in_each_locale(site_pages):
    themes = Theme.objects.count()
    for language in ("fr", "en"):
        locale = Locale.objects.get(language_code=language)
        pages = ThemePage.objects.filter(locale=locale)
        assert pages.count() == themes
        assert set(pages.values_list("theme_id", flat=True)) == set(
            Theme.objects.values_list("pk", flat=True)
        )


def test_ensure_theme_pages_is_idempotent(site_pages):
    before = ThemePage.objects.count()
    assert ensure_theme_pages() == []
    assert ThemePage.objects.count() == before


def test_theme_pages_of_one_theme_are_translations_of_each_other(site_pages, health_financing):
    pages = ThemePage.objects.filter(theme=health_financing)
    assert pages.count() == 2
    assert len(set(pages.values_list("translation_key", flat=True))) == 1


def test_a_new_theme_gets_its_pages(client, site_pages):
    theme = ThemeFactory(
        name_fr="Protection sociale",
        slug_fr="protection-sociale",
        name_en="Social protection",
        slug_en="social-protection",
    )
    assert ThemePage.objects.filter(theme=theme, live=True).count() == 2
    assert client.get("/fr/themes/protection-sociale/").status_code == 200
    assert client.get("/en/themes/social-protection/").status_code == 200


def queries_for(client, url) -> int:
    client.get(url)  # warm the site-root and template caches
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_theme_page_costs_the_same_queries_with_3_or_12_pages(
    client, site_pages, health_financing, django_assert_max_num_queries
):
    url = "/fr/themes/financement-de-la-sante/"
    for _ in range(3):
        tagged_page(site_pages["fr"], health_financing)
    bound = queries_for(client, url)
    for _ in range(9):
        tagged_page(site_pages["fr"], health_financing)
    with django_assert_max_num_queries(bound):
        response = client.get(url)
    assert len(response.context["sections"][0]["items"]) == 10


def test_home_page_costs_the_same_queries_with_3_or_12_pages(
    client, latest_block_home, health_financing, django_assert_max_num_queries
):
    for _ in range(3):
        tagged_page(latest_block_home, health_financing)
    bound = queries_for(client, "/fr/")
    for _ in range(9):
        tagged_page(latest_block_home, health_financing)
    with django_assert_max_num_queries(bound):
        response = client.get("/fr/")
    assert response.content.decode().count('class="card"') == 12


def test_unknown_page_answers_404_with_the_portal_layout(client, site_pages):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
