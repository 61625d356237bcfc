"""The minimal Wagtail site every page test needs, as a plain function.

tests/conftest.py builds it once per session in the test database (and the
`site_pages` fixture returns it); the browser tests build it into their
snapshot.
"""

from wagtail.models import Locale, Page, Site

from portal.models import HomePage, ThemeIndexPage
from portal.services import ensure_theme_pages


def build_site_pages() -> dict[str, HomePage]:
    """French home page (site root) with its English translation and theme pages.

    Idempotent: returns the existing tree when there is one.
    """
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    en, _ = Locale.objects.get_or_create(language_code="en")
    fr_home = HomePage.objects.filter(locale=fr, depth=2).first()
    en_home = HomePage.objects.filter(locale=en, depth=2).first()
    if fr_home and en_home:
        return {"fr": fr_home, "en": en_home}
    root = Page.get_first_root_node()
    Page.objects.filter(depth=2).delete()
    fr_home = root.add_child(instance=HomePage(title="Accueil", slug="accueil", locale=fr))
    en_home = root.add_child(
        instance=HomePage(
            title="Home", slug="home", locale=en, translation_key=fr_home.translation_key
        )
    )
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=fr_home, is_default_site=True)
    fr_themes = fr_home.add_child(instance=ThemeIndexPage(title="Thèmes", slug="themes", locale=fr))
    en_home.add_child(
        instance=ThemeIndexPage(
            title="Themes", slug="themes", locale=en, translation_key=fr_themes.translation_key
        )
    )
    ensure_theme_pages()
    return {"fr": fr_home, "en": en_home}
