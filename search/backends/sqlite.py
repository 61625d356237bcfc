"""SQLite FTS5: the embedded engine.

FTS5 has no French stemmer, so the title and body are also stored as one
Snowball stem per word in the document's own language, and each query word
is looked up there under its French and English stems (`mutuelles` finds
`mutuelle`). Counting, ranking (bm25, title stems weighing ten times the
body's) and facets only read the stem columns. Snippets are cut from the
page's twenty bodies by search.text.snippet with the same stems: FTS5's
snippet() would need the written forms of every stem, whose lookup costs as
much as the search itself.
"""

from django.db import connection

from ..documents import SearchDocument
from ..models import IndexedDocument
from ..query import ParsedQuery
from ..text import snippet, stem, stem_variants, stemmed_text
from .database import DETAIL_FIELDS, DOCUMENTS, DatabaseBackend, Match

FULLTEXT = "search_fulltext"
SOURCE = f"{FULLTEXT} JOIN {DOCUMENTS} d ON d.id = {FULLTEXT}.rowid"
STEMS = "{title_stems body_stems}"
# bm25 weights of the title, body, title_stems and body_stems columns.
SCORE = f"-bm25({FULLTEXT}, 0.0, 0.0, 10.0, 1.0)"
TITLE_SCORE = f"-bm25({FULLTEXT}, 1.0, 0.0, 0.0, 0.0)"


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _any(alternatives) -> str:
    return " OR ".join(_quoted(alternative) for alternative in alternatives)


def _phrase_variants(phrase: tuple[str, ...]) -> list[str]:
    stemmed = [" ".join(stem(word, language) for word in phrase) for language in ("fr", "en")]
    return list(dict.fromkeys([*stemmed, " ".join(phrase)]))


def match_expression(parsed: ParsedQuery) -> str:
    """The FTS5 query for a parsed reader's query (only quoted words ever reach FTS5)."""
    parts = [f"{STEMS}: ({_any(stem_variants(term))})" for term in parsed.terms]
    parts += [f"{STEMS}: ({_any(_phrase_variants(phrase))})" for phrase in parsed.phrases]
    expression = " AND ".join(parts)
    for word in parsed.excluded:
        expression = f"({expression}) NOT {STEMS}: ({_any(stem_variants(word))})"
    return expression


class SQLiteBackend(DatabaseBackend):
    def _insert_fulltext(self, rows: list[tuple[int, SearchDocument]]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"""INSERT INTO {FULLTEXT} (rowid, title, body, title_stems, body_stems)
                VALUES (%s, %s, %s, %s, %s)""",
                [
                    (
                        row_id,
                        document.title,
                        document.body,
                        stemmed_text(document.title, document.language),
                        stemmed_text(document.body, document.language),
                    )
                    for row_id, document in rows
                ],
            )

    def _delete_fulltext(self, ids: list[int] | None) -> None:
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
            parsed=parsed,
        )

    def _details(self, match: Match, ids: list[int]):
        """The page's rows with a snippet cut around the first matching words."""
        documents = IndexedDocument.objects.filter(id__in=ids).only(*DETAIL_FIELDS, "body")
        for document in documents:
            document.snippet = snippet(document.body, match.parsed, document.language)
        return documents

    def _title_match(self, words: list[str]) -> Match:
        *complete, prefix = words
        expression = " AND ".join(
            [f"title: {_quoted(word)}" for word in complete] + [f"title: {_quoted(prefix)}*"]
        )
        return Match(
            from_sql=SOURCE,
            where_sql=f"{FULLTEXT} MATCH %s",
            where_params=[expression],
            score_sql=TITLE_SCORE,
        )
