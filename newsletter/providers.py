"""User news on the home page "latest items" blocks and on theme pages."""

from django.utils.translation import gettext_lazy as _

from portal import registry
from portal.sanitizer import plain_text

from .models import NewsItem


def _visible_news(user):
    return (
        NewsItem.objects.visible_to(user)
        .published()
        .select_related("category")
        .prefetch_related("themes")
        .order_by("-published_at")
    )


def _as_item(news: NewsItem) -> registry.ListedItem:
    return registry.ListedItem(
        title=news.title,
        url=news.get_absolute_url(),
        kind=news.category.name,
        summary=plain_text(news.body)[:300],
        date=news.published_at,
        themes=tuple(theme.name for theme in news.themes.all()),
    )


def latest_news(user, limit: int) -> list[registry.ListedItem]:
    return [_as_item(news) for news in _visible_news(user)[:limit]]


def news_for_theme(theme, user, limit: int) -> list[registry.ListedItem]:
    return [_as_item(news) for news in _visible_news(user).filter(themes=theme)[:limit]]


NEWS = registry.ContentProvider(
    key="news",
    label=_("News from the field"),
    latest=latest_news,
    for_theme=news_for_theme,
    order=200,
)
