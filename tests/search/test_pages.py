"""The portal's pages in the index: publishing, unpublishing, deleting, privacy."""

import json

import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.models import Locale, PageViewRestriction

from search import services
from search.indexing import rebuild_index
from tests.portal.factories import ContentPageFactory, ThemeFactory, UserFactory


def titles(text, user=None, **filters):
    """Titles of matching content pages (the theme pages of `site_pages` left out)."""
    filters.setdefault("type", "pages")
    params = {name: [value] for name, value in filters.items()}
    return [item.hit.title for item in services.search(text, user or AnonymousUser(), params).items]


def draft_page(parent, **fields):
    return ContentPageFactory(parent=parent, live=False, **fields)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_publishing_a_content_page_makes_it_findable(search_backend, site_pages):
    page = draft_page(site_pages["fr"], title="Guide du gestionnaire de mutuelle")
    assert titles("gestionnaire") == []
    publish(page)
    assert titles("gestionnaire") == ["Guide du gestionnaire de mutuelle"]


@pytest.mark.real_elasticsearch_only
def test_words_of_the_intro_and_body_are_searchable(search_backend, site_pages):
    page = draft_page(
        site_pages["fr"],
        title="Guide",
        intro="Pour les promoteurs.",
        body=json.dumps(
            [{"type": "paragraph", "value": "<p>Le <b>tiers payant</b> expliqué.</p>"}]
        ),
    )
    publish(page)
    assert titles("promoteurs") == ["Guide"]
    assert titles("tiers") == ["Guide"]


def test_unpublishing_a_page_removes_it(search_backend, site_pages):
    page = publish(draft_page(site_pages["fr"], title="Rapport annuel"))
    page.unpublish()
    assert titles("rapport") == []


def test_deleting_a_page_removes_it(search_backend, site_pages):
    page = publish(draft_page(site_pages["fr"], title="Rapport annuel"))
    page.delete()
    assert titles("rapport") == []


def test_a_page_for_logged_in_readers_is_found_by_members_only(search_backend, site_pages):
    page = publish(draft_page(site_pages["fr"], title="Compte rendu interne"))
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert titles("compte rendu") == []
    assert titles("compte rendu", UserFactory()) == ["Compte rendu interne"]


def test_lifting_a_restriction_makes_the_page_public_again(search_backend, site_pages):
    page = publish(draft_page(site_pages["fr"], title="Compte rendu interne"))
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    restriction.delete()
    assert titles("compte rendu") == ["Compte rendu interne"]


def test_a_restriction_on_a_parent_page_hides_its_children(search_backend, site_pages):
    parent = publish(draft_page(site_pages["fr"], title="Espace partenaires"))
    publish(draft_page(parent, title="Convention de partenariat"))
    PageViewRestriction.objects.create(page=parent, restriction_type=PageViewRestriction.LOGIN)
    assert titles("convention") == []


def test_a_page_is_faceted_by_its_themes_and_language(search_backend, site_pages):
    theme = ThemeFactory(slug_fr="gouvernance-mutuelles", slug_en="mutual-governance")
    page = draft_page(site_pages["en"], title="Governance of mutual health organisations")
    page.themes.set([theme])
    page.locale = Locale.objects.get(language_code="en")
    publish(page)
    assert titles("governance", theme="mutual-governance", lang="en") == [
        "Governance of mutual health organisations"
    ]
    assert titles("governance", lang="fr") == []


def test_theme_pages_are_searchable(search_backend, site_pages):
    rebuild_index()  # a fresh Elasticsearch index has not seen the session's site yet
    assert "Financement de la santé" in titles("financement", type="themes")
