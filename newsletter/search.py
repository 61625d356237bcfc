"""Published user news and published G-NEWS editions in the portal's search.

Both are public once published (`NewsItem.objects.visible_to` an anonymous
reader; live, unrestricted issue pages), so their documents carry the
`public` token. A news item leaves the index when it is rejected or deleted;
an issue edition when it is unpublished, restricted or deleted.

An issue's document holds the text of the news items it contains, so a change
to one of them (edited, rejected, unpublished, deleted) also reindexes the
issues that contain it: withdrawn news must not stay findable through them.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.sanitizer import plain_text
from search import registry
from search.documents import PUBLIC, SearchDocument
from search.pages import PageSource

from .models import IssueReference, NewsItem, NewsletterIssuePage
from .rendering import build_issue_document


class NewsSource(registry.SearchSource):
    key = "news"
    label = _("News")
    model = NewsItem

    def queryset(self):
        return (
            NewsItem.objects.visible_to(AnonymousUser())
            .select_related("category")
            .prefetch_related("themes", "countries")
            .order_by("pk")
        )

    def to_document(self, news: NewsItem) -> SearchDocument | None:
        if not news.is_published:
            return None
        with translation.override(news.language):
            url = news.get_absolute_url()
        body = "\n".join(
            part
            for part in (plain_text(news.body), news.contributor_line, news.event_place)
            if part
        )
        return SearchDocument(
            source=self.key,
            object_id=news.pk,
            title=news.title,
            url=url,
            language=news.language,
            tokens=frozenset({PUBLIC}),
            body=body,
            date=news.published_at,
            themes=tuple(theme.pk for theme in news.themes.all()),
            countries=tuple(country.code for country in news.countries.all()),
        )

    def connect(self) -> None:
        super().connect()
        post_save.connect(_news_saved, sender=NewsItem, weak=False)
        pre_delete.connect(_news_about_to_be_deleted, sender=NewsItem, weak=False)
        post_delete.connect(_news_deleted, sender=NewsItem, weak=False)


# Signals keeping the issues' documents in step with the news items they contain.


def _issue_ids(news: NewsItem) -> list[int]:
    return sorted(set(IssueReference.objects.filter(news=news).values_list("issue_id", flat=True)))


def _reindex_issues(issue_ids) -> None:
    from search.indexing import schedule_update

    schedule_update(IssueSource.key, issue_ids)


def _news_saved(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    if raw or (update_fields is not None and set(update_fields) <= {"announced_issues"}):
        return  # bookkeeping that changes nothing readers see
    _reindex_issues(_issue_ids(instance))


def _news_about_to_be_deleted(sender, instance, **kwargs) -> None:
    # The issue references go with the news item: note its issues while they are known.
    instance._gnews_issue_ids = _issue_ids(instance)


def _news_deleted(sender, instance, **kwargs) -> None:
    _reindex_issues(getattr(instance, "_gnews_issue_ids", []))


class IssueSource(PageSource):
    key = "gnews"
    label = _("G-NEWS")
    model = NewsletterIssuePage

    def body(self, page: NewsletterIssuePage) -> str:
        """The issue's text as readers see it: sections, items, contributors, call-outs."""
        issue = build_issue_document(page)
        parts = [issue.opening_text]
        for part in issue.parts:
            items = part.items if part.is_section else [part]
            if part.is_section:
                parts.extend([part.title, part.intro])
            for item in items:
                parts.extend([item.title, item.text, item.contributor, *item.points])
                parts.extend(text for _when, text in item.timeline)
        return "\n".join(part for part in parts if part)


registry.register(NewsSource())
registry.register(IssueSource())
