"""`GET /api/v1/search`: the results page as JSON, for partner sites.

Anonymous callers see public content; a logged-in session sees what its
user may open, exactly as on the results page.
"""

from datetime import datetime

from ninja import Query, Router, Schema

from . import services

router = Router(tags=["search"])


class SearchResultOut(Schema):
    type: str
    type_label: str
    title: str
    url: str
    snippet: str
    date: datetime | None
    score: float
    language: str
    themes: list[str]


class FacetValueOut(Schema):
    value: str
    label: str
    count: int


class SearchOut(Schema):
    count: int
    page: int
    num_pages: int
    results: list[SearchResultOut]
    facets: dict[str, list[FacetValueOut]]


class UnavailableOut(Schema):
    detail: str


@router.get(
    "",
    response={200: SearchOut, 503: UnavailableOut},
    summary="Search all content",
    url_name="search",
)
def search(
    request,
    q: str = "",
    type_: list[str] = Query(None, alias="type", description="Content type (repeatable)"),  # noqa: B008
    theme: list[str] = Query(None, description="Theme slug or id (repeatable)"),  # noqa: B008
    country: list[str] = Query(None, description="ISO country code (repeatable)"),  # noqa: B008
    region: list[str] = Query(None, description="Region slug (repeatable)"),  # noqa: B008
    lang: list[str] = Query(None, description="Language code (repeatable)"),  # noqa: B008
    year: list[str] = Query(None, description="Year (repeatable)"),  # noqa: B008
    sort: str = Query("relevance", description="relevance or date"),  # noqa: B008
    page: str = Query("1", description="Page number; out of range gives an empty page"),  # noqa: B008
):
    """`snippet` is HTML: the text escaped, matched words in `<mark>` tags and nothing else."""
    params = {
        "type": type_ or [],
        "theme": theme or [],
        "country": country or [],
        "region": region or [],
        "lang": lang or [],
        "year": year or [],
    }
    outcome = services.search(q, request.user, params, page=page, sort=sort)
    if outcome.unavailable:
        return 503, {"detail": "Search is temporarily unavailable."}
    return 200, {
        "count": outcome.count,
        "page": outcome.page,
        "num_pages": outcome.num_pages,
        "results": [
            {
                "type": item.hit.source,
                "type_label": item.kind,
                "title": item.hit.title,
                "url": request.build_absolute_uri(item.hit.url),
                "snippet": str(item.hit.snippet),
                "date": item.hit.date,
                "score": item.hit.score,
                "language": item.hit.language,
                "themes": item.themes,
            }
            for item in outcome.items
        ],
        "facets": {
            group.name: [
                {"value": option.value, "label": option.label, "count": option.count}
                for option in group.options
            ]
            for group in outcome.facets
        },
    }
