"""Factories for search documents (plain data: no source or model needed)."""

from datetime import UTC, datetime, timedelta

import factory

from search.documents import PUBLIC, SearchDocument


class SearchDocumentFactory(factory.Factory):
    class Meta:
        model = SearchDocument

    source = "pages"
    object_id = factory.Sequence(str)
    title = factory.Sequence(lambda n: f"Document {n}")
    url = factory.LazyAttribute(lambda document: f"/fr/documents/{document.object_id}/")
    language = "fr"
    tokens = frozenset({PUBLIC})
    body = ""
    date = factory.Sequence(lambda n: datetime(2020, 1, 1, tzinfo=UTC) + timedelta(days=n))
