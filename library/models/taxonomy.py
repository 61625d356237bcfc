"""Languages a resource or one of its files is written in."""

from django.db import models
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

# Seeded by migration 0002; more can be added in the admin shell or a migration.


class Language(models.Model):
    """A language, stored as a table so that resources can be faceted by it with plain joins."""

    code = models.CharField(_("language code"), max_length=7, primary_key=True)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        """The language's name in the active portal language (from Django's language table)."""
        try:
            return str(get_language_info(self.code)["name_translated"])
        except KeyError:
            return self.code
