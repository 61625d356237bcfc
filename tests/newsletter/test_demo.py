"""The G-NEWS demo: a dozen published news items, issues no. 1 (fr and en) and 2, subscribers."""

import io

import pytest
from django.core.management import call_command

from newsletter.models import NewsItem, NewsletterIssuePage, Subscriber


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_demo_publishes_a_dozen_news_items_across_categories_and_countries(demo):
    news = NewsItem.objects.filter(status="published")
    assert news.count() >= 12
    assert news.values("category").distinct().count() >= 4
    assert news.values("countries").distinct().count() >= 4


def test_demo_has_issue_one_in_both_languages_and_issue_two(demo):
    live = NewsletterIssuePage.objects.live()
    numbers = {(issue.number, issue.locale.language_code) for issue in live}
    assert {(1, "fr"), (1, "en"), (2, "fr")} <= numbers


def test_demo_issue_one_carries_news_from_the_field(client, demo):
    issue = NewsletterIssuePage.objects.live().get(number=1, locale__language_code="fr")
    page = client.get(issue.url).content.decode()
    titles = NewsItem.objects.filter(status="published").values_list("title", flat=True)
    assert sum(title in page for title in titles) >= 3


def test_demo_has_a_few_subscribers(demo):
    assert Subscriber.objects.filter(status="active").count() >= 2
