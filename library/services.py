"""Multi-step operations of the library, shared by views, tasks, commands and other apps.

Public functions for other apps (the search app in particular):
`searchable_resources()`, `resource_full_text(resource)`, `full_texts(ids)`.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import (
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    prefetch_related_objects,
)
from django.utils import timezone
from wagtail.models import Locale

from .models import DocumentText, DownloadCount, ExtractionStatus, ResourceFile, ResourcePage
from .permissions import visible_resources

RELATED_RESOURCES = 4


def searchable_resources():
    """Every resource the public may see, in every language (for search indexing).

    Prefetches what a search document needs; join the text with `full_texts`.
    """
    return (
        ResourcePage.objects.visible_to(None)
        .select_related("locale")
        .prefetch_related("themes", "countries", "languages", "authors")
    )


def full_texts(resource_ids) -> dict[int, str]:
    """{resource id: the extracted text of all its files}, in one query."""
    texts: dict[int, list[str]] = {}
    rows = (
        ResourceFile.objects.filter(
            resource_id__in=resource_ids,
            document__extracted_text__status=ExtractionStatus.DONE,
        )
        .order_by("resource_id", "sort_order")
        .values_list("resource_id", "document__extracted_text__text")
    )
    for resource_id, text in rows:
        texts.setdefault(resource_id, []).append(text)
    return {resource_id: "\n\n".join(parts) for resource_id, parts in texts.items()}


def resource_full_text(resource: ResourcePage) -> str:
    """Everything a query should find a resource by: metadata, authors and its files' text."""
    metadata = [
        resource.title,
        resource.summary,
        resource.publisher,
        " ".join(author.display_name for author in resource.authors.all()),
        resource.isbn,
        resource.doi,
        resource.ilo_reference,
    ]
    body = full_texts([resource.pk]).get(resource.pk, "")
    return "\n".join(part for part in [*metadata, body] if part)


def request_text_extraction(document) -> bool:
    """Queue extraction of a document's text unless it is already done for this file."""
    from .tasks import extract_document_text

    file_hash = document.get_file_hash()
    current = DocumentText.objects.filter(document=document, source_hash=file_hash).exclude(
        status=ExtractionStatus.PENDING
    )
    if current.exists():
        return False
    DocumentText.objects.update_or_create(
        document=document, defaults={"status": ExtractionStatus.PENDING}
    )
    extract_document_text.enqueue(document.pk)
    return True


def record_download(resource_file: ResourceFile, when: datetime.date | None = None) -> None:
    """Count one download of a file in this month's row (atomic under concurrency)."""
    month = (when or timezone.localdate()).replace(day=1)
    key = {
        "resource_id": resource_file.resource_id,
        "document_id": resource_file.document_id,
        "month": month,
    }
    if DownloadCount.objects.filter(**key).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            DownloadCount.objects.create(**key, count=1)
    except IntegrityError:
        # Another request created this month's row first.
        DownloadCount.objects.filter(**key).update(count=F("count") + 1)


def downloads_by_month(resource: ResourcePage) -> list[dict]:
    """[{month, document title, count}], newest month first, for the admin report."""
    return list(
        DownloadCount.objects.filter(resource=resource)
        .values("month", "document__title")
        .annotate(total=Sum("count"))
        .order_by("-month", "document__title")
    )


def related_resources(resource: ResourcePage, user, limit: int = RELATED_RESOURCES) -> list:
    """The editors' choices first, then resources sharing the most themes and countries."""
    locale = Locale.get_active()
    visible = visible_resources(user, locale).exclude(translation_key=resource.translation_key)
    chosen_ids = list(resource.related_links.values_list("target_id", flat=True))
    chosen = {page.pk: page for page in visible.filter(pk__in=chosen_ids)}
    related = [chosen[pk] for pk in chosen_ids if pk in chosen][:limit]
    missing = limit - len(related)
    if missing > 0:
        related += _sharing_themes_or_countries(resource, visible, chosen_ids, missing)
    # What each card shows, in two queries for all of them.
    prefetch_related_objects(related, "themes", "languages")
    return related


def _sharing_themes_or_countries(resource, visible, chosen_ids, missing: int) -> list:
    theme_ids = list(resource.themes.values_list("pk", flat=True))
    country_codes = list(resource.countries.values_list("pk", flat=True))
    if not theme_ids and not country_codes:
        return []
    themes = ResourcePage.themes.through.objects.filter(theme_id__in=theme_ids)
    countries = ResourcePage.countries.through.objects.filter(country_id__in=country_codes)
    shared = (
        visible.exclude(pk__in=chosen_ids)
        .filter(
            Q(pk__in=themes.values("resourcepage_id"))
            | Q(pk__in=countries.values("resourcepage_id"))
        )
        .annotate(
            shared=count_of(themes.filter(resourcepage_id=OuterRef("pk")))
            + count_of(countries.filter(resourcepage_id=OuterRef("pk")))
        )
        .order_by("-shared", "-publication_year", "title")
    )
    return list(shared[:missing])


def count_of(queryset, column: str = "pk", function: str = "COUNT") -> Subquery:
    """A correlated COUNT (or SUM of `column`) over `queryset`, usable in an annotation.

    A plain aggregate function rather than Django's Count so that the
    subquery has no GROUP BY and always returns exactly one row.
    """
    return Subquery(
        queryset.order_by().annotate(total=Func(F(column), function=function)).values("total"),
        output_field=IntegerField(),
    )
