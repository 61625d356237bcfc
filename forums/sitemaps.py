"""Sitemap entries for the topics an anonymous visitor may read."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap

from .models import Topic


class TopicSitemap(Sitemap):
    i18n = True
    changefreq = "daily"

    def items(self):
        return Topic.objects.visible_to(AnonymousUser()).select_related("forum").order_by("pk")

    def lastmod(self, topic):
        return topic.last_post_at
