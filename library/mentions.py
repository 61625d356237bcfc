"""Where other apps say "this content mentions that resource" (e.g. G-NEWS issues).

The resource page lists what every registered source returns. The newsletter
app will register its source in its AppConfig.ready(); the library does not
import it.
"""

from collections.abc import Callable

from portal.registry import ListedItem

_sources: dict[str, Callable] = {}


def register(key: str, source: Callable) -> None:
    """`source(resource, user) -> list[ListedItem]`, filtered by its app's own visibility rule."""
    _sources[key] = source


def mentions_of(resource, user) -> list[ListedItem]:
    items: list[ListedItem] = []
    for _key, source in sorted(_sources.items()):
        items.extend(source(resource, user))
    return items
