"""Multi-step operations of the portal, shared by views, commands and signals."""

from django.db import transaction
from wagtail.models import Locale

from .models import Theme, ThemeIndexPage, ThemePage


@transaction.atomic
def delete_account(user) -> None:
    """Delete a member and the files that belong to them."""
    if user.avatar:
        user.avatar.delete(save=False)
    user.delete()


def ensure_theme_pages(themes=None) -> list[ThemePage]:
    """Give each theme a ThemePage under the theme index of every locale that has one.

    Idempotent: themes that already have their page are left alone. Does
    nothing before the theme index exists (e.g. during migrations).
    """
    created = []
    themes = list(themes) if themes is not None else list(Theme.objects.all())
    for index in ThemeIndexPage.objects.select_related("locale"):
        language = index.locale.language_code
        existing = set(ThemePage.objects.child_of(index).values_list("theme_id", flat=True))
        for theme in themes:
            if theme.pk in existing:
                continue
            page = ThemePage(
                title=getattr(theme, f"name_{language}", theme.name_en),
                slug=getattr(theme, f"slug_{language}", theme.slug_en),
                theme=theme,
                locale=index.locale,
                intro=getattr(theme, f"description_{language}", ""),
            )
            _link_translation(page, theme)
            index.add_child(instance=page)
            page.save_revision().publish()
            created.append(page)
    return created


def _link_translation(page: ThemePage, theme: Theme) -> None:
    """Pages for the same theme in different locales are translations of each other."""
    sibling = ThemePage.objects.filter(theme=theme).exclude(locale=page.locale).first()
    if sibling is not None:
        page.translation_key = sibling.translation_key


def locale_for(language_code: str) -> Locale:
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    return locale
