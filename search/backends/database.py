"""What the SQLite and PostgreSQL backends share: storage, permission and facet SQL.

Each engine supplies how text is matched, ranked and highlighted (`Match`);
everything else is the same SQL. A search costs a constant number of
queries: the page of ids with the total, the page's details with snippets,
the page's themes, and one facet query per distinct set of facet filters
(one when no facet is selected). Nothing is filtered in Python.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice

from django.db import connection, transaction

from ..documents import SearchDocument
from ..models import DocumentFacet, DocumentToken, IndexedDocument
from ..query import FACETS, ParsedQuery, SearchHit, SearchQuery, SearchResults, Suggestion
from ..text import marked_html
from . import SearchBackend

DOCUMENTS = IndexedDocument._meta.db_table
TOKENS = DocumentToken._meta.db_table
FACET_VALUES = DocumentFacet._meta.db_table
BATCH_SIZE = 500
# What a results page reads: never the body nor PostgreSQL's tsvector columns.
DETAIL_FIELDS = ["id", "key", "source", "title", "url", "language", "date"]
PAGE_COLUMNS = ", ".join(f"d.{name}" for name in DETAIL_FIELDS)


@dataclass
class Match:
    """An engine's full-text condition on the documents table aliased `d`."""

    from_sql: str
    where_sql: str
    where_params: list = field(default_factory=list)
    score_sql: str = "0"
    score_params: list = field(default_factory=list)
    # What the snippet query matches with, when it differs from where_params.
    highlight_params: list = field(default_factory=list)
    parsed: ParsedQuery | None = None


class DatabaseBackend(SearchBackend):
    # --- writes -------------------------------------------------------------
    def index(self, documents: Sequence[SearchDocument]) -> None:
        with transaction.atomic():
            self._delete_keys([document.key for document in documents])
            self._insert(documents)

    def delete(self, keys: Sequence[str]) -> None:
        with transaction.atomic():
            self._delete_keys(keys)

    def rebuild(self, documents: Iterable[SearchDocument], progress: Callable[[int], None]) -> int:
        """One transaction: readers keep seeing the old rows until commit."""
        total = 0
        with transaction.atomic():
            self.clear()
            iterator = iter(documents)
            while batch := list(islice(iterator, BATCH_SIZE)):
                self._insert(batch)
                total += len(batch)
                progress(total)
        return total

    def clear(self) -> None:
        self._delete_fulltext(None)
        with connection.cursor() as cursor:
            for table in (TOKENS, FACET_VALUES, DOCUMENTS):
                cursor.execute(f"DELETE FROM {table}")

    def fingerprints(self) -> dict[str, str]:
        return dict(IndexedDocument.objects.values_list("key", "fingerprint"))

    def _delete_keys(self, keys: Sequence[str]) -> None:
        ids = list(IndexedDocument.objects.filter(key__in=keys).values_list("id", flat=True))
        if not ids:
            return
        self._delete_fulltext(ids)
        DocumentToken.objects.filter(document_id__in=ids).delete()
        DocumentFacet.objects.filter(document_id__in=ids).delete()
        IndexedDocument.objects.filter(id__in=ids).delete()

    def _insert(self, documents: Sequence[SearchDocument]) -> None:
        rows = IndexedDocument.objects.bulk_create(
            IndexedDocument(
                key=document.key,
                source=document.source,
                object_id=document.object_id,
                title=document.title,
                body=document.body,
                url=document.url,
                language=document.language,
                date=document.date,
                fingerprint=document.fingerprint,
            )
            for document in documents
        )
        DocumentToken.objects.bulk_create(
            DocumentToken(document_id=row.id, token=token)
            for row, document in zip(rows, documents, strict=True)
            for token in sorted(document.tokens)
        )
        DocumentFacet.objects.bulk_create(
            DocumentFacet(document_id=row.id, facet=facet, value=value)
            for row, document in zip(rows, documents, strict=True)
            for facet, value in document.facet_values()
        )
        self._insert_fulltext(
            [(row.id, document) for row, document in zip(rows, documents, strict=True)]
        )

    def _insert_fulltext(self, rows: list[tuple[int, SearchDocument]]) -> None:
        """Engines whose full-text data is not derived from the documents table."""

    def _delete_fulltext(self, ids: list[int] | None) -> None:
        """Remove these ids' full-text rows (all of them when ids is None)."""

    # --- reads --------------------------------------------------------------
    def _match(self, parsed: ParsedQuery) -> Match:
        raise NotImplementedError

    def _details(self, match: Match, ids: list[int]) -> Iterable[IndexedDocument]:
        """The documents with these ids, each with a `snippet` attribute."""
        raise NotImplementedError

    def _title_match(self, words: list[str]) -> Match:
        raise NotImplementedError

    def search(self, query: SearchQuery) -> SearchResults:
        if not query.parsed:
            return SearchResults(count=0, hits=[], facets={})
        match = self._match(query.parsed)
        filter_sql, filter_params = _filters_sql(query.tokens, query.filters)
        base_sql = f"FROM {match.from_sql} WHERE {match.where_sql} AND {filter_sql}"
        base_params = [*match.where_params, *filter_params]
        count, hits = self._page(match, base_sql, base_params, query)
        if count is None:  # a page beyond the last: no row carried the total
            count = _fetch(f"SELECT COUNT(*) {base_sql}", base_params)[0][0]
        facets = self._facets(match, query)
        return SearchResults(count=count, hits=hits, facets=facets)

    def _page(self, match: Match, base_sql: str, base_params: list, query: SearchQuery):
        """The page's hits and, riding on its rows, the total (one full-text pass, not two)."""
        order = (
            "score DESC, d.id" if query.sort == "relevance" else "d.date DESC NULLS LAST, d.id DESC"
        )
        rows = _fetch(
            f"SELECT id, score, COUNT(*) OVER () FROM ("
            f"SELECT d.id, d.date, {match.score_sql} AS score {base_sql}"
            f") AS d ORDER BY {order} LIMIT %s OFFSET %s",
            [*match.score_params, *base_params, query.per_page, query.offset],
        )
        if not rows:
            return None, []
        count = rows[0][2]
        scores = {row_id: float(score or 0) for row_id, score, _total in rows}
        ids = list(scores)
        documents = {document.id: document for document in self._details(match, ids)}
        themes = defaultdict(list)
        for document_id, value in DocumentFacet.objects.filter(
            document_id__in=ids, facet="theme"
        ).values_list("document_id", "value"):
            themes[document_id].append(value)
        return count, [
            SearchHit(
                key=document.key,
                source=document.source,
                title=document.title,
                url=document.url,
                snippet=marked_html(document.snippet or ""),
                date=document.date,
                language=document.language,
                score=round(scores[document_id], 6),
                themes=themes[document_id],
            )
            for document_id in ids
            if (document := documents.get(document_id)) is not None
        ]

    def _facets(self, match: Match, query: SearchQuery) -> dict[str, list[tuple[str, int]]]:
        """Each facet counted under every filter but its own, so values of one facet
        combine with OR and can all be offered; facets sharing filters share a query."""
        groups: dict[tuple, list[str]] = defaultdict(list)
        for facet in FACETS:
            filters = query.filters_except(facet)
            groups[tuple(sorted(filters.items()))].append(facet)
        counts: dict[str, list[tuple[str, int]]] = {facet: [] for facet in FACETS}
        for filters, facets in groups.items():
            filter_sql, filter_params = _filters_sql(query.tokens, dict(filters))
            placeholders = ", ".join(["%s"] * len(facets))
            rows = _fetch(
                f"""SELECT f.facet, f.value, COUNT(*) FROM {FACET_VALUES} f
                WHERE f.facet IN ({placeholders}) AND f.document_id IN (
                    SELECT d.id FROM {match.from_sql} WHERE {match.where_sql} AND {filter_sql}
                ) GROUP BY f.facet, f.value""",
                [*facets, *match.where_params, *filter_params],
            )
            for facet, value, count in rows:
                counts[facet].append((value, count))
        for values in counts.values():
            values.sort(key=lambda item: (-item[1], item[0]))
        return counts

    def autocomplete(
        self, words: list[str], tokens: frozenset[str], limit: int
    ) -> list[Suggestion]:
        if not words:
            return []
        match = self._title_match(words)
        filter_sql, filter_params = _filters_sql(tokens, {})
        rows = _fetch(
            f"""SELECT d.title, d.url, d.source FROM {match.from_sql}
            WHERE {match.where_sql} AND {filter_sql}
            ORDER BY {match.score_sql} DESC, LENGTH(d.title), d.id LIMIT %s""",
            [*match.where_params, *filter_params, *match.score_params, limit],
        )
        return [Suggestion(label=title, url=url, kind=source) for title, url, source in rows]


def _filters_sql(tokens: frozenset[str], filters: dict) -> tuple[str, list]:
    """The reader's tokens, then each selected facet (values OR-ed, facets AND-ed)."""
    tokens = sorted(tokens)
    if not tokens:
        return "1 = 0", []
    sql = [
        f"EXISTS (SELECT 1 FROM {TOKENS} t WHERE t.document_id = d.id "
        f"AND t.token IN ({', '.join(['%s'] * len(tokens))}))"
    ]
    params = list(tokens)
    for facet, values in sorted(filters.items()):
        sql.append(
            f"EXISTS (SELECT 1 FROM {FACET_VALUES} f WHERE f.document_id = d.id "
            f"AND f.facet = %s AND f.value IN ({', '.join(['%s'] * len(values))}))"
        )
        params += [facet, *values]
    return " AND ".join(sql), params


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
