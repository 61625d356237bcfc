from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from .models import HomePage


def portal(request):
    """What every page's layout needs: site name, home page and top navigation.

    Navigation is the home page's children marked "show in menus", in the
    active language; two queries at most.
    """
    home = _localized_home(request)
    menu = home.get_children().live().in_menu().specific(defer=True) if home else []
    return {
        # The portal's name is translated unless an installation sets its own.
        "site_name": settings.SITE_NAME or _("Social Protection Portal"),
        "home_page": home,
        "menu_pages": menu,
    }


def _localized_home(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    translations = HomePage.objects.filter(translation_key=site.root_page.translation_key)
    return translations.filter(locale=Locale.get_active()).first() or translations.first()
