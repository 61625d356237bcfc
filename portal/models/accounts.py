"""Accounts: one user model that carries the member's public profile."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.validators import validate_avatar

from .taxonomy import Country

# Languages members may say they speak: the portal's own and those of its
# French-, English-, Spanish- and Portuguese-speaking field, plus widely
# spoken regional languages.
SPOKEN_LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("ar", _("Arabic")),
    ("sw", _("Swahili")),
    ("wo", _("Wolof")),
    ("ha", _("Hausa")),
    ("bm", _("Bambara")),
    ("ln", _("Lingala")),
    ("hi", _("Hindi")),
    ("bn", _("Bengali")),
]


class PortalUserManager(UserManager):
    def get_by_natural_key(self, username):
        # Members log in by email; match it case-insensitively.
        return self.get(**{f"{self.model.USERNAME_FIELD}__iexact": username})


class User(AbstractUser):
    """A member of the portal.

    Profile fields live on the user itself so that every list showing authors
    (forum posts, news, workspace members) gets them without an extra join.
    """

    email = models.EmailField(_("email address"), unique=True)
    display_name = models.CharField(_("display name"), max_length=80, blank=True)
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        related_name="members",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    spoken_languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    bio = models.TextField(_("short bio"), max_length=1000, blank=True)
    avatar = models.ImageField(
        _("avatar"), upload_to="avatars/", blank=True, validators=[validate_avatar]
    )
    preferred_language = models.CharField(
        _("preferred site language"),
        max_length=7,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    newsletter_opt_in = models.BooleanField(_("receive the G-NEWS newsletter"), default=False)

    objects = PortalUserManager()

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self):
        return self.public_name

    @property
    def public_name(self) -> str:
        """The name shown to others; never the email address."""
        return self.display_name or self.get_full_name() or self.username

    def spoken_language_names(self) -> list[str]:
        names = dict(SPOKEN_LANGUAGES)
        return [str(names[code]) for code in self.spoken_languages if code in names]

    def has_role(self, role: str) -> bool:
        return self.groups.filter(name=role).exists()
