"""Published user news: public list with filters and feeds, detail page, home and theme pages."""

from datetime import timedelta

import pytest
from django.utils import timezone

from newsletter.providers import latest_news, news_for_theme
from portal.models import Country
from tests.portal.factories import ThemeFactory

from .factories import NewsCategoryFactory, NewsItemFactory


def test_news_list_shows_published_news_only(client, db):
    NewsItemFactory(title="Published in Dakar")
    NewsItemFactory(title="Waiting in the queue", status="submitted", published_at=None)
    NewsItemFactory(title="Turned down", status="rejected", published_at=None)
    page = client.get("/en/news/").content.decode()
    assert "Published in Dakar" in page
    assert "Waiting in the queue" not in page
    assert "Turned down" not in page


def test_news_list_filters_by_category(client, db):
    NewsItemFactory(title="A training", category=NewsCategoryFactory(slug="trainings"))
    NewsItemFactory(title="A conference", category=NewsCategoryFactory(slug="conferences"))
    trainings = NewsCategoryFactory(slug="trainings")
    page = client.get(f"/en/news/?category={trainings.pk}").content.decode()
    assert "A training" in page
    assert "A conference" not in page


def test_news_list_filters_by_theme_and_country(client, db):
    theme = ThemeFactory()
    congo = Country.objects.get(code="CD")
    NewsItemFactory(title="Kinshasa mutuals", themes=[theme], countries=[congo])
    NewsItemFactory(title="Senegal mutuals", countries=[Country.objects.get(code="SN")])
    page = client.get(f"/en/news/?theme={theme.pk}&country=CD").content.decode()
    assert "Kinshasa mutuals" in page
    assert "Senegal mutuals" not in page


def test_news_list_filters_by_date(client, db):
    NewsItemFactory(title="Old news", published_at=timezone.now() - timedelta(days=400))
    NewsItemFactory(title="Fresh news")
    since = (timezone.now() - timedelta(days=30)).date().isoformat()
    page = client.get(f"/en/news/?since={since}").content.decode()
    assert "Fresh news" in page
    assert "Old news" not in page


def test_news_list_ignores_a_country_with_a_nul_byte(client, db):
    NewsItemFactory(title="Kinshasa mutuals", countries=[Country.objects.get(code="CD")])
    response = client.get("/en/news/?country=%00")
    assert response.status_code == 200
    assert "Kinshasa mutuals" in response.content.decode()


def test_news_list_keeps_the_other_filters_when_one_is_bad(client, db):
    theme = ThemeFactory()
    NewsItemFactory(title="Kinshasa mutuals", themes=[theme])
    NewsItemFactory(title="Senegal mutuals")
    response = client.get(f"/en/news/?theme={theme.pk}&country=C%00D&since=2024-13-45")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kinshasa mutuals" in page
    assert "Senegal mutuals" not in page


@pytest.mark.parametrize(
    "query",
    ["category=abc", "category=%00", "theme=99999999999999999999", "theme=1%00", "until=%00"],
)
def test_news_list_survives_garbage_in_a_filter(client, db, query):
    NewsItemFactory(title="Kinshasa mutuals")
    response = client.get(f"/en/news/?{query}")
    assert response.status_code == 200


def test_news_chooser_ignores_a_nul_byte_and_keeps_the_other_filters(client, editor):
    theme = ThemeFactory()
    NewsItemFactory(title="Kinshasa mutuals", themes=[theme])
    NewsItemFactory(title="Senegal mutuals")
    client.force_login(editor)
    for url in ("/admin/newsletter_news_chooser/", "/admin/newsletter_news_chooser/results/"):
        response = client.get(f"{url}?theme={theme.pk}&country=%00&category=C%00")
        assert response.status_code == 200, url
        page = response.content.decode()
        assert "Kinshasa mutuals" in page, url
        assert "Senegal mutuals" not in page, url


def test_news_list_costs_a_constant_number_of_queries(client, db, django_assert_max_num_queries):
    theme = ThemeFactory()
    for _ in range(15):
        NewsItemFactory(themes=[theme], countries=[Country.objects.get(code="BJ")])
    with django_assert_max_num_queries(12):
        assert client.get("/en/news/").status_code == 200


def test_unpublished_news_detail_is_hidden_from_others(client, member):
    news = NewsItemFactory(status="submitted", published_at=None)
    client.force_login(member)
    assert client.get(news.get_absolute_url()).status_code == 404


def test_author_can_read_their_own_unpublished_news(client, member):
    news = NewsItemFactory(author=member, status="submitted", published_at=None)
    client.force_login(member)
    response = client.get(news.get_absolute_url())
    assert response.status_code == 200
    assert "Not public" in response.content.decode()


def test_news_detail_renders_markdown_through_the_sanitizer(client, db):
    news = NewsItemFactory(body="**Bold** and [a link](https://www.ilo.org)")
    page = client.get(news.get_absolute_url()).content.decode()
    assert "<strong>Bold</strong>" in page
    assert 'rel="nofollow ugc noopener"' in page


def test_news_detail_shows_more_info_links_and_contributor(client, db):
    news = NewsItemFactory(
        contributor_line="Contribution by Aly Cissé, STEP, Dakar, Senegal",
        links=[("UEMOA", "http://www.uemoa.int")],
    )
    page = client.get(news.get_absolute_url()).content.decode()
    assert "Contribution by Aly Cissé, STEP, Dakar, Senegal" in page
    assert 'href="http://www.uemoa.int"' in page


def test_rss_feed_lists_published_news(client, db):
    NewsItemFactory(title="Mutuals in Rwanda")
    NewsItemFactory(title="Not yet", status="submitted", published_at=None)
    response = client.get("/en/news/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert "Mutuals in Rwanda" in response.content.decode()
    assert "Not yet" not in response.content.decode()


def test_atom_feed_lists_published_news(client, db):
    NewsItemFactory(title="Mutuals in Benin")
    response = client.get("/en/news/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Mutuals in Benin" in response.content.decode()


def test_home_page_provider_lists_latest_published_news(db):
    NewsItemFactory(title="Older", published_at=timezone.now() - timedelta(days=2))
    NewsItemFactory(title="Newer")
    NewsItemFactory(title="Hidden", status="submitted", published_at=None)
    assert [item.title for item in latest_news(None, 5)] == ["Newer", "Older"]


def test_theme_page_provider_lists_news_of_that_theme(db):
    theme = ThemeFactory()
    NewsItemFactory(title="On the theme", themes=[theme])
    NewsItemFactory(title="Elsewhere")
    assert [item.title for item in news_for_theme(theme, None, 5)] == ["On the theme"]


def test_news_appear_on_their_theme_page(client, site_pages):
    from portal.models import Theme

    theme = Theme.objects.get(slug_en="health-financing")
    NewsItemFactory(title="Financing community health", themes=[theme])
    page = client.get("/en/themes/health-financing/").content.decode()
    assert "Financing community health" in page
