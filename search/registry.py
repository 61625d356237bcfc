"""Where apps declare their searchable content and who may read it.

Every app that has searchable objects writes a `<app>/search.py` module that
registers one `SearchSource` per kind of object; the search app imports
those modules when Django starts (like the admin's autodiscover). A source:

- has a `key` (also the value of the `type` facet: `pages`, `resources`…)
  and a translatable `label` shown on results ("Page", "Resource");
- returns in `queryset()` every object that should be findable right now
  (published, not hidden, not moderated away), with what `to_document`
  needs prefetched: it drives full rebuilds and single-object updates;
- turns one object into a `SearchDocument` in `to_document(obj)` (title,
  plain-text body, url, language, date, themes, countries, regions and the
  access tokens that may read it: `public`, `members`, `staff`,
  `workspace:42`, `user:7`…), or returns None when it must not be found;
- connects in `connect()` the signals after which its documents change
  (save, publish, unpublish, delete, visibility change), each calling
  `search.indexing.schedule_update(source.key, ids)`, which enqueues a
  background task. The default connects `post_save` and `post_delete` of
  `model`; Wagtail pages use `search.pages.PageSource`.

An app whose change affects many documents at once (a workspace turning
private) calls `schedule_update` itself with the affected ids.

Readers' tokens come from `search.permissions.tokens_for(user)`; apps that
grant extra tokens (workspace membership) register a token provider with
`register_token_provider`.
"""

from collections.abc import Callable, Iterable
from typing import Any

from django.db import models
from django.db.models.signals import post_delete, post_save
from django.utils.functional import Promise
from django.utils.module_loading import autodiscover_modules

from .documents import SearchDocument


class SearchSource:
    """How one kind of object becomes search documents. Subclass and register."""

    key: str = ""
    label: str | Promise = ""
    model: type[models.Model] | None = None

    def queryset(self) -> models.QuerySet:
        """Every object that should be in the index now, ready for `to_document`."""
        return self.model._default_manager.all()

    def to_document(self, obj) -> SearchDocument | None:
        raise NotImplementedError

    def connect(self) -> None:
        """Schedule an update whenever an object is saved or deleted."""
        post_save.connect(self._on_change, sender=self.model, weak=False)
        post_delete.connect(self._on_change, sender=self.model, weak=False)

    def _on_change(self, sender, instance, raw=False, **kwargs) -> None:
        if raw:
            return
        from .indexing import schedule_update

        schedule_update(self.key, [instance.pk])

    def __repr__(self):
        return f"<{type(self).__name__} {self.key}>"


_sources: dict[str, SearchSource] = {}
TokenProvider = Callable[[Any], Iterable[str]]
_token_providers: list[TokenProvider] = []


def register(source: SearchSource) -> SearchSource:
    """Add a source; registering the same key twice replaces the first one."""
    if not source.key:
        raise ValueError("A search source needs a key.")
    _sources[source.key] = source
    return source


def get(key: str) -> SearchSource | None:
    return _sources.get(key)


def sources() -> list[SearchSource]:
    return list(_sources.values())


def labels() -> dict[str, str]:
    """Each source's label in the active language, by key (the type facet's names)."""
    return {key: str(source.label) for key, source in _sources.items()}


def register_token_provider(provider: TokenProvider) -> TokenProvider:
    """Add a function user -> tokens (e.g. `workspace:<id>` for each workspace joined)."""
    _token_providers.append(provider)
    return provider


def token_providers() -> list[TokenProvider]:
    return list(_token_providers)


def autodiscover() -> None:
    """Import `<app>.search` for every installed app that has one."""
    autodiscover_modules("search")
