"""What a reader asks and what comes back, independent of the backend.

Readers' text is parsed here, once, into words, quoted phrases and excluded
words (`-word`); each backend builds its own engine query from that parsed
form, never from raw text, so operator syntax of FTS5, tsquery or Lucene
(`title:x OR`, `NEAR(`, `*`, stray quotes, null bytes) is only ever words.
"""

import re
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.safestring import SafeString

from .text import strip_marks, words

FACETS = ("type", "theme", "country", "region", "lang", "year")
SORTS = ("relevance", "date")
MAX_QUERY_CHARS = 1000
MAX_QUERY_PARTS = 12
MIN_WORD_LENGTH = 2
PER_PAGE = 20
MAX_FACET_VALUES = 50

_PHRASE_RE = re.compile(r'"([^"]*)"')


@dataclass(frozen=True)
class ParsedQuery:
    """Words that must all match, phrases that must match in order, words to exclude."""

    terms: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    excluded: tuple[str, ...] = ()

    def __bool__(self):
        return bool(self.terms or self.phrases)

    @property
    def all_words(self) -> list[str]:
        return [*self.terms, *(word for phrase in self.phrases for word in phrase)]


def parse_query(text: str) -> ParsedQuery:
    """Split a reader's query; words shorter than two letters are dropped (they
    are articles and elisions such as the `l` of `l'assurance`)."""
    text = strip_marks(text or "")[:MAX_QUERY_CHARS]
    phrases = []
    for match in _PHRASE_RE.finditer(text):
        phrase = tuple(words(match.group(1)))
        if len(phrase) > 1:
            phrases.append(phrase)
        elif phrase and len(phrase[0]) >= MIN_WORD_LENGTH:
            text += f" {phrase[0]}"
    text = _PHRASE_RE.sub(" ", text)
    terms, excluded = [], []
    for chunk in text.split():
        target = excluded if chunk.startswith("-") else terms
        target.extend(word for word in words(chunk) if len(word) >= MIN_WORD_LENGTH)
    terms = list(dict.fromkeys(terms))
    excluded = [word for word in dict.fromkeys(excluded) if word not in terms]
    phrases = list(dict.fromkeys(phrases))[:MAX_QUERY_PARTS]
    budget = MAX_QUERY_PARTS - len(phrases)
    return ParsedQuery(tuple(terms[:budget]), tuple(phrases), tuple(excluded[:MAX_QUERY_PARTS]))


@dataclass(frozen=True)
class SearchQuery:
    parsed: ParsedQuery
    tokens: frozenset[str]
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = PER_PAGE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def filters_except(self, facet: str) -> dict[str, tuple[str, ...]]:
        return {name: values for name, values in self.filters.items() if name != facet}


def clean_filters(params) -> dict[str, tuple[str, ...]]:
    """Facet filters from request parameters (a QueryDict or a dict of lists)."""
    filters = {}
    for facet in FACETS:
        values = params.getlist(facet) if hasattr(params, "getlist") else params.get(facet, [])
        if isinstance(values, str):
            values = [values]
        cleaned = [strip_marks(str(value)).strip()[:100] for value in values]
        cleaned = [value.upper() if facet == "country" else value for value in cleaned if value]
        if cleaned:
            filters[facet] = tuple(dict.fromkeys(cleaned))[:MAX_FACET_VALUES]
    return filters


@dataclass
class SearchHit:
    key: str
    source: str
    title: str
    url: str
    snippet: SafeString
    date: datetime | None
    language: str
    score: float
    themes: list[str] = field(default_factory=list)


@dataclass
class SearchResults:
    count: int
    hits: list[SearchHit]
    facets: dict[str, list[tuple[str, int]]]


@dataclass(frozen=True)
class Suggestion:
    label: str
    url: str
    kind: str


def autocomplete_words(text: str) -> list[str]:
    """The words of a half-typed query; the last one is a prefix."""
    return words(strip_marks(text or "")[:200])[:6]
