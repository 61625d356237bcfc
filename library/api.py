"""Read-only JSON API of the library: /api/v1/resources/ (list, catalogue filters) and detail.

The list goes through the same Catalogue as the web page, so filters,
facet counts and visibility are identical; unknown values are ignored.
"""

import datetime

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import Http404
from django.utils import translation
from ninja import Field, Query, Router, Schema
from wagtail.models import Locale

from .catalogue import Catalogue
from .models import ResourcePage
from .permissions import visible_resources

router = Router(tags=["library"])


class ThemeOut(Schema):
    slug: str
    name: str


class AuthorOut(Schema):
    kind: str
    name: str
    given_names: str


class FileOut(Schema):
    label: str
    language: str | None
    format: str
    size: int | None
    download_url: str


class FacetOptionOut(Schema):
    value: str
    label: str
    count: int
    selected: bool


class FacetOut(Schema):
    name: str
    label: str
    options: list[FacetOptionOut]


class ResourceSummaryOut(Schema):
    id: int
    title: str
    url: str
    type: str
    type_label: str
    summary: str
    publication_year: int
    language: str
    languages: list[str]
    themes: list[ThemeOut]


class ResourceOut(ResourceSummaryOut):
    publication_date: datetime.date | None
    publisher: str
    countries: list[str]
    regions: list[str]
    authors: list[AuthorOut]
    files: list[FileOut]
    external_url: str
    isbn: str
    doi: str
    ilo_reference: str
    licence: str
    citations: dict[str, str]


class ResourceListOut(Schema):
    count: int
    page: int
    pages: int
    next: str | None
    previous: str | None
    results: list[ResourceSummaryOut]
    facets: list[FacetOut]


def _summary(request, resource: ResourcePage) -> dict:
    return {
        "id": resource.pk,
        "title": resource.title,
        "url": request.build_absolute_uri(resource.get_url(request)),
        "type": resource.resource_type,
        "type_label": resource.type_label,
        "summary": resource.summary,
        "publication_year": resource.publication_year,
        "language": resource.locale.language_code,
        "languages": [language.code for language in resource.languages.all()],
        "themes": [{"slug": theme.slug, "name": theme.name} for theme in resource.themes.all()],
    }


def _locale(lang: str | None) -> Locale:
    codes = {code for code, _name in settings.LANGUAGES}
    code = lang if lang in codes else settings.LANGUAGE_CODE
    return Locale.objects.filter(language_code=code).first() or Locale.get_default()


class CatalogueQuery(Schema):
    """The catalogue's filters, documented for the schema; parsed by the Catalogue itself."""

    lang: str | None = Field(None, description="Catalogue language: fr or en.")
    type: list[str] = Field([], description="Resource types (OR).")
    theme: list[str] = Field([], description="Theme slugs (OR).")
    country: list[str] = Field([], description="ISO country codes (OR).")
    region: list[str] = Field([], description="Region slugs (OR).")
    language: list[str] = Field([], description="Language codes (OR).")
    period: list[str] = Field([], description="Publication periods (OR): 2020-, 2010-2019…")
    sort: str | None = Field(None, description="newest, title or downloads.")
    page: str | None = Field(None, description="Page number.")


@router.get("/", response=ResourceListOut, url_name="library_resources")
def list_resources(request, filters: Query[CatalogueQuery]):
    """Visible resources with the catalogue's filters and facet counts (unknown values ignored)."""
    lang = filters.lang
    locale = _locale(lang)
    with translation.override(locale.language_code):
        catalogue = Catalogue(request.GET, request.user, locale)
        facets = catalogue.facets()
        results = catalogue.page()
        prefetch_related_objects(results.object_list, "locale")
        links = catalogue.page_links(results)
        return {
            "count": results.paginator.count,
            "page": results.number,
            "pages": results.paginator.num_pages,
            "next": _absolute(request, links["next"]),
            "previous": _absolute(request, links["previous"]),
            "results": [_summary(request, resource) for resource in results.object_list],
            "facets": [
                {
                    "name": facet.name,
                    "label": str(facet.label),
                    "options": [option.__dict__ for option in facet.options],
                }
                for facet in facets
            ],
        }


@router.get("/{int:resource_id}/", response=ResourceOut, url_name="library_resource")
def get_resource(request, resource_id: int):
    resource = (
        visible_resources(request.user)
        .select_related("locale")
        .prefetch_related("themes", "languages", "countries", "regions", "authors")
        .filter(pk=resource_id)
        .first()
    )
    if resource is None:
        raise Http404
    with translation.override(resource.locale.language_code):
        files = resource.files.select_related("document", "language")
        return {
            **_summary(request, resource),
            "publication_date": resource.publication_date,
            "publisher": resource.publisher,
            "countries": [country.code for country in resource.countries.all()],
            "regions": [region.slug for region in resource.regions.all()],
            "authors": [
                {"kind": a.kind, "name": a.name, "given_names": a.given_names}
                for a in resource.authors.all()
            ],
            "files": [
                {
                    "label": file.display_label,
                    "language": file.language_id,
                    "format": file.file_format,
                    "size": file.size,
                    "download_url": request.build_absolute_uri(file.download_url),
                }
                for file in files
            ],
            "external_url": resource.external_url,
            "isbn": resource.isbn,
            "doi": resource.doi,
            "ilo_reference": resource.ilo_reference,
            "licence": resource.licence,
            "citations": {
                fmt: request.build_absolute_uri(url)
                for fmt, url in resource.citation_links().items()
            },
        }


def _absolute(request, query: str | None) -> str | None:
    if query is None:
        return None
    return request.build_absolute_uri(request.path + query)
