"""The sitemap's sections: Wagtail's page tree, plus what apps register.

Apps call `register(key, SitemapClass)` in their AppConfig.ready(); each
class lists only what an anonymous visitor may read (its app's
`visible_to(AnonymousUser())`), whoever fetches the sitemap.
"""

from django.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

_sitemaps: dict[str, type[Sitemap]] = {"wagtail": WagtailSitemap}


def register(key: str, sitemap: type[Sitemap]) -> None:
    _sitemaps[key] = sitemap


def sitemaps() -> dict[str, type[Sitemap]]:
    return dict(_sitemaps)
