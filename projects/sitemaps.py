"""Sitemap entries for what an anonymous visitor may read: workspace pages and public wikis."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.sitemaps import Sitemap

from .models import WikiPage, Workspace


class WorkspaceSitemap(Sitemap):
    i18n = True
    changefreq = "weekly"

    def items(self):
        return Workspace.objects.visible_to(AnonymousUser()).order_by("pk")

    def lastmod(self, workspace):
        return workspace.updated_at


class WikiPageSitemap(Sitemap):
    i18n = True
    changefreq = "weekly"

    def items(self):
        return (
            WikiPage.objects.visible_to(AnonymousUser()).select_related("workspace").order_by("pk")
        )

    def lastmod(self, page):
        return page.updated_at


SITEMAPS = {"workspaces": WorkspaceSitemap, "workspace-wiki": WikiPageSitemap}
