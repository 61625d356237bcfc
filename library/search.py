"""Library resources in the search index: metadata and the text inside their files.

Found by anyone (the library lists only live, unrestricted resources:
`ResourcePage.objects.visible_to`), faceted by theme, country, region and
publication year. A resource is re-indexed when it is published and again
whenever the text of one of its files has been extracted.
"""

from datetime import UTC, datetime

from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _

from search import registry
from search.documents import PUBLIC
from search.indexing import schedule_update
from search.pages import PageSource

from .models import DocumentText, ResourceFile, ResourcePage
from .services import resource_full_text, searchable_resources


class ResourceSource(PageSource):
    key = "resources"
    label = _("Resource")
    model = ResourcePage

    def queryset(self):
        return searchable_resources().prefetch_related("regions").order_by("pk")

    def date(self, page) -> datetime:
        """The publication date (1 January when only the year is known): the year facet."""
        published = page.publication_date
        if published is None:
            return datetime(page.publication_year, 1, 1, tzinfo=UTC)
        return datetime(published.year, published.month, published.day, tzinfo=UTC)

    def body(self, page) -> str:
        return resource_full_text(page)

    def tokens(self, page) -> frozenset[str]:
        return frozenset({PUBLIC})  # the queryset already left out restricted resources

    def connect(self) -> None:
        super().connect()
        post_save.connect(_text_extracted, sender=DocumentText, weak=False)


def _text_extracted(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    resource_ids = ResourceFile.objects.filter(document_id=instance.document_id).values_list(
        "resource_id", flat=True
    )
    schedule_update(ResourceSource.key, resource_ids)


registry.register(ResourceSource())
