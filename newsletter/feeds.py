"""RSS and Atom feeds of published user news (in the language of the URL)."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from portal.sanitizer import render_markdown

from .models import NewsItem

FEED_SIZE = 30


class NewsRssFeed(Feed):
    title = _("News from the field")
    description = _("News posted by the members of the portal and published by its editors.")

    def link(self):
        return reverse("newsletter:news_list")

    def items(self):
        # Feeds are public and cached by readers: what an anonymous visitor sees.
        return (
            NewsItem.objects.visible_to(AnonymousUser())
            .published()
            .select_related("category", "author")
            .order_by("-published_at")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return render_markdown(item.body)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.contributor_line or item.author.public_name

    def item_categories(self, item):
        return [item.category.name]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
