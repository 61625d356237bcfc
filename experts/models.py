"""The bank of experts' CVs: a structured profile per member, in the spirit of Europass.

Plain Django models (community data edited by its owner), not Wagtail pages.
"""

import uuid
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import Country, Region, Theme
from portal.validators import validate_avatar

from . import permissions
from .languages import LANGUAGE_CHOICES, LANGUAGE_NAMES, LanguageLevel
from .permissions import Visibility
from .validators import validate_plain_text

YEAR_VALIDATORS = [MinValueValidator(1940), MaxValueValidator(2100)]


def _photo_path(instance, filename: str) -> str:
    # A random folder: photos of members-only profiles must not be guessable.
    return f"experts/photos/{uuid.uuid4().hex}/{filename}"


def _cv_path(instance, filename: str) -> str:
    # CV files are served by a view that checks permissions; the random folder
    # keeps them unguessable even where media files are served directly.
    return f"experts/cv/{uuid.uuid4().hex}/{filename}"


class Availability(models.TextChoices):
    AVAILABLE = "available", _("Available")
    PARTIAL = "partial", _("Partially available")
    UNAVAILABLE = "unavailable", _("Not available")


class ExpertProfileQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Profiles `user` may see (rules in experts.permissions)."""
        return self.filter(permissions.visibility_filter(user))


class ExpertProfile(models.Model):
    """A member's CV in the bank, found by support structures, ministries and projects."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        related_name="expert_profile",
        on_delete=models.CASCADE,
        verbose_name=_("member"),
    )
    headline = models.CharField(
        _("headline"),
        max_length=150,
        validators=[validate_plain_text],
        help_text=_("One line that says what you do, e.g. “Health economist, actuary”."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=4000,
        blank=True,
        help_text=_("Up to 4,000 characters. Markdown is allowed."),
    )
    photo = models.ImageField(
        _("photo"), upload_to=_photo_path, blank=True, validators=[validate_avatar]
    )
    nationality = models.ForeignKey(
        Country,
        verbose_name=_("nationality"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    residence = models.ForeignKey(
        Country,
        verbose_name=_("country of residence"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    keywords = models.CharField(
        _("skills and keywords"),
        max_length=500,
        blank=True,
        validators=[validate_plain_text],
        help_text=_("Separated by commas, e.g. “actuarial studies, MAS Gestion, training”."),
    )
    experience_countries = models.ManyToManyField(
        Country,
        related_name="expert_profiles",
        blank=True,
        verbose_name=_("countries of work experience"),
    )
    experience_regions = models.ManyToManyField(
        Region,
        related_name="expert_profiles",
        blank=True,
        verbose_name=_("regions of work experience"),
    )
    availability = models.CharField(
        _("availability"),
        max_length=12,
        choices=Availability.choices,
        default=Availability.AVAILABLE,
    )
    available_from = models.DateField(
        _("available from"),
        null=True,
        blank=True,
        help_text=_("Leave empty if this applies now."),
    )
    visibility = models.CharField(
        _("who can see this profile"),
        max_length=10,
        choices=Visibility.choices,
        # Private by default: the expert opens the profile when it is ready.
        default=Visibility.STAFF,
    )
    cv_file = models.FileField(_("CV file"), upload_to=_cv_path, blank=True)
    cv_downloadable = models.BooleanField(
        _("let those who can see my profile download my CV file"), default=False
    )
    cv_text = models.TextField(_("text of the CV file"), blank=True, editable=False)
    is_validated = models.BooleanField(_("validated expert"), default=False)
    validated_at = models.DateTimeField(_("validated on"), null=True, blank=True, editable=False)
    validated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("validated by"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    objects = ExpertProfileQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        verbose_name = _("expert profile")
        verbose_name_plural = _("expert profiles")
        permissions = [("validate_expertprofile", _("Can validate expert profiles"))]

    def __str__(self):
        return f"{self.user.public_name} – {self.headline}"

    def get_absolute_url(self) -> str:
        return reverse("experts:profile", args=[self.pk])

    @property
    def name(self) -> str:
        return self.user.public_name

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip() for word in self.keywords.split(",") if word.strip()]

    @property
    def cv_file_name(self) -> str:
        return self.cv_file.name.rsplit("/", 1)[-1] if self.cv_file else ""

    @property
    def available_later(self) -> bool:
        return bool(self.available_from and self.available_from > timezone.localdate())

    def clean(self):
        if self.available_from and self.availability == Availability.UNAVAILABLE:
            # "Not available from June" reads as the opposite of what is meant.
            raise ValidationError(
                {
                    "available_from": _(
                        "A start date only makes sense if you are available or partially "
                        "available from that date."
                    )
                }
            )


class LanguageSkill(models.Model):
    profile = models.ForeignKey(ExpertProfile, related_name="languages", on_delete=models.CASCADE)
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGE_CHOICES)
    level = models.PositiveSmallIntegerField(_("level"), choices=LanguageLevel.choices)

    class Meta:
        ordering = ["-level", "language"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        constraints = [
            models.UniqueConstraint(fields=["profile", "language"], name="one_level_per_language"),
            models.CheckConstraint(
                condition=models.Q(level__gte=LanguageLevel.A1, level__lte=LanguageLevel.NATIVE),
                name="cefr_level_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.language_name} ({self.level_code})"

    @property
    def language_name(self) -> str:
        return str(LANGUAGE_NAMES.get(self.language, self.language))

    @property
    def level_code(self) -> str:
        """ "B2", or the words "Mother tongue"."""
        level = LanguageLevel(self.level)
        return str(level.label) if level == LanguageLevel.NATIVE else level.name


class Expertise(models.Model):
    """An area of expertise (one of the portal's themes) with the years spent on it."""

    profile = models.ForeignKey(ExpertProfile, related_name="expertise", on_delete=models.CASCADE)
    theme = models.ForeignKey(
        Theme, related_name="expertise", on_delete=models.CASCADE, verbose_name=_("theme")
    )
    years = models.PositiveSmallIntegerField(
        _("years of experience"), validators=[MaxValueValidator(60)]
    )

    class Meta:
        ordering = ["-years", "theme__sort_order"]
        verbose_name = _("area of expertise")
        verbose_name_plural = _("areas of expertise")
        constraints = [
            models.UniqueConstraint(fields=["profile", "theme"], name="one_entry_per_theme"),
        ]

    def __str__(self):
        return f"{self.theme} ({self.years})"


class WorkKind(models.TextChoices):
    EMPLOYMENT = "employment", _("Employment")
    CONSULTANCY = "consultancy", _("Consultancy")
    MISSION = "mission", _("Mission")


class WorkExperience(models.Model):
    profile = models.ForeignKey(
        ExpertProfile, related_name="work_history", on_delete=models.CASCADE
    )
    role = models.CharField(_("role"), max_length=150, validators=[validate_plain_text])
    organisation = models.CharField(
        _("organisation"), max_length=150, validators=[validate_plain_text]
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    kind = models.CharField(
        _("type"), max_length=12, choices=WorkKind.choices, default=WorkKind.EMPLOYMENT
    )
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("to"), null=True, blank=True, help_text=_("Empty if ongoing."))
    description = models.TextField(
        _("description"), max_length=2000, blank=True, help_text=_("Markdown is allowed.")
    )

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("work experience")
        verbose_name_plural = _("work history")

    def __str__(self):
        return f"{self.role}, {self.organisation}"

    def clean(self):
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("The end date is before the start date.")}, code="reversed_dates"
            )

    def overlaps(self, other: "WorkExperience") -> bool:
        """Whether the two periods share a day (an ongoing one runs until today and beyond)."""
        return self.start_date <= (other.end_date or date.max) and other.start_date <= (
            self.end_date or date.max
        )


class Education(models.Model):
    profile = models.ForeignKey(ExpertProfile, related_name="education", on_delete=models.CASCADE)
    degree = models.CharField(_("degree"), max_length=150, validators=[validate_plain_text])
    field_of_study = models.CharField(
        _("field of study"), max_length=150, blank=True, validators=[validate_plain_text]
    )
    institution = models.CharField(
        _("institution"), max_length=150, validators=[validate_plain_text]
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("education")
        verbose_name_plural = _("education")

    def __str__(self):
        return f"{self.degree}, {self.institution} ({self.year})"


class TrainingGiven(models.Model):
    """A training the expert gave (a later version links it to an event)."""

    profile = models.ForeignKey(ExpertProfile, related_name="trainings", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=200, validators=[validate_plain_text])
    organiser = models.CharField(
        _("organiser"), max_length=150, blank=True, validators=[validate_plain_text]
    )
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("training given")
        verbose_name_plural = _("trainings given")

    def __str__(self):
        return f"{self.title} ({self.year})"


class Publication(models.Model):
    """A reference in free text, a link (e.g. to a library resource), or both."""

    profile = models.ForeignKey(
        ExpertProfile, related_name="publications", on_delete=models.CASCADE
    )
    reference = models.CharField(
        _("reference"),
        max_length=500,
        blank=True,
        validators=[validate_plain_text],
        help_text=_("Authors, title, publisher, year."),
    )
    url = models.URLField(
        _("link"), blank=True, help_text=_("A web address, e.g. the resource in the library.")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )

    class Meta:
        ordering = [models.F("year").desc(nulls_last=True), "reference"]
        verbose_name = _("publication")
        verbose_name_plural = _("publications")

    def __str__(self):
        return self.reference or self.url

    def clean(self):
        if not self.reference and not self.url:
            raise ValidationError(
                _("Give the publication's reference, a link to it, or both."), code="empty"
            )


class ExpertEditLog(models.Model):
    """What changed in a validated profile, and who changed it: the badge stays, staff can check."""

    profile = models.ForeignKey(ExpertProfile, related_name="edit_log", on_delete=models.CASCADE)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        verbose_name=_("edited by"),
    )
    created_at = models.DateTimeField(_("date"), auto_now_add=True)
    section = models.CharField(_("section"), max_length=40)
    changed_fields = models.JSONField(_("changed fields"), default=list)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("profile edit")
        verbose_name_plural = _("profile edits")

    def __str__(self):
        return f"{self.profile_id} {self.section} {self.created_at:%Y-%m-%d %H:%M}"


class ContactMessage(models.Model):
    """A message relayed to an expert by email; kept so that abuse can be handled."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="+",
        on_delete=models.SET_NULL,
        null=True,
        verbose_name=_("sender"),
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        related_name="+",
        on_delete=models.CASCADE,
        verbose_name=_("recipient"),
    )
    subject = models.CharField(_("subject"), max_length=150, validators=[validate_plain_text])
    body = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("contact message")
        verbose_name_plural = _("contact messages")

    def __str__(self):
        return self.subject
