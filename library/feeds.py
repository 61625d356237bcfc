"""RSS and Atom feeds of new resources, overall and per theme, in the library page's language."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from portal.models import Theme

from .permissions import visible_resources

FEED_ITEMS = 30


class ResourcesRssFeed(Feed):
    """Newest visible resources; routed from LibraryIndexPage so it follows its locale."""

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, theme_slug=None):
        self.request = request
        if theme_slug is None:
            return None
        theme = Theme.objects.for_slug(theme_slug).first()
        if theme is None:
            raise Http404
        return theme

    def title(self, theme):
        if theme is None:
            return _("New in the library")
        return _("New in the library: %(theme)s") % {"theme": theme.name}

    def link(self, theme):
        return self.index_page.get_url(self.request)

    def description(self, theme):
        return _("Guides, reports, studies and tools newly added to the library.")

    def items(self, theme):
        resources = visible_resources(None, self.index_page.locale).prefetch_related("themes")
        if theme is not None:
            resources = resources.filter(themes=theme)
        return resources.order_by("-first_published_at", "-pk")[:FEED_ITEMS]

    def item_title(self, resource):
        return resource.title

    def item_description(self, resource):
        return resource.summary

    def item_link(self, resource):
        return resource.get_url(self.request)

    def item_pubdate(self, resource):
        return resource.first_published_at

    def item_categories(self, resource):
        return [theme.name for theme in resource.themes.all()]


class ResourcesAtomFeed(ResourcesRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, theme):
        return self.description(theme)
