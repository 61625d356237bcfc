"""Forms members fill in about themselves."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Country, User
from .models.accounts import SPOKEN_LANGUAGES
from .validators import validate_avatar_size


class SignupDetailsForm(forms.Form):
    """Extra sign-up field: allauth asks for email and password, we ask for a name."""

    display_name = forms.CharField(
        label=_("Your name as others will see it"), max_length=80, strip=True
    )

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])


class CountryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class AvatarField(forms.ImageField):
    """Check the size before Pillow reads the file: an over-size upload is refused for its
    size (the message that helps the member), whatever its content, at no parsing cost."""

    def to_python(self, data):
        if data is not None and getattr(data, "size", None) is not None:
            validate_avatar_size(data)
        return super().to_python(data)


class ProfileForm(forms.ModelForm):
    country = CountryChoiceField(queryset=Country.objects.all(), required=False, label=_("Country"))
    spoken_languages = forms.MultipleChoiceField(
        choices=SPOKEN_LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Languages spoken"),
    )

    class Meta:
        model = User
        fields = [
            "display_name",
            "organisation",
            "job_title",
            "country",
            "spoken_languages",
            "bio",
            "avatar",
            "preferred_language",
            "newsletter_opt_in",
        ]
        field_classes = {"avatar": AvatarField}
        widgets = {
            "bio": forms.Textarea(attrs={"rows": 5}),
            "avatar": forms.ClearableFileInput(
                attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}
            ),
        }
        help_texts = {
            "bio": _("Up to 1,000 characters. Markdown is allowed."),
            "avatar": _("JPEG, PNG, GIF or WebP, 2 MB at most."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].required = True
        # Country names depend on the active language, so sort them here.
        self.fields["country"].choices = [("", "---------")] + [
            (country.pk, country.name) for country in Country.sorted_by_name(Country.objects.all())
        ]


class DeleteAccountForm(forms.Form):
    """Deleting an account asks for the password: a stolen session alone can't do it."""

    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput, strip=False)
    confirm = forms.BooleanField(
        label=_("I understand that my account and my personal data will be deleted."),
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This password is not correct."), code="wrong_password")
        return password
