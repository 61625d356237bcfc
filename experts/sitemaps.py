"""Sitemap entries for the expert profiles their owners made public."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap

from .models import ExpertProfile


class ExpertProfileSitemap(Sitemap):
    i18n = True
    changefreq = "monthly"

    def items(self):
        return ExpertProfile.objects.visible_to(AnonymousUser()).order_by("pk")

    def lastmod(self, profile):
        return profile.updated_at
