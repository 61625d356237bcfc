"""SQLite FTS5: the embedded engine.

FTS5 has no French stemmer, so documents get a third column holding one
Snowball stem per word in their own language, and each query word is looked
up there under its French and English stems. A second, always-true branch
matching the stems as prefixes in the title and body columns is what lets
FTS5's snippet() highlight the words that matched (`mutuelles` marks
`mutuelle`) and boosts title matches in bm25, without changing which rows match.
"""

from ..documents import SearchDocument
from ..models import IndexedDocument
from ..query import ParsedQuery
from ..text import MARK_END, MARK_START, stem, stem_variants, stemmed_text
from .database import DOCUMENTS, PAGE_COLUMNS, DatabaseBackend, Match

FULLTEXT = "search_fulltext"
SOURCE = f"{FULLTEXT} JOIN {DOCUMENTS} d ON d.id = {FULLTEXT}.rowid"
# bm25 weights of the title, body and stems columns.
SCORE = f"-bm25({FULLTEXT}, 10.0, 1.0, 1.0)"
SNIPPET_TOKENS = 30


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _any(alternatives, prefix: bool = False) -> str:
    star = "*" if prefix else ""
    return " OR ".join(_quoted(alternative) + star for alternative in alternatives)


def match_expression(parsed: ParsedQuery) -> str:
    """The FTS5 query for a parsed reader's query (only quoted words ever reach FTS5)."""
    parts = []
    for term in parsed.terms:
        stems = _any(stem_variants(term))
        prefixes = _any(stem_variants(term), prefix=True)
        parts.append(f"(stems: ({stems}) AND (stems: ({stems}) OR {{title body}}: ({prefixes})))")
    for phrase in parsed.phrases:
        variants = dict.fromkeys(
            [" ".join(stem(word, language) for word in phrase) for language in ("fr", "en")]
            + [" ".join(phrase)]
        )
        stems = _any(variants)
        exact = _quoted(" ".join(phrase))
        parts.append(f"(stems: ({stems}) AND (stems: ({stems}) OR {{title body}}: {exact}))")
    expression = " AND ".join(parts)
    for word in parsed.excluded:
        expression = f"({expression}) NOT stems: ({_any(stem_variants(word))})"
    return expression


class SQLiteBackend(DatabaseBackend):
    def _insert_fulltext(self, rows: list[tuple[int, SearchDocument]]) -> None:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FULLTEXT} (rowid, title, body, stems) VALUES (%s, %s, %s, %s)",
                [
                    (
                        row_id,
                        document.title,
                        document.body,
                        stemmed_text(f"{document.title}\n{document.body}", document.language),
                    )
                    for row_id, document in rows
                ],
            )

    def _delete_fulltext(self, ids: list[int] | None) -> None:
        from django.db import connection

        with connection.cursor() as cursor:
            if ids is None:
                cursor.execute(f"DELETE FROM {FULLTEXT}")
            else:
                placeholders = ", ".join(["%s"] * len(ids))
                cursor.execute(f"DELETE FROM {FULLTEXT} WHERE rowid IN ({placeholders})", ids)

    def _match(self, parsed: ParsedQuery) -> Match:
        return Match(
            from_sql=SOURCE,
            where_sql=f"{FULLTEXT} MATCH %s",
            where_params=[match_expression(parsed)],
            score_sql=SCORE,
        )

    def _details(self, match: Match, ids: list[int]):
        if not ids:
            return []
        placeholders = ", ".join(["%s"] * len(ids))
        return IndexedDocument.objects.raw(
            f"""SELECT {PAGE_COLUMNS},
                snippet({FULLTEXT}, 1, %s, %s, '…', {SNIPPET_TOKENS}) AS snippet
            FROM {SOURCE} WHERE {match.where_sql} AND d.id IN ({placeholders})""",
            [MARK_START, MARK_END, *match.where_params, *ids],
        )

    def _title_match(self, words: list[str]) -> Match:
        *complete, prefix = words
        expression = " AND ".join(
            [f"title: {_quoted(word)}" for word in complete] + [f"title: {_quoted(prefix)}*"]
        )
        return Match(
            from_sql=SOURCE,
            where_sql=f"{FULLTEXT} MATCH %s",
            where_params=[expression],
            score_sql=SCORE,
        )
