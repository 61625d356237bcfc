"""The admin chooser editors use to put published user news into a G-NEWS issue.

It lists published news only, filterable by category, theme, country and
period, can hide the items already used in an issue, and says where each
item has been used (the builder warns about reuse, it does not forbid it).
"""

from django import forms
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from portal.models import Country, Theme

# The models import the blocks, which import this module: models are looked
# up lazily here.
_REFRESH = {"data-chooser-modal-search-filter": True}


class NewsFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Title contains"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
    )
    category = forms.ModelChoiceField(
        None, required=False, label=_("Category"), widget=forms.Select(attrs=_REFRESH)
    )
    theme = forms.ModelChoiceField(
        Theme.objects.all(), required=False, label=_("Theme"), widget=forms.Select(attrs=_REFRESH)
    )
    country = forms.ModelChoiceField(
        None, required=False, label=_("Country"), widget=forms.Select(attrs=_REFRESH)
    )

    def __init__(self, *args, **kwargs):
        from .models import NewsCategory

        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = NewsCategory.objects.all()
        self.fields["country"].queryset = Country.objects.filter(
            news_items__status="published"
        ).distinct()

    published_after = forms.DateField(
        required=False,
        label=_("Published from"),
        widget=forms.DateInput(attrs={"type": "date", **_REFRESH}),
    )
    published_before = forms.DateField(
        required=False,
        label=_("Published until"),
        widget=forms.DateInput(attrs={"type": "date", **_REFRESH}),
    )
    unused = forms.BooleanField(
        required=False,
        label=_("Only news not yet used in an issue"),
        widget=forms.CheckboxInput(attrs=_REFRESH),
    )

    def filter(self, objects):
        data = self.cleaned_data
        if data.get("q"):
            objects = objects.filter(title__icontains=data["q"])
            self.is_searching = True
            self.search_query = data["q"]
        for name, lookup in (
            ("category", "category"),
            ("theme", "themes"),
            ("country", "countries"),
        ):
            if data.get(name):
                objects = objects.filter(**{lookup: data[name]})
        if data.get("published_after"):
            objects = objects.filter(published_at__date__gte=data["published_after"])
        if data.get("published_before"):
            objects = objects.filter(published_at__date__lte=data["published_before"])
        if data.get("unused"):
            objects = objects.exclude(issue_references__isnull=False)
        return objects


def _used_in(news) -> str:
    numbers = sorted({reference.issue.number for reference in news.issue_references.all()})
    return ", ".join(f"G-NEWS {number}" for number in numbers)


class NewsColumnsMixin:
    filter_form_class = NewsFilterForm

    def filter_object_list(self, objects):
        objects = super().filter_object_list(objects)
        if not self.filter_form.is_valid():
            # Wagtail applies no filter when one is invalid: apply the valid ones (the
            # bad value is reported on its field and ignored).
            objects = self.filter_form.filter(objects)
        return objects

    @property
    def columns(self):
        return [
            *super().columns,
            Column("category", label=_("Category"), accessor="category"),
            DateColumn("published_at", label=_("Published")),
            Column("used_in", label=_("Already in"), accessor=_used_in),
        ]


class NewsChooseView(NewsColumnsMixin, ChooseView):
    pass


class NewsChooseResultsView(NewsColumnsMixin, ChooseResultsView):
    pass


class NewsChooserViewSet(ChooserViewSet):
    model = "newsletter.NewsItem"
    icon = "doc-full"
    choose_one_text = _("Choose a news item")
    choose_another_text = _("Choose another news item")
    choose_view_class = NewsChooseView
    choose_results_view_class = NewsChooseResultsView
    per_page = 20

    def get_object_list(self):
        from .models import IssueReference, NewsItem

        references = IssueReference.objects.select_related("issue")
        return (
            NewsItem.objects.published()
            .select_related("category")
            .prefetch_related(Prefetch("issue_references", queryset=references))
            .order_by("-published_at")
        )


news_chooser_viewset = NewsChooserViewSet("newsletter_news_chooser")
