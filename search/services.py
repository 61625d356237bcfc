"""Searching on behalf of a reader: what the results page and the API share.

Turns request parameters into a backend query with the reader's tokens, and
the backend's raw facet values into labelled, linkable options (theme ids
become localized names and slugs, country codes names…).
"""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from portal.models import Region, Theme
from portal.models.bilingual import current_language

from . import registry
from .backends import SearchUnavailable, get_backend
from .permissions import tokens_for
from .query import (
    FACETS,
    SORTS,
    SearchHit,
    SearchQuery,
    SearchResults,
    Suggestion,
    autocomplete_words,
    clean_filters,
    parse_query,
)
from .text import fold

logger = logging.getLogger(__name__)

# Deep pages cost every engine more and Elasticsearch refuses past 10,000 hits.
MAX_PAGE = 200
FACET_LABELS = {
    "type": _("Content type"),
    "theme": _("Theme"),
    "country": _("Country"),
    "region": _("Region"),
    "lang": _("Language"),
    "year": _("Year"),
}


@dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class FacetGroup:
    name: str
    label: str
    options: list[FacetOption]


@dataclass
class ResultItem:
    hit: SearchHit
    kind: str
    themes: list[str]


@dataclass
class SearchOutcome:
    text: str
    count: int = 0
    items: list[ResultItem] = field(default_factory=list)
    facets: list[FacetGroup] = field(default_factory=list)
    page: int = 1
    per_page: int = 20
    sort: str = "relevance"
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    searched: bool = False
    unavailable: bool = False

    @property
    def num_pages(self) -> int:
        return max(1, -(-self.count // self.per_page))


def page_number(value) -> int:
    try:
        number = int(str(value)[:6])
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), MAX_PAGE)


def search(text: str, user, params, page=1, sort: str = "relevance") -> SearchOutcome:
    """Search for a reader; `params` holds the facet filters (QueryDict or dict of lists)."""
    per_page = settings.SEARCH_RESULTS_PER_PAGE
    filters = clean_filters(params)
    outcome = SearchOutcome(
        text=(text or "")[:200],
        page=page_number(page),
        per_page=per_page,
        sort=sort if sort in SORTS else "relevance",
        filters=filters,
    )
    parsed = parse_query(text)
    if not parsed:
        return outcome
    themes = _themes_for(filters.get("theme", ()))
    query = SearchQuery(
        parsed=parsed,
        tokens=tokens_for(user),
        filters=_backend_filters(filters, themes),
        sort=outcome.sort,
        page=outcome.page,
        per_page=per_page,
    )
    try:
        results = get_backend().search(query)
    except SearchUnavailable:
        logger.warning("Search engine unavailable", exc_info=True)
        outcome.unavailable = True
        return outcome
    outcome.searched = True
    outcome.count = results.count
    _label(outcome, results, themes)
    return outcome


def autocomplete(text: str, user, limit: int = 8) -> list[Suggestion]:
    """Titles the reader may open, then themes, whose words start like `text`."""
    words = autocomplete_words(text)
    if not words or len("".join(words)) < 2:
        return []
    suggestions = []
    try:
        suggestions = get_backend().autocomplete(words, tokens_for(user), limit)
    except SearchUnavailable:
        logger.warning("Search engine unavailable for autocomplete", exc_info=True)
    labels = registry.labels()
    suggestions = [
        Suggestion(label=s.label, url=s.url, kind=labels.get(s.kind, s.kind)) for s in suggestions
    ]
    # A theme's page is indexed too: suggest it once, as the theme.
    suggested_urls = {suggestion.url for suggestion in suggestions}
    themes = [theme for theme in _matching_themes(words, limit) if theme.url not in suggested_urls]
    return [*suggestions, *themes][:limit]


def _matching_themes(words: list[str], limit: int) -> list[Suggestion]:
    """Themes are a short list: matched on their localized name's words."""
    if limit <= 0:
        return []
    *complete, prefix = words
    matches = []
    for theme in Theme.objects.prefetch_related("theme_pages__locale"):
        name_words = fold(theme.name).split()
        if all(word in name_words for word in complete) and any(
            word.startswith(prefix) for word in name_words
        ):
            matches.append(
                Suggestion(label=theme.name, url=_theme_url(theme), kind=str(_("Theme")))
            )
    return matches[:limit]


def _theme_url(theme: Theme) -> str:
    pages = {page.locale.language_code: page for page in theme.theme_pages.all()}
    page = pages.get(current_language()) or next(iter(pages.values()), None)
    return (page.url or "") if page else ""


def _themes_for(values) -> dict[int, Theme]:
    """Themes named in filters (by slug in either language, or id) and nothing else."""
    if not values:
        return {}
    ids = [int(value) for value in values if value.isdigit()]
    slugs = [value for value in values if not value.isdigit()]
    found = Theme.objects.filter(Q(pk__in=ids) | Q(slug_fr__in=slugs) | Q(slug_en__in=slugs))
    return {theme.pk: theme for theme in found}


def _backend_filters(filters: dict, themes: dict[int, Theme]) -> dict:
    """The index stores theme ids; an unknown theme keeps a value that matches nothing."""
    backend_filters = dict(filters)
    if "theme" in filters:
        backend_filters["theme"] = tuple(str(pk) for pk in themes) or ("none",)
    return backend_filters


def _label(outcome: SearchOutcome, results: SearchResults, selected_themes: dict) -> None:
    theme_ids = {int(value) for value, _count in results.facets.get("theme", [])}
    theme_ids |= {int(value) for hit in results.hits for value in hit.themes}
    themes = {theme.pk: theme for theme in Theme.objects.filter(pk__in=theme_ids)} | selected_themes
    labels = registry.labels()
    outcome.items = [
        ResultItem(
            hit=hit,
            kind=labels.get(hit.source, hit.source),
            themes=[themes[int(pk)].name for pk in hit.themes if int(pk) in themes],
        )
        for hit in results.hits
    ]
    regions = {
        region.slug: region.name
        for region in Region.objects.filter(
            slug__in=[value for value, _count in results.facets.get("region", [])]
        )
    }
    names = {
        "type": labels,
        "theme": {str(pk): theme.name for pk, theme in themes.items()},
        "region": regions,
    }
    outcome.facets = []
    for facet in FACETS:
        options = []
        for value, count in results.facets.get(facet, []):
            public_value = (
                themes[int(value)].slug if facet == "theme" and int(value) in themes else value
            )
            options.append(
                FacetOption(
                    value=public_value,
                    label=_facet_label(facet, value, names),
                    count=count,
                    selected=_is_selected(facet, value, outcome.filters, selected_themes),
                )
            )
        if facet == "year":
            options.sort(key=lambda option: option.value, reverse=True)
        if options:
            outcome.facets.append(FacetGroup(facet, str(FACET_LABELS[facet]), options))


def _facet_label(facet: str, value: str, names: dict) -> str:
    if facet == "country":
        return str(countries.name(value)) or value
    if facet == "lang":
        try:
            return str(get_language_info(value)["name_translated"])
        except KeyError:
            return value
    return names.get(facet, {}).get(value, value)


def _is_selected(facet: str, value: str, filters: dict, selected_themes: dict) -> bool:
    if facet == "theme":
        return value.isdigit() and int(value) in selected_themes
    return value in filters.get(facet, ())
