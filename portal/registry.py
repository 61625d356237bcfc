"""Where apps plug their content into portal pages without the portal importing them.

Each app registers a ContentProvider in its AppConfig.ready(); the home page's
"latest items" blocks and every theme page then list that app's content.
Providers must filter with their app's `visible_to(user)` and cost a constant
number of queries whatever `limit` is.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.functional import Promise


@dataclass(frozen=True)
class ListedItem:
    """What a card needs to show one piece of content from any app."""

    title: str
    url: str
    kind: str
    summary: str = ""
    date: date | datetime | None = None
    themes: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ContentProvider:
    key: str
    label: str | Promise
    latest: Callable[..., list[ListedItem]]  # (user, limit) -> items
    for_theme: Callable[..., list[ListedItem]]  # (theme, user, limit) -> items
    order: int = 100


_providers: dict[str, ContentProvider] = {}


def register(provider: ContentProvider) -> None:
    _providers[provider.key] = provider


def providers() -> list[ContentProvider]:
    return sorted(_providers.values(), key=lambda provider: (provider.order, provider.key))


def get(key: str) -> ContentProvider | None:
    return _providers.get(key)


def provider_choices() -> list[tuple[str, str]]:
    return [(provider.key, str(provider.label)) for provider in providers()]
