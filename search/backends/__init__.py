"""The search engines behind one interface, picked by the SEARCH_BACKEND setting.

- `database` (default): the portal's own database, SQLite FTS5 or PostgreSQL
  full-text search, depending on DATABASE_URL;
- `elasticsearch`: an Elasticsearch 8+ cluster at ELASTICSEARCH_URL.
"""

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Sequence

from django.conf import settings
from django.db import connection

from ..documents import SearchDocument
from ..query import SearchQuery, SearchResults, Suggestion


class SearchUnavailable(Exception):
    """The engine cannot be reached: readers get a notice, writes are queued."""


class SearchBackend(ABC):
    @abstractmethod
    def index(self, documents: Sequence[SearchDocument]) -> None:
        """Add or replace these documents."""

    @abstractmethod
    def delete(self, keys: Sequence[str]) -> None:
        """Remove documents by key; unknown keys are ignored."""

    @abstractmethod
    def rebuild(self, documents: Iterable[SearchDocument], progress: Callable[[int], None]) -> int:
        """Replace the whole index with these documents, readers seeing the old
        index until the new one is complete; returns how many were indexed."""

    @abstractmethod
    def search(self, query: SearchQuery) -> SearchResults: ...

    @abstractmethod
    def autocomplete(
        self, words: list[str], tokens: frozenset[str], limit: int
    ) -> list[Suggestion]:
        """Titles whose words start with `words` (the last one a prefix)."""

    @abstractmethod
    def fingerprints(self) -> dict[str, str]:
        """Every indexed document's key and fingerprint (drift checks)."""

    @abstractmethod
    def clear(self) -> None: ...


_backends: dict[tuple, SearchBackend] = {}


def get_backend() -> SearchBackend:
    """The configured backend (one instance per configuration)."""
    name = settings.SEARCH_BACKEND
    if name == "elasticsearch":
        config = (
            name,
            settings.ELASTICSEARCH_URL,
            settings.SEARCH_ELASTICSEARCH_INDEX,
            settings.SEARCH_ELASTICSEARCH_TIMEOUT,
        )
        if config not in _backends:
            from .elasticsearch import ElasticsearchBackend

            _backends[config] = ElasticsearchBackend(*config[1:])
        return _backends[config]
    if name != "database":
        raise ValueError(f"Unknown SEARCH_BACKEND {name!r}: use 'database' or 'elasticsearch'.")
    config = (name, connection.vendor)
    if config not in _backends:
        if connection.vendor == "postgresql":
            from .postgres import PostgresBackend as backend_class
        else:
            from .sqlite import SQLiteBackend as backend_class
        _backends[config] = backend_class()
    return _backends[config]
