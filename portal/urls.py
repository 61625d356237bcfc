"""The portal's URL map: admin and machine endpoints unprefixed, everything
people read under /fr/ or /en/, Wagtail's page tree last."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from . import sitemaps, views
from .api import api

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": sitemaps.sitemaps()},
        name="sitemap",
    ),
    path("healthz", views.healthz, name="healthz"),
    # Email providers' webhooks (inbound replies to the forums): django-anymail.
    path("anymail/", include("anymail.urls")),
    path("api/v1/", api.urls),
    path("library/", include("library.urls")),
    path("", include("newsletter.email_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("accounts/", include("portal.account_urls")),
    path("accounts/", include("allauth.urls")),
    path("projects/", include("projects.urls")),
    path("forum/", include("forums.urls")),
    path("experts/", include("experts.urls")),
    path("search/", include("search.urls")),
    path("", include("newsletter.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
