"""What else an expert did on the portal, shown on their profile page.

Apps that hold members' contributions (forums, the library) register an
ActivitySource in their AppConfig.ready(); the profile page lists each
non-empty one. Sources filter with their own `visible_to(viewer)` and cost
a constant number of queries.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise

from portal.registry import ListedItem

PROFILE_ITEMS_PER_SOURCE = 5


@dataclass(frozen=True)
class ActivitySource:
    key: str
    label: str | Promise
    items: Callable[..., list[ListedItem]]  # (member, viewer, limit) -> items
    order: int = 100


_sources: dict[str, ActivitySource] = {}


def register(source: ActivitySource) -> None:
    _sources[source.key] = source


def sections_for(member, viewer, limit: int = PROFILE_ITEMS_PER_SOURCE) -> list[dict]:
    sections = []
    for source in sorted(_sources.values(), key=lambda source: (source.order, source.key)):
        items = source.items(member, viewer, limit)
        if items:
            sections.append({"key": source.key, "label": source.label, "items": items})
    return sections
