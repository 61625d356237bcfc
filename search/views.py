"""The results page and the autocomplete endpoint."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import services
from .query import FACETS

PAGE_WINDOW = 2


@require_GET
def search_page(request):
    """`/<lang>/search/?q=…&type=…&theme=…&sort=date&page=2`: always a page, never an error."""
    params = request.GET
    outcome = services.search(
        params.get("q", ""), request.user, params, page=params.get("page"), sort=params.get("sort")
    )
    links = _Links(params)
    context = {
        "outcome": outcome,
        "facets": [
            {
                "name": group.name,
                "label": group.label,
                "options": [
                    {
                        "option": option,
                        "url": links.toggled(group.name, option.value, option.selected),
                    }
                    for option in group.options
                ],
            }
            for group in outcome.facets
        ],
        "sort_links": [
            {
                "label": _("Relevance"),
                "url": links.with_changes(sort=None),
                "current": outcome.sort == "relevance",
            },
            {
                "label": _("Date"),
                "url": links.with_changes(sort="date"),
                "current": outcome.sort == "date",
            },
        ],
        "pagination": _pagination(outcome, links),
        "clear_filters_url": links.without_filters() if outcome.filters else "",
        "breadcrumbs": [(_("Search"), None)],
    }
    status = 503 if outcome.unavailable else 200
    response = render(request, "search/results.html", context, status=status)
    patch_cache_control(response, private=True)
    return response


@require_GET
def autocomplete(request):
    """Suggestions for the search box: `{"suggestions": [{"label", "url", "kind"}]}`."""
    suggestions = services.autocomplete(request.GET.get("q", ""), request.user)
    response = JsonResponse(
        {"suggestions": [{"label": s.label, "url": s.url, "kind": s.kind} for s in suggestions]}
    )
    patch_cache_control(response, private=True, max_age=60)
    return response


class _Links:
    """URLs of the results page that change one thing and keep the rest."""

    def __init__(self, params):
        self.params = params

    def _items(self, drop: set[str]) -> list[tuple[str, str]]:
        return [
            (key, value)
            for key, values in self.params.lists()
            if key not in drop
            for value in values
        ]

    def with_changes(self, **changes) -> str:
        items = self._items(drop={*changes, "page"})
        items += [(key, value) for key, value in changes.items() if value is not None]
        return "?" + urlencode(items)

    def with_page(self, page: int) -> str:
        items = self._items(drop={"page"})
        if page > 1:
            items.append(("page", str(page)))
        return "?" + urlencode(items)

    def toggled(self, facet: str, value: str, selected: bool) -> str:
        values = [v for v in self.params.getlist(facet) if v != value]
        if not selected:
            values.append(value)
        items = self._items(drop={facet, "page"}) + [(facet, v) for v in values]
        return "?" + urlencode(items)

    def without_filters(self) -> str:
        return "?" + urlencode(self._items(drop={*FACETS, "page"}))


def _pagination(outcome: services.SearchOutcome, links: _Links) -> dict | None:
    if not outcome.searched or outcome.num_pages <= 1 and outcome.page == 1:
        return None
    last = outcome.num_pages
    window = range(max(1, outcome.page - PAGE_WINDOW), min(last, outcome.page + PAGE_WINDOW) + 1)
    return {
        "previous": links.with_page(outcome.page - 1) if 1 < outcome.page <= last + 1 else "",
        "next": links.with_page(outcome.page + 1) if outcome.page < last else "",
        "pages": [
            {"number": number, "url": links.with_page(number), "current": number == outcome.page}
            for number in window
        ],
        "beyond_last": outcome.page > last,
        "start": (outcome.page - 1) * outcome.per_page + 1,
        "last_url": links.with_page(last),
    }
