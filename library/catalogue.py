"""The faceted catalogue: filters from the query string, results, and live facet counts.

Facets combine with AND across facets and OR within one. Each facet's counts
apply every *other* facet's filters ("disjunctive faceting"), so a reader can
widen a choice within a facet without losing sight of the alternatives.
Each facet costs one aggregate query whatever the number of resources, the
page size or the filters; unknown or malformed parameters are ignored.
"""

from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, F, OuterRef, Q, Value, prefetch_related_objects
from django.db.models.functions import Coalesce, Lower
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from django_countries import countries as country_names
from wagtail.models import Locale

from portal.models import Region, Theme

from .models import DownloadCount, Language, ResourcePage, ResourceType
from .permissions import visible_resources
from .services import count_of

PAGE_SIZE = 20
MAX_VALUES_PER_FACET = 50

# Publication periods offered as a facet: (key, first year, last year, label).
PERIODS = [
    ("2020-", 2020, None, _("2020 and later")),
    ("2010-2019", 2010, 2019, _("2010–2019")),
    ("2000-2009", 2000, 2009, _("2000–2009")),
    ("-1999", None, 1999, _("Before 2000")),
]

SORTS = {
    "newest": _("Newest first"),
    "title": _("Title (A–Z)"),
    "downloads": _("Most downloaded"),
}
DEFAULT_SORT = "newest"

RESOURCE_THEMES = ResourcePage.themes.through
RESOURCE_COUNTRIES = ResourcePage.countries.through
RESOURCE_REGIONS = ResourcePage.regions.through
RESOURCE_LANGUAGES = ResourcePage.languages.through


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Facet:
    name: str
    label: str
    options: list[FacetOption] = field(default_factory=list)

    @property
    def selected_options(self) -> list[FacetOption]:
        return [option for option in self.options if option.selected]


@dataclass
class ActiveFilter:
    label: str
    remove_url: str


class Catalogue:
    """The catalogue as one reader asked for it (one instance per request)."""

    def __init__(self, params: QueryDict, user, locale: Locale, page_size: int = PAGE_SIZE):
        self.params = params
        self.user = user
        self.locale = locale
        self.page_size = page_size
        # The taxonomy is small: one query each, used both to validate the
        # parameters and to label the facet options.
        self.themes = list(Theme.objects.all())
        self.regions = list(Region.objects.all())
        self.languages = list(Language.objects.all())
        self.selection = self._parse_selection()
        # Built once: Wagtail's .public() reads the view restrictions when called.
        self._visible = visible_resources(user, locale)
        self.sort = params.get("sort") if params.get("sort") in SORTS else DEFAULT_SORT

    @classmethod
    def from_request(cls, request, index_page) -> "Catalogue":
        return cls(request.GET, request.user, index_page.locale)

    # Parameters

    def _parse_selection(self) -> dict[str, list]:
        """{facet: [valid values]}, dropping anything unknown or malformed."""
        theme_slugs = {}
        for theme in self.themes:
            theme_slugs[theme.slug_fr] = theme
            theme_slugs[theme.slug_en] = theme
        region_slugs = {region.slug: region for region in self.regions}
        language_codes = {language.code: language for language in self.languages}
        period_keys = {key for key, *_rest in PERIODS}
        return {
            "type": self._values("type", lambda value: value in ResourceType.values and value),
            "theme": self._values("theme", theme_slugs.get),
            "country": self._values(
                "country", lambda value: value.upper() in country_names and value.upper()
            ),
            "region": self._values("region", region_slugs.get),
            "language": self._values("language", language_codes.get),
            "period": self._values("period", lambda value: value in period_keys and value),
        }

    def _values(self, name: str, resolve) -> list:
        found = []
        for raw in self.params.getlist(name)[:MAX_VALUES_PER_FACET]:
            value = resolve(raw.strip()) if isinstance(raw, str) else None
            if value and value not in found:
                found.append(value)
        return found

    @property
    def is_filtered(self) -> bool:
        return any(self.selection.values())

    # Queries

    def base_queryset(self):
        return self._visible.all()

    def _filters(self) -> dict[str, Q]:
        selection = self.selection
        filters = {}
        if selection["type"]:
            filters["type"] = Q(resource_type__in=selection["type"])
        if selection["theme"]:
            ids = [theme.pk for theme in selection["theme"]]
            filters["theme"] = Q(
                pk__in=RESOURCE_THEMES.objects.filter(theme_id__in=ids).values("resourcepage_id")
            )
        if selection["country"]:
            filters["country"] = Q(
                pk__in=RESOURCE_COUNTRIES.objects.filter(
                    country_id__in=selection["country"]
                ).values("resourcepage_id")
            )
        if selection["region"]:
            ids = [region.pk for region in selection["region"]]
            filters["region"] = Q(
                pk__in=RESOURCE_REGIONS.objects.filter(region_id__in=ids).values("resourcepage_id")
            ) | Q(
                pk__in=RESOURCE_COUNTRIES.objects.filter(country__regions__in=ids).values(
                    "resourcepage_id"
                )
            )
        if selection["language"]:
            codes = [language.code for language in selection["language"]]
            filters["language"] = Q(
                pk__in=RESOURCE_LANGUAGES.objects.filter(language_id__in=codes).values(
                    "resourcepage_id"
                )
            )
        if selection["period"]:
            query = Q()
            for key, first, last, _label in PERIODS:
                if key in selection["period"]:
                    query |= _year_range(first, last)
            filters["period"] = query
        return filters

    def _filtered(self, except_facet: str | None = None):
        queryset = self.base_queryset()
        for name, query in self._filters().items():
            if name != except_facet:
                queryset = queryset.filter(query)
        return queryset

    def results(self):
        queryset = self._filtered()
        if self.sort == "title":
            return queryset.order_by(Lower("title"), "pk")
        newest = ("-publication_year", "-first_published_at", "pk")
        if self.sort == "downloads":
            downloads = DownloadCount.objects.filter(resource=OuterRef("pk"))
            total = Coalesce(count_of(downloads, "count", function="SUM"), Value(0))
            return queryset.annotate(downloads=total).order_by("-downloads", *newest)
        return queryset.order_by(*newest)

    def page(self):
        """The requested page of results, with what each card shows prefetched."""
        paginator = Paginator(self.results(), self.page_size)
        page = paginator.get_page(self.params.get("page"))
        resources = list(page.object_list)
        prefetch_related_objects(resources, "themes", "languages")
        page.object_list = resources
        return page

    # Facets

    def facets(self) -> list[Facet]:
        return [
            self._type_facet(),
            self._theme_facet(),
            self._region_facet(),
            self._country_facet(),
            self._language_facet(),
            self._period_facet(),
        ]

    def _type_facet(self) -> Facet:
        counts = dict(
            self._filtered("type")
            .order_by()
            .values_list("resource_type")
            .annotate(total=Count("pk"))
        )
        selected = set(self.selection["type"])
        return Facet(
            "type",
            _("Type"),
            [
                FacetOption(value, str(label), counts.get(value, 0), value in selected)
                for value, label in ResourceType.choices
            ],
        )

    def _through_counts(self, through, column: str, facet: str) -> dict:
        ids = self._filtered(facet).values("pk")
        return dict(
            through.objects.filter(resourcepage_id__in=ids)
            .order_by()
            .values_list(column)
            .annotate(total=Count("resourcepage_id"))
        )

    def _theme_facet(self) -> Facet:
        counts = self._through_counts(RESOURCE_THEMES, "theme_id", "theme")
        selected = {theme.pk for theme in self.selection["theme"]}
        return Facet(
            "theme",
            _("Theme"),
            [
                FacetOption(theme.slug, theme.name, counts.get(theme.pk, 0), theme.pk in selected)
                for theme in self.themes
            ],
        )

    def _country_facet(self) -> Facet:
        counts = self._through_counts(RESOURCE_COUNTRIES, "country_id", "country")
        selected = set(self.selection["country"])
        codes = set(counts) | selected
        options = [
            FacetOption(code, str(country_names.name(code)), counts.get(code, 0), code in selected)
            for code in codes
        ]
        return Facet("country", _("Country"), sorted(options, key=lambda o: o.label.casefold()))

    def _region_facet(self) -> Facet:
        counts = self._region_counts(self._filtered("region").values("pk"))
        selected = {region.pk for region in self.selection["region"]}
        return Facet(
            "region",
            _("Region"),
            [
                FacetOption(
                    region.slug, region.name, counts.get(region.pk, 0), region.pk in selected
                )
                for region in self.regions
            ],
        )

    @staticmethod
    def _region_counts(ids) -> dict[int, int]:
        """Resources per region, tagged directly or through a country, each counted once.

        The distinct (region, resource) pairs of both ways come from one UNION,
        grouped in SQL: Django cannot aggregate over a union by itself.
        """
        direct = (
            RESOURCE_REGIONS.objects.filter(resourcepage_id__in=ids)
            .annotate(facet_region=F("region_id"), facet_resource=F("resourcepage_id"))
            .values_list("facet_region", "facet_resource")
        )
        through_countries = (
            RESOURCE_COUNTRIES.objects.filter(
                resourcepage_id__in=ids, country__regions__isnull=False
            )
            .annotate(facet_region=F("country__regions"), facet_resource=F("resourcepage_id"))
            .values_list("facet_region", "facet_resource")
        )
        sql, params = direct.union(through_countries).order_by().query.sql_with_params()
        grouped = f"SELECT facet_region, COUNT(*) FROM ({sql}) pairs GROUP BY facet_region"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(grouped, params)
            return dict(cursor.fetchall())

    def _language_facet(self) -> Facet:
        counts = self._through_counts(RESOURCE_LANGUAGES, "language_id", "language")
        selected = {language.code for language in self.selection["language"]}
        return Facet(
            "language",
            _("Language"),
            [
                FacetOption(
                    language.code,
                    language.name,
                    counts.get(language.code, 0),
                    language.code in selected,
                )
                for language in self.languages
            ],
        )

    def _period_facet(self) -> Facet:
        counts = self._filtered("period").aggregate(
            **{
                key: Count("pk", filter=_year_range(first, last))
                for key, first, last, _label in PERIODS
            }
        )
        selected = set(self.selection["period"])
        return Facet(
            "period",
            _("Publication year"),
            [
                FacetOption(key, str(label), counts[key] or 0, key in selected)
                for key, _first, _last, label in PERIODS
            ],
        )

    def context(self) -> dict:
        """Everything the catalogue template needs, each query run once."""
        facets = self.facets()
        page = self.page()
        return {
            "page_obj": page,
            "facets": facets,
            "active_filters": self.active_filters(facets),
            "clear_url": self.clear_url(),
            "is_filtered": self.is_filtered,
            "sort": self.sort,
            "sorts": list(SORTS.items()),
            "page_links": self.page_links(page),
        }

    # Links

    def page_links(self, page) -> dict:
        return {
            "previous": self.url_with(page=str(page.previous_page_number()))
            if page.has_previous()
            else None,
            "next": self.url_with(page=str(page.next_page_number())) if page.has_next() else None,
        }

    def url_with(self, **changes) -> str:
        """The query string of this view with some parameters replaced (None removes them)."""
        params = self.params.copy()
        params.pop("page", None)
        for name, value in changes.items():
            params.pop(name, None)
            if value is not None:
                params.setlist(name, value if isinstance(value, list) else [value])
        encoded = params.urlencode()
        return f"?{encoded}" if encoded else "?"

    def active_filters(self, facets: list[Facet]) -> list[ActiveFilter]:
        active = []
        for facet in facets:
            for option in facet.selected_options:
                remaining = [
                    other.value for other in facet.selected_options if other.value != option.value
                ]
                label = f"{facet.label}: {option.label}"
                active.append(ActiveFilter(label, self.url_with(**{facet.name: remaining})))
        return active

    def clear_url(self) -> str:
        return self.url_with(**dict.fromkeys(self.selection))


def _year_range(first: int | None, last: int | None) -> Q:
    query = Q()
    if first is not None:
        query &= Q(publication_year__gte=first)
    if last is not None:
        query &= Q(publication_year__lte=last)
    return query
