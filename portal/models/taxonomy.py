"""The shared taxonomy every content type tags itself with."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .bilingual import BilingualMixin


class ThemeQuerySet(models.QuerySet):
    def for_slug(self, slug: str):
        """Find a theme by its slug in either language (URLs are shared across languages)."""
        return self.filter(models.Q(slug_fr=slug) | models.Q(slug_en=slug))


class Theme(BilingualMixin, models.Model):
    """A subject of the field (legislation, health financing…), named in French and English."""

    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    slug_fr = models.SlugField(_("slug (French)"), max_length=120, unique=True)
    slug_en = models.SlugField(_("slug (English)"), max_length=120, unique=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ThemeQuerySet.as_manager()

    class Meta:
        ordering = ["sort_order", "name_en"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.localized("name")

    @property
    def slug(self) -> str:
        return self.localized("slug")

    @property
    def description(self) -> str:
        return self.localized("description")


class Country(models.Model):
    """An ISO 3166-1 country; its name comes from django-countries in the active language.

    Stored as a table (seeded by a migration) rather than a text field so that
    content can be tagged many-to-many and faceted with plain joins.
    """

    code = models.CharField(_("ISO code"), max_length=2, primary_key=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return str(countries.name(self.code)) or self.code

    @property
    def flag_code(self) -> str:
        return self.code.lower()

    @staticmethod
    def sorted_by_name(queryset) -> list["Country"]:
        """Countries ordered by their name in the active language (the database can't)."""
        return sorted(queryset, key=lambda country: country.name.casefold())


class Region(BilingualMixin, models.Model):
    """A named group of countries (West Africa, UEMOA, Latin America…)."""

    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    countries = models.ManyToManyField(
        Country, related_name="regions", verbose_name=_("countries"), blank=True
    )

    class Meta:
        ordering = ["name_en"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.localized("name")
