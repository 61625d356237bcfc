"""The events list: filters read from the query string, results, pagination links.

Every filter is a GET parameter, so a filtered list is a link to share and
works without JavaScript. Malformed or unknown values are ignored (dates
are reported next to their field). The page costs the same number of
queries whatever the number of events.
"""

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q, prefetch_related_objects
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from library.models import Language
from portal.models import Country, Region, Theme

from .models import Attendance, EventPage, EventType

PAGE_SIZE = 20
UPCOMING, PAST, ALL = "upcoming", "past", "all"
WHEN_CHOICES = [(UPCOMING, _("Upcoming")), (PAST, _("Past")), (ALL, _("All dates"))]
ONLINE, IN_PERSON = "online", "in-person"
ATTENDANCE_CHOICES = [
    ("", _("Online or in person")),
    (ONLINE, _("Online")),
    (IN_PERSON, _("In person")),
]


class EventFilterForm(forms.Form):
    when = forms.ChoiceField(
        label=_("When"), choices=WHEN_CHOICES, required=False, widget=forms.RadioSelect
    )
    type = forms.MultipleChoiceField(
        label=_("Type"),
        choices=EventType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    attendance = forms.ChoiceField(
        label=_("Online or in person"), choices=ATTENDANCE_CHOICES, required=False
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, data, *, themes, regions, countries, languages):
        super().__init__(data, auto_id="filter-%s")
        anything = [("", _("All"))]
        self.fields["theme"].choices = anything + [(theme.slug, theme.name) for theme in themes]
        self.fields["region"].choices = anything + [(r.slug, r.name) for r in regions]
        self.fields["country"].choices = anything + [(c.code, c.name) for c in countries]
        self.fields["language"].choices = anything + [(lang.code, lang.name) for lang in languages]

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["end"] < data["start"]:
            self.add_error("end", _("The end of the period comes before its start."))
        return data

    def valid_data(self) -> dict:
        """The values that passed validation; the others are left out."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


class EventListing:
    """The list as one reader asked for it (one instance per request)."""

    def __init__(self, params: QueryDict, user, index, page_size: int = PAGE_SIZE):
        self.params = params
        self.user = user
        self.index = index
        self.page_size = page_size
        self.today = timezone.localdate()
        # Built once: Wagtail's .public() reads the view restrictions when called.
        self._visible = EventPage.objects.visible_to(user).filter(locale_id=index.locale_id)
        self.themes = list(Theme.objects.all())
        self.regions = list(Region.objects.all())
        self.languages = list(Language.objects.all())
        countries = Country.objects.filter(
            pk__in=self._visible.exclude(country=None).values("country_id")
        )
        self.countries = Country.sorted_by_name(countries)
        self.form = EventFilterForm(
            self._with_theme_in_reader_language(params),
            themes=self.themes,
            regions=self.regions,
            countries=self.countries,
            languages=self.languages,
        )
        self.selection = self.form.valid_data()
        self.when = self.selection.get("when", UPCOMING)

    def _with_theme_in_reader_language(self, params: QueryDict) -> QueryDict:
        """A theme link works in either language: its slug is turned into the reader's."""
        slug = params.get("theme")
        theme = next((t for t in self.themes if slug in (t.slug_fr, t.slug_en)), None)
        if theme is None or slug == theme.slug:
            return params
        params = params.copy()
        params["theme"] = theme.slug
        return params

    @classmethod
    def from_request(cls, request, index) -> "EventListing":
        return cls(request.GET, request.user, index)

    @property
    def is_filtered(self) -> bool:
        return any(name != "when" for name in self.selection)

    def results(self):
        events = self._visible.select_related("country")
        selection = self.selection
        if self.when == UPCOMING:
            events = events.upcoming(self.today).order_by("starts_on", "start_time", "pk")
        elif self.when == PAST:
            events = events.past(self.today).order_by("-starts_on", "-pk")
        else:
            events = events.order_by("-starts_on", "-pk")
        if selection.get("type"):
            events = events.filter(event_type__in=selection["type"])
        if selection.get("theme"):
            theme = self._selected_theme()
            events = events.filter(pk__in=_through(EventPage.themes, theme_id=theme.pk))
        if selection.get("region"):
            region = next(r for r in self.regions if r.slug == selection["region"])
            events = events.filter(
                Q(pk__in=_through(EventPage.regions, region_id=region.pk))
                | Q(country__regions=region)
            )
        if selection.get("country"):
            events = events.filter(country_id=selection["country"])
        if selection.get("language"):
            events = events.filter(
                pk__in=_through(EventPage.languages, language_id=selection["language"])
            )
        if selection.get("attendance") == ONLINE:
            events = events.filter(attendance__in=[Attendance.ONLINE, Attendance.HYBRID])
        elif selection.get("attendance") == IN_PERSON:
            events = events.filter(attendance__in=[Attendance.IN_PERSON, Attendance.HYBRID])
        if selection.get("start"):
            events = events.filter(ends_on__gte=selection["start"])
        if selection.get("end"):
            events = events.filter(starts_on__lte=selection["end"])
        return events

    def _selected_theme(self) -> Theme | None:
        slug = self.selection.get("theme")
        return next((theme for theme in self.themes if theme.slug == slug), None)

    def page(self):
        paginator = Paginator(self.results(), self.page_size)
        page = paginator.get_page(self.params.get("page"))
        events = list(page.object_list)
        prefetch_related_objects(events, "themes")
        page.object_list = events
        return page

    def url_with(self, **changes) -> str:
        """This list's query string with some parameters replaced (None removes them)."""
        params = self.params.copy()
        for name, value in changes.items():
            params.pop(name, None)
            if value is not None:
                params[name] = value
        encoded = params.urlencode()
        return f"?{encoded}" if encoded else "?"

    def context(self) -> dict:
        page = self.page()
        return {
            "filter_form": self.form,
            "page_obj": page,
            "events": page.object_list,
            "when": self.when,
            "is_filtered": self.is_filtered,
            "today": self.today,
            "selected_theme": self._selected_theme(),
            "previous_url": self.url_with(page=str(page.previous_page_number()))
            if page.has_previous()
            else None,
            "next_url": self.url_with(page=str(page.next_page_number()))
            if page.has_next()
            else None,
            "when_links": [
                (value, label, self.url_with(when=value, page=None))
                for value, label in WHEN_CHOICES
            ],
        }


def _through(relation, **lookup):
    """Ids of the events a many-to-many row points at (a subquery, no join duplicates)."""
    through = relation.through
    return through.objects.filter(**lookup).values("eventpage_id")
