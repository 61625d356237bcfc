"""PostgreSQL full-text search: tsvector + GIN, unaccent, one configuration per language.

Documents are vectorised by generated columns (migration 0002) with the
configuration of their own language; a reader's query is parsed with the
French, English and simple configurations and OR-ed, since the reader's
language says nothing about the documents'. `websearch_to_tsquery` only ever
receives quoted words rebuilt from the parsed query.
"""

from ..models import IndexedDocument
from ..query import ParsedQuery
from ..text import MARK_END, MARK_START
from .database import DOCUMENTS, PAGE_COLUMNS, DatabaseBackend, Match

CONFIGS = ("search_fr", "search_en", "search_simple")
TSQUERY = " || ".join(f"websearch_to_tsquery('{config}', %s)" for config in CONFIGS)
DOCUMENT_CONFIG = (
    "CASE d.language WHEN 'fr' THEN 'search_fr'::regconfig "
    "WHEN 'en' THEN 'search_en'::regconfig ELSE 'search_simple'::regconfig END"
)
HEADLINE_OPTIONS = (
    f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=35, MinWords=15, '
    'MaxFragments=2, FragmentDelimiter=" … "'
)


def websearch_text(parsed: ParsedQuery) -> str:
    """Quoted words and phrases, `-"word"` exclusions: nothing websearch could misread."""
    parts = [f'"{term}"' for term in parsed.terms]
    parts += ['"' + " ".join(phrase) + '"' for phrase in parsed.phrases]
    parts += [f'-"{word}"' for word in parsed.excluded]
    return " ".join(parts)


class PostgresBackend(DatabaseBackend):
    def _match(self, parsed: ParsedQuery) -> Match:
        text = websearch_text(parsed)
        params = [text] * len(CONFIGS)
        return Match(
            from_sql=f"{DOCUMENTS} d",
            where_sql=f"d.search_vector @@ ({TSQUERY})",
            where_params=params,
            score_sql=f"ts_rank(d.search_vector, ({TSQUERY}))",
            score_params=params,
            highlight_params=params,
        )

    def _details(self, match: Match, ids: list[int]):
        if not ids:
            return []
        return IndexedDocument.objects.raw(
            f"""SELECT {PAGE_COLUMNS},
                ts_headline({DOCUMENT_CONFIG}, d.body, ({TSQUERY}), %s) AS snippet
            FROM {DOCUMENTS} d WHERE d.id = ANY(%s)""",
            [*match.highlight_params, HEADLINE_OPTIONS, ids],
        )

    def _title_match(self, words: list[str]) -> Match:
        *complete, prefix = words
        tsquery = " & ".join([*(f"'{word}'" for word in complete), f"'{prefix}':*"])
        return Match(
            from_sql=f"{DOCUMENTS} d",
            where_sql="d.title_vector @@ to_tsquery('search_simple', %s)",
            where_params=[tsquery],
            score_sql="ts_rank(d.title_vector, to_tsquery('search_simple', %s))",
            score_params=[tsquery],
        )
