"""The search document: what every searchable object of every app becomes.

A document is plain data (no model instance), so every backend stores the
same thing and a rebuild can compare what the database says with what the
index holds through a fingerprint.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime

# Access tokens a document can carry; apps add their own with a prefix and an
# id (`workspace:42`, `group:3`). A reader sees a document when they hold at
# least one of its tokens (see search.permissions).
PUBLIC = "public"
MEMBERS = "members"
STAFF = "staff"


def user_token(user_id: int) -> str:
    return f"user:{user_id}"


def group_token(group_id: int) -> str:
    return f"group:{group_id}"


# Bodies longer than this are cut before indexing: PostgreSQL refuses
# tsvectors over 1 MB, and no snippet needs the 500th page of a PDF.
MAX_BODY_CHARS = 200_000


@dataclass(frozen=True)
class SearchDocument:
    """One searchable object, as its app describes it.

    `source` is the registered source's key (also the value of the "type"
    facet), `object_id` the object's primary key. `tokens` says who may read
    it; a document with no token is never shown to anyone.
    """

    source: str
    object_id: str
    title: str
    url: str
    language: str
    tokens: frozenset[str]
    body: str = ""
    date: datetime | None = None
    themes: tuple[int, ...] = ()
    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "object_id", str(self.object_id))
        object.__setattr__(self, "tokens", frozenset(self.tokens))
        object.__setattr__(self, "body", (self.body or "")[:MAX_BODY_CHARS])

    @property
    def key(self) -> str:
        return document_key(self.source, self.object_id)

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    def facet_values(self) -> list[tuple[str, str]]:
        """(facet, value) pairs, the same names the search form and API use."""
        values = [("type", self.source), ("lang", self.language)]
        if self.year:
            values.append(("year", str(self.year)))
        values += [("theme", str(theme)) for theme in sorted(set(self.themes))]
        values += [("country", code.upper()) for code in sorted(set(self.countries))]
        values += [("region", slug) for slug in sorted(set(self.regions))]
        return values

    @property
    def fingerprint(self) -> str:
        """A hash of everything indexed, to find stale entries (`rebuild_search_index --check`)."""
        payload = {
            "title": self.title,
            "body": self.body,
            "url": self.url,
            "date": self.date.isoformat() if self.date else None,
            "tokens": sorted(self.tokens),
            "facets": self.facet_values(),
        }
        encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(encoded).hexdigest()


def document_key(source: str, object_id) -> str:
    return f"{source}:{object_id}"


def split_key(key: str) -> tuple[str, str]:
    source, _sep, object_id = key.partition(":")
    return source, object_id
