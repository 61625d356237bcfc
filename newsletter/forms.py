"""Forms of the newsletter app: posting news, filtering it, subscribing."""

import re

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modelcluster.forms import ClusterForm
from wagtail.models import Locale

from library.models import ResourcePage
from portal.forms import CountryChoiceField
from portal.models import Country, Theme

from .models import NewsCategory, NewsItem, NewsLink, SubscriberLanguage
from .models.news import http_url_validator

# Markdown may contain HTML; the sanitizer strips it on display, but a
# contributor who pastes a script deserves to be told rather than silently
# edited.
_ACTIVE_CONTENT = re.compile(
    r"<\s*(script|iframe|object|embed|style)\b|\bon[a-z]+\s*=|javascript\s*:", re.IGNORECASE
)


class NewsLinkForm(forms.ModelForm):
    # A CharField, so that the one validator (http and https only) gives the message.
    url = forms.CharField(
        label=_("Web address"),
        max_length=500,
        validators=[http_url_validator],
        widget=forms.URLInput,
    )

    class Meta:
        model = NewsLink
        fields = ["label", "url"]


class NewsItemForm(ClusterForm):
    """What a contributor fills in to post (or correct) a news item."""

    countries = forms.ModelMultipleChoiceField(
        queryset=Country.objects.all(),
        required=False,
        label=_("Countries"),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    class Meta:
        model = NewsItem
        fields = [
            "title",
            "category",
            "body",
            "themes",
            "countries",
            "related_resources",
            "event_start",
            "event_end",
            "event_place",
            "image",
            "language",
            "contributor_line",
        ]
        formsets = {"links": {"form": NewsLinkForm, "extra": 2, "max_num": 10}}
        widgets = {
            "body": forms.Textarea(attrs={"rows": 12}),
            "themes": forms.CheckboxSelectMultiple,
            "event_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "event_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "image": forms.ClearableFileInput(
                attrs={"accept": "image/jpeg,image/png,image/gif,image/webp"}
            ),
        }
        help_texts = {
            "event_start": _("For trainings and conferences."),
            "image": _("Optional. JPEG, PNG, GIF or WebP, 2 MB at most."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = NewsCategory.objects.all()
        self.fields["themes"].queryset = Theme.objects.all()
        self.fields["related_resources"].queryset = (
            ResourcePage.objects.visible_to(None)
            .filter(locale=Locale.get_active())
            .order_by("title")
        )
        self.fields["related_resources"].widget.attrs["size"] = 6
        self.fields["countries"].choices = [
            (country.pk, country.name) for country in Country.sorted_by_name(Country.objects.all())
        ]

    def clean_body(self):
        body = self.cleaned_data["body"]
        if _ACTIVE_CONTENT.search(body):
            raise forms.ValidationError(
                _(
                    "Scripts, event handlers (onclick=…) and javascript: links are not "
                    "allowed in the text. Please remove them."
                ),
                code="active_content",
            )
        return body


class NewsFilterForm(forms.Form):
    """The filters of the public news list (all optional, submitted by GET).

    A bad value in one filter (a mangled or outdated link) is reported on that field and
    ignored; the other filters still apply.
    """

    category = forms.ModelChoiceField(
        queryset=NewsCategory.objects.all(), required=False, label=_("Category")
    )
    theme = forms.ModelChoiceField(queryset=Theme.objects.all(), required=False, label=_("Theme"))
    country = CountryChoiceField(
        queryset=Country.objects.filter(news_items__status="published").distinct(),
        required=False,
        label=_("Country"),
    )
    since = forms.DateField(
        required=False, label=_("From"), widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        required=False, label=_("Until"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def filter(self, queryset):
        if not self.is_bound:
            return queryset
        self.is_valid()  # cleaned_data keeps the fields that are valid
        data = self.cleaned_data
        if data.get("category"):
            queryset = queryset.filter(category=data["category"])
        if data.get("theme"):
            queryset = queryset.filter(themes=data["theme"])
        if data.get("country"):
            queryset = queryset.filter(countries=data["country"])
        if data.get("since"):
            queryset = queryset.filter(published_at__date__gte=data["since"])
        if data.get("until"):
            queryset = queryset.filter(published_at__date__lte=data["until"])
        return queryset


class SingleLineEmailField(forms.EmailField):
    """An email address that refuses line breaks outright (header injection)."""

    def to_python(self, value):
        if value and ("\r" in value or "\n" in value):
            raise forms.ValidationError(
                _("An email address cannot contain line breaks."), code="line_break"
            )
        return super().to_python(value)


class SubscribeForm(forms.Form):
    email = SingleLineEmailField(label=_("Your email address"), max_length=254)
    language = forms.ChoiceField(
        label=_("Edition"),
        choices=SubscriberLanguage.choices,
        initial=settings.LANGUAGE_CODE,
        widget=forms.RadioSelect,
    )


class UnsubscribeRequestForm(forms.Form):
    email = SingleLineEmailField(label=_("Your email address"), max_length=254)


class RejectNewsForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the contributor)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
    )
