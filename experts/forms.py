"""Forms of the expert bank: the CV's steps, the bank's filters and the contact form."""

import functools

from django import forms
from django.db import models
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from portal.models import Region, Theme

from .cv_files import ACCEPT_ATTRIBUTE, validate_cv_file
from .languages import LANGUAGE_CHOICES, LanguageLevel
from .models import (
    Education,
    Expertise,
    ExpertProfile,
    LanguageSkill,
    Publication,
    TrainingGiven,
    WorkExperience,
    WorkKind,
)
from .validators import validate_plain_text
from .widgets import FastSelect, FastSelectMultiple

MONTH_INPUT_FORMATS = ["%Y-%m", "%Y-%m-%d", "%m/%Y"]


def country_choices(blank: bool = True) -> list[tuple[str, str]]:
    """Countries sorted by their name in the reader's language."""
    options = _sorted_countries(get_language())
    return [("", "---------"), *options] if blank else list(options)


@functools.lru_cache(maxsize=8)
def _sorted_countries(language: str) -> tuple[tuple[str, str], ...]:
    # Cached per language: translating and sorting 249 names on every page adds up.
    ordered = sorted(countries, key=lambda country: str(country.name).casefold())
    return tuple((country.code, str(country.name)) for country in ordered)


def sorted_languages() -> list[tuple[str, str]]:
    return list(_sorted_languages(get_language()))


@functools.lru_cache(maxsize=8)
def _sorted_languages(language: str) -> tuple[tuple[str, str], ...]:
    named = ((code, str(name)) for code, name in LANGUAGE_CHOICES)
    return tuple(sorted(named, key=lambda choice: choice[1].casefold()))


class MonthInput(forms.DateInput):
    """Europass dates are months: `<input type="month">` (a text box where unsupported)."""

    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs={"placeholder": "YYYY-MM", **(attrs or {})}, format="%Y-%m")


class CountryFieldsMixin:
    """Country selects list names in the reader's language (the table holds only codes)."""

    country_fields: tuple[str, ...] = ()

    def setup_country_fields(self):
        for name in self.country_fields:
            self.fields[name].widget = FastSelect()
            self.fields[name].choices = country_choices()


class AboutForm(CountryFieldsMixin, forms.ModelForm):
    country_fields = ("nationality", "residence")

    class Meta:
        model = ExpertProfile
        fields = [
            "headline",
            "summary",
            "photo",
            "nationality",
            "residence",
            "keywords",
            "availability",
            "available_from",
        ]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 8}),
            "photo": forms.ClearableFileInput(
                attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}
            ),
            "available_from": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {"photo": _("JPEG, PNG, GIF or WebP, 2 MB at most.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_country_fields()
        # Remembered so that a replaced photo can be removed from storage.
        self.previous_photo = self.instance.photo.name or ""


class ExperienceAreasForm(forms.ModelForm):
    """Where the expert has worked: countries and regions, next to the themes."""

    class Meta:
        model = ExpertProfile
        fields = ["experience_countries", "experience_regions"]
        widgets = {
            "experience_countries": FastSelectMultiple(attrs={"size": 10}),
            "experience_regions": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "experience_countries": _("Hold Ctrl (Cmd on a Mac) to select several countries."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["experience_countries"].choices = country_choices(blank=False)
        self.fields["experience_regions"].queryset = Region.objects.all()


class PrivacyForm(forms.ModelForm):
    class Meta:
        model = ExpertProfile
        fields = ["visibility", "cv_downloadable"]
        widgets = {"visibility": forms.RadioSelect}
        help_texts = {
            "visibility": _(
                "Your email address is never shown: others write to you through a contact form."
            ),
        }


class CvFileForm(forms.Form):
    cv_file = forms.FileField(
        label=_("CV file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
        validators=[validate_cv_file],
    )
    remove = forms.BooleanField(label=_("Remove my current CV file"), required=False)

    def __init__(self, *args, max_size_label: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cv_file"].help_text = _(
            "PDF or Word (DOCX), %(limit)s at most. Its text is used to find you in the bank."
        ) % {"limit": max_size_label}

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("cv_file") and cleaned.get("remove"):
            raise forms.ValidationError(
                _("Choose a new file or remove the current one, not both."), code="both"
            )
        return cleaned


class EntryFormSet(BaseInlineFormSet):
    """Inline formsets of the CV: blank extra forms let members add entries without JavaScript."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for form in self.forms:
            if "DELETE" in form.fields:
                form.fields["DELETE"].label = _("Remove this entry")

    def clean(self):
        super().clean()
        # Django silently ignores a posted id outside the profile's entries (a
        # forged id, or an entry deleted meanwhile in another tab): say so.
        if any(form.instance._state.adding for form in self.initial_forms):
            raise forms.ValidationError(
                _("An entry on this page no longer exists or is not yours. Reload the page."),
                code="unknown_entry",
            )


class CountryEntryForm(CountryFieldsMixin, forms.ModelForm):
    country_fields = ("country",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_country_fields()


class LanguageSkillForm(forms.ModelForm):
    class Meta:
        model = LanguageSkill
        fields = ["language", "level"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].widget = FastSelect()
        self.fields["language"].choices = [("", "---------"), *sorted_languages()]
        self.fields["level"].error_messages["invalid_choice"] = _(
            "Choose a level from A1 to C2, or “Mother tongue”."
        )


class UniqueEntryFormSet(EntryFormSet):
    """Refuses the same language (or theme) twice, naming it."""

    unique_field: str = ""
    duplicate_message = ""

    def clean(self):
        # Before Django's own uniqueness check, whose message names the raw field.
        seen = set()
        for form in self.forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE"):
                continue
            value = form.cleaned_data.get(self.unique_field)
            if value in seen:
                form.add_error(self.unique_field, self.duplicate_message)
            seen.add(value)
        super().clean()


class LanguageFormSet(UniqueEntryFormSet):
    unique_field = "language"
    duplicate_message = _("This language is already listed.")


class ExpertiseForm(forms.ModelForm):
    class Meta:
        model = Expertise
        fields = ["theme", "years"]


class ExpertiseFormSet(UniqueEntryFormSet):
    unique_field = "theme"
    duplicate_message = _("This theme is already listed.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One theme query for every form of the formset, not one per form.
        choices = [("", "---------"), *((theme.pk, theme.name) for theme in Theme.objects.all())]
        for form in self.forms + [self.empty_form]:
            form.fields["theme"].choices = choices


class WorkExperienceForm(CountryEntryForm):
    class Meta:
        model = WorkExperience
        fields = [
            "role",
            "organisation",
            "country",
            "kind",
            "start_date",
            "end_date",
            "description",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("start_date", "end_date"):
            field = self.fields[name]
            field.widget = MonthInput()
            field.input_formats = MONTH_INPUT_FORMATS


class WorkHistoryFormSet(EntryFormSet):
    def clean(self):
        super().clean()
        jobs = [
            form
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("kind") == WorkKind.EMPLOYMENT
            and form.cleaned_data.get("start_date")
            and not form.errors
        ]
        for index, form in enumerate(jobs):
            for other in jobs[index + 1 :]:
                if _periods_overlap(form.cleaned_data, other.cleaned_data):
                    raise forms.ValidationError(
                        _(
                            "Two jobs overlap: “%(first)s” and “%(second)s”. If you held them "
                            "at the same time, record one as a consultancy or a mission."
                        )
                        % {
                            "first": form.cleaned_data["role"],
                            "second": other.cleaned_data["role"],
                        },
                        code="overlapping_jobs",
                    )


def _periods_overlap(first: dict, second: dict) -> bool:
    """Month-precision periods overlap when each starts before the other ends.

    Ending a job in March and starting the next in March is a change of job,
    not an overlap, hence the strict comparison.
    """
    first_end = first.get("end_date")
    second_end = second.get("end_date")
    return (second_end is None or first["start_date"] < second_end) and (
        first_end is None or second["start_date"] < first_end
    )


class EducationForm(forms.ModelForm):
    class Meta:
        model = Education
        fields = ["degree", "field_of_study", "institution", "year"]


class TrainingForm(CountryEntryForm):
    class Meta:
        model = TrainingGiven
        fields = ["title", "organiser", "country", "year"]


def _https_by_default(field, **kwargs):
    """Links typed without a scheme ("example.org/guide") become https:// ones."""
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class PublicationForm(forms.ModelForm):
    class Meta:
        model = Publication
        fields = ["reference", "url", "year"]
        formfield_callback = _https_by_default


def _formset(model, form, formset=EntryFormSet, max_num=30):
    return inlineformset_factory(
        ExpertProfile,
        model,
        form=form,
        formset=formset,
        extra=2,
        max_num=max_num,
        validate_max=True,
        can_delete=True,
    )


LanguageSkillFormSet = _formset(LanguageSkill, LanguageSkillForm, LanguageFormSet, max_num=15)
ExpertiseEntryFormSet = _formset(Expertise, ExpertiseForm, ExpertiseFormSet, max_num=15)
WorkExperienceFormSet = _formset(WorkExperience, WorkExperienceForm, WorkHistoryFormSet)
EducationFormSet = _formset(Education, EducationForm)
TrainingFormSet = _formset(TrainingGiven, TrainingForm)
PublicationFormSet = _formset(Publication, PublicationForm)


class ContactForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=150, validators=[validate_plain_text])
    body = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8})
    )
    share_address = forms.BooleanField(
        label=_(
            "I agree that the expert receives my name and email address so that they can reply."
        )
    )


class BankFilterForm(forms.Form):
    """The bank's search and filters (GET); invalid filters are reported and ignored."""

    SORT_RELEVANCE = "relevance"
    SORT_EXPERIENCE = "experience"
    SORT_UPDATED = "updated"
    AVAILABLE_NOW = "now"
    AVAILABLE_PARTLY = "partly"

    q = forms.CharField(label=_("Keywords or name"), required=False, max_length=200)
    theme = forms.CharField(label=_("Expertise"), required=False)
    country = forms.CharField(label=_("Country of experience"), required=False)
    region = forms.CharField(label=_("Region of experience"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    level = forms.TypedChoiceField(
        label=_("Minimum level"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[("", _("Any level")), *LanguageLevel.choices],
        error_messages={"invalid_choice": _("Choose a level from A1 to C2, or “Mother tongue”.")},
    )
    availability = forms.ChoiceField(
        label=_("Availability"),
        required=False,
        choices=[
            ("", _("Any")),
            (AVAILABLE_NOW, _("Available now")),
            (AVAILABLE_PARTLY, _("Available or partially available now")),
        ],
    )
    validated = forms.BooleanField(label=_("Validated experts only"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            (SORT_RELEVANCE, _("Relevance")),
            (SORT_EXPERIENCE, _("Years of experience")),
            (SORT_UPDATED, _("Recently updated")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = list(Theme.objects.all())
        self.regions = list(Region.objects.all())
        self.fields["theme"].widget = FastSelect(
            choices=[("", _("All themes")), *((theme.slug, theme.name) for theme in self.themes)]
        )
        self.fields["country"].widget = FastSelect(
            choices=[("", _("All countries")), *country_choices(blank=False)]
        )
        self.fields["region"].widget = FastSelect(
            choices=[
                ("", _("All regions")),
                *((region.slug, region.name) for region in self.regions),
            ]
        )
        self.fields["language"].widget = FastSelect()
        self.fields["language"].choices = [
            ("", _("Any language")),
            *sorted_languages(),
        ]

    def clean_theme(self) -> Theme | None:
        slug = self.cleaned_data["theme"]
        if not slug:
            return None
        # Slugs of either language are accepted: switching language keeps the filters.
        for theme in self.themes:
            if slug in (theme.slug_fr, theme.slug_en):
                return theme
        raise forms.ValidationError(_("This theme does not exist."), code="unknown_theme")

    def clean_country(self) -> str:
        code = self.cleaned_data["country"].upper()
        if code and code not in countries:
            raise forms.ValidationError(_("This country does not exist."), code="unknown_country")
        return code

    def clean_region(self) -> Region | None:
        slug = self.cleaned_data["region"]
        if not slug:
            return None
        for region in self.regions:
            if region.slug == slug:
                return region
        raise forms.ValidationError(_("This region does not exist."), code="unknown_region")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("level") and not cleaned.get("language"):
            self.add_error("language", _("Choose the language the minimum level applies to."))
        return cleaned

    def filters(self) -> dict:
        """The valid filters only: a bad value in one field doesn't empty the whole bank."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}


class DeleteProfileForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("I understand that my expert profile, its photo and CV file will be deleted."),
    )
