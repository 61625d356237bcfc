"""Factories for user news, subscribers and G-NEWS issue pages."""

import factory
import wagtail_factories
from django.utils import timezone

from newsletter.models import (
    NewsCategory,
    NewsItem,
    NewsletterIndexPage,
    NewsletterIssuePage,
    NewsLink,
    Subscriber,
)
from tests.portal.factories import UserFactory


class NewsCategoryFactory(factory.django.DjangoModelFactory):
    """The seeded categories are reused by slug; other slugs create new ones."""

    class Meta:
        model = NewsCategory
        django_get_or_create = ["slug"]

    slug = "whats-new"
    name_fr = factory.LazyAttribute(lambda c: c.slug)
    name_en = factory.LazyAttribute(lambda c: c.slug)


class NewsItemFactory(factory.django.DjangoModelFactory):
    """A published news item (use status="submitted" for one waiting in the queue)."""

    class Meta:
        model = NewsItem

    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Nouvelle du terrain {n}")
    body = "Une mutuelle de santé a ouvert ses portes."
    category = factory.SubFactory(NewsCategoryFactory)
    language = "fr"
    contributor_line = ""
    status = "published"
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def links(self, create, extracted, **kwargs):
        for position, (label, url) in enumerate(extracted or []):
            NewsLink.objects.create(news=self, label=label, url=url, sort_order=position)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if extracted:
            self.countries.set(extracted)


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber of the French edition."""

    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    language = "fr"
    status = "active"
    confirmed_at = factory.LazyFunction(timezone.now)


class NewsletterIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsletterIndexPage

    title = "G-NEWS"
    slug = "gnews"


class NewsletterIssuePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsletterIssuePage

    title = factory.Sequence(lambda n: f"La lettre de l'extension de la sécurité sociale {n}")
    number = factory.Sequence(lambda n: n + 1)
    issue_date = factory.LazyFunction(lambda: timezone.localdate())
    period_start = factory.LazyFunction(lambda: timezone.localdate().replace(day=1))
    period_end = factory.LazyFunction(lambda: timezone.localdate())
    opening = "<p>G-NEWS rassemble les nouvelles des utilisateurs.</p>"


def news_block(news, contributor="", more_info=()):
    return {
        "type": "news",
        "value": {
            "news": news.pk,
            "contributor": contributor,
            "more_info": [{"label": label, "url": url} for label, url in more_info],
        },
    }


def resource_block(page, summary="", more_info=()):
    return {
        "type": "resource",
        "value": {
            "resource": page.pk,
            "summary": summary,
            "contributor": "",
            "more_info": [{"label": label, "url": url} for label, url in more_info],
        },
    }


def figure_block(figure, text, source=""):
    return {"type": "figure", "value": {"figure": figure, "text": text, "source": source}}


def zoom_block(title, text="", points=(), timeline=(), contributor="", more_info=()):
    entries = []
    if points:
        entries.append({"type": "points", "value": list(points)})
    if timeline:
        entries.append({"type": "timeline", "value": [{"when": w, "text": t} for w, t in timeline]})
    return {
        "type": "zoom",
        "value": {
            "title": title,
            "contributor": contributor,
            "text": f"<p>{text}</p>" if text else "",
            "entries": entries,
            "more_info": [{"label": label, "url": url} for label, url in more_info],
        },
    }


def article_block(title, body, more_info=(), contributor=""):
    return {
        "type": "article",
        "value": {
            "title": title,
            "body": body,
            "contributor": contributor,
            "more_info": [{"label": label, "url": url} for label, url in more_info],
        },
    }


def callout_block(kind, title, text):
    return {"type": "callout", "value": {"kind": kind, "title": title, "text": f"<p>{text}</p>"}}


def section_block(title, items, intro=""):
    return {"type": "section", "value": {"title": title, "intro": intro, "items": items}}
