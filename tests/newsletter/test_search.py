"""Published user news and published G-NEWS editions are found by the portal's search."""

import pytest
from django.contrib.auth.models import AnonymousUser

from newsletter.services import publish_news, reject_news
from search import services

from .factories import NewsItemFactory, NewsletterIssuePageFactory, news_block, section_block


@pytest.fixture(autouse=True)
def database_search(settings):
    settings.SEARCH_BACKEND = "database"


def found(text, source):
    params = {"type": [source]}
    return [item.hit.title for item in services.search(text, AnonymousUser(), params).items]


def test_published_news_is_found_by_a_word_of_its_text(db):
    NewsItemFactory(title="Kisantu", body="La mutuelle compte mille bénéficiaires.")
    assert found("bénéficiaires", "news") == ["Kisantu"]


def test_news_waiting_for_moderation_is_not_found(db):
    NewsItemFactory(title="Kisantu", body="Mutuelle", status="submitted", published_at=None)
    assert found("mutuelle", "news") == []


def test_news_leaves_the_index_when_rejected(editor, committed):
    news = NewsItemFactory(title="Kisantu", body="Mutuelle", status="submitted", published_at=None)
    with committed(execute=True):
        publish_news(news, editor)
    assert found("mutuelle", "news") == ["Kisantu"]
    with committed(execute=True):
        reject_news(news, editor, "Doublon")
    assert found("mutuelle", "news") == []


def test_published_issue_is_found_by_a_word_of_one_of_its_items(gnews):
    news = NewsItemFactory(body="Les cotisations sont prélevées automatiquement.")
    issue = NewsletterIssuePageFactory(
        parent=gnews["fr"],
        title="Numéro de printemps",
        live=False,
        body=[section_block("Quoi de neuf ?", [news_block(news)])],
    )
    assert found("prélevées", "gnews") == []
    issue.save_revision().publish()
    assert found("prélevées", "gnews") == ["Numéro de printemps"]


@pytest.fixture
def issue_with_news(gnews):
    """A published issue containing one published news item, found by the item's words."""
    news = NewsItemFactory(body="Les cotisations sont prélevées automatiquement.")
    issue = NewsletterIssuePageFactory(
        parent=gnews["fr"],
        title="Numéro de printemps",
        live=False,
        body=[section_block("Quoi de neuf ?", [news_block(news)])],
    )
    issue.save_revision().publish()
    assert found("prélevées", "gnews") == ["Numéro de printemps"]
    return news


def test_issue_is_no_longer_found_by_a_news_item_rejected_after_publication(
    issue_with_news, editor, committed
):
    with committed(execute=True):
        reject_news(issue_with_news, editor, "Retirée à la demande de l'auteur")
    assert found("prélevées", "gnews") == []


def test_issue_is_no_longer_found_by_a_news_item_unpublished_after_publication(issue_with_news):
    issue_with_news.status = "submitted"
    issue_with_news.published_at = None
    issue_with_news.save()
    assert found("prélevées", "gnews") == []


def test_issue_is_no_longer_found_by_a_deleted_news_item(issue_with_news):
    issue_with_news.delete()
    assert found("prélevées", "gnews") == []


def test_issue_is_found_by_the_edited_text_of_its_news_item_only(issue_with_news):
    issue_with_news.body = "Les cotisations sont versées au guichet."
    issue_with_news.save()
    assert found("prélevées", "gnews") == []
    assert found("guichet", "gnews") == ["Numéro de printemps"]
