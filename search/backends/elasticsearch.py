"""Elasticsearch 8+: the scale-out engine, through elasticsearch-dsl (`elasticsearch.dsl`).

Readers query an alias (SEARCH_ELASTICSEARCH_INDEX, "portal-search"); a
rebuild fills a new versioned index `<alias>-<timestamp>` and swaps the
alias in one atomic `_aliases` call, so search never sees a half-built
index. An index template holds the analysis (French: elision, folding,
light stemmer; English: possessive, folding, light stemmer) and mappings.
Facets are `FacetedSearch` terms aggregations, each filtered by the other
facets' filters; the reader's tokens filter the query itself, so hidden
documents count nowhere. Any transport failure becomes SearchUnavailable.
"""

from collections.abc import Callable, Iterable, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from itertools import islice

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import (
    Date,
    FacetedSearch,
    Index,
    Keyword,
    Mapping,
    Q,
    SearchAsYouType,
    TermsFacet,
    Text,
    analyzer,
    token_filter,
)

from ..documents import SearchDocument
from ..query import (
    FACETS,
    MAX_FACET_VALUES,
    ParsedQuery,
    SearchHit,
    SearchQuery,
    SearchResults,
    Suggestion,
)
from ..text import MARK_END, MARK_START, marked_html
from . import SearchBackend, SearchUnavailable

BATCH_SIZE = 500
FRENCH_ELISIONS = [
    "l",
    "m",
    "t",
    "qu",
    "n",
    "s",
    "j",
    "d",
    "c",
    "jusqu",
    "quoiqu",
    "lorsqu",
    "puisqu",
]

folding = analyzer("portal_folding", tokenizer="standard", filter=["lowercase", "asciifolding"])
french = analyzer(
    "portal_french",
    tokenizer="standard",
    filter=[
        token_filter(
            "portal_french_elision", "elision", articles_case=True, articles=FRENCH_ELISIONS
        ),
        "lowercase",
        "asciifolding",
        token_filter("portal_french_stemmer", "stemmer", language="light_french"),
    ],
)
english = analyzer(
    "portal_english",
    tokenizer="standard",
    filter=[
        token_filter("portal_english_possessive", "stemmer", language="possessive_english"),
        "lowercase",
        "asciifolding",
        token_filter("portal_english_stemmer", "stemmer", language="light_english"),
    ],
)


def _text_field() -> Text:
    """Folded words, plus French and English stemmed sub-fields."""
    return Text(
        analyzer=folding, fields={"fr": Text(analyzer=french), "en": Text(analyzer=english)}
    )


MAPPING = {
    "key": Keyword(),
    "source": Keyword(),
    "object_id": Keyword(),
    "title": _text_field(),
    "body": _text_field(),
    "suggest": SearchAsYouType(analyzer=folding),
    "url": Keyword(index=False),
    "language": Keyword(),
    "date": Date(),
    "tokens": Keyword(),
    "fingerprint": Keyword(),
    **{facet: Keyword() for facet in FACETS},
}
TEXT_FIELDS = ["title^3", "title.fr^2", "title.en^2", "body", "body.fr", "body.en"]
PHRASE_FIELDS = ["title^3", "body"]
HIT_FIELDS = ["key", "source", "title", "url", "language", "date", "theme"]
HIGHLIGHT = {"pre_tags": [MARK_START], "post_tags": [MARK_END], "fragment_size": 160}


def index_definition(pattern: str) -> Index:
    """Settings, analyzers (collected from the fields) and mappings of every versioned index."""
    mapping = Mapping()
    for name, field in MAPPING.items():
        mapping.field(name, field)
    index = Index(pattern)
    index.settings(number_of_shards=1)
    index.mapping(mapping)
    return index


def text_query(parsed: ParsedQuery) -> Q:
    """Every word (in any language's stemmed form) and phrase must match; exclusions must not."""
    must = [Q("multi_match", query=term, fields=TEXT_FIELDS) for term in parsed.terms]
    must += [
        Q("multi_match", query=" ".join(phrase), type="phrase", fields=PHRASE_FIELDS)
        for phrase in parsed.phrases
    ]
    must_not = [Q("multi_match", query=word, fields=TEXT_FIELDS) for word in parsed.excluded]
    return Q("bool", must=must, must_not=must_not)


class PortalSearch(FacetedSearch):
    """One reader's search: their tokens filter the query, facets filter each other."""

    fields = TEXT_FIELDS
    facets = {facet: TermsFacet(field=facet, size=MAX_FACET_VALUES) for facet in FACETS}

    def __init__(self, client: Elasticsearch, alias: str, query: SearchQuery):
        self.using = client
        self.index = alias
        self.portal_query = query
        sort = (
            ["_score", "-date"]
            if query.sort == "relevance"
            else [{"date": {"order": "desc", "missing": "_last"}}]
        )
        super().__init__(query=query.parsed, filters=dict(query.filters), sort=sort)

    def search(self):
        return (
            super()
            .search()
            .filter("terms", tokens=sorted(self.portal_query.tokens))
            .source(includes=HIT_FIELDS)
            .extra(track_total_hits=True)
        )

    def query(self, search, query):
        return search.query(text_query(query))

    def highlight(self, search):
        return (
            search.highlight_options(**HIGHLIGHT)
            .highlight("body.fr", "body.en", number_of_fragments=2)
            .highlight("body", number_of_fragments=2, no_match_size=200)
        )


class ElasticsearchBackend(SearchBackend):
    def __init__(self, url: str, alias: str, timeout: int):
        self.alias = alias
        self.client = Elasticsearch(
            url, request_timeout=timeout, max_retries=1, retry_on_timeout=False
        )

    @contextmanager
    def _engine(self):
        """Unreachable, timing out or failing (5xx) engines all mean "unavailable"."""
        try:
            yield
        except ApiError as error:
            if error.meta.status >= 500:
                raise SearchUnavailable(str(error)) from error
            raise
        except TransportError as error:
            raise SearchUnavailable(str(error)) from error

    # --- index lifecycle ----------------------------------------------------
    @property
    def template_name(self) -> str:
        return f"{self.alias}-template"

    def _put_template(self) -> None:
        index_definition(f"{self.alias}-*").as_composable_template(
            self.template_name, priority=100
        ).save(using=self.client)

    def _new_index(self) -> str:
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S%f")
        name = f"{self.alias}-{stamp}"
        self._put_template()
        self.client.indices.create(index=name)
        return name

    def _aliased_indices(self) -> list[str]:
        try:
            return sorted(self.client.indices.get_alias(name=self.alias))
        except NotFoundError:
            return []

    def _ensure_index(self) -> None:
        """Writes need the alias: create a first versioned index behind it if missing."""
        if self.client.indices.exists_alias(name=self.alias):
            return
        name = self._new_index()
        self.client.indices.update_aliases(actions=[{"add": {"index": name, "alias": self.alias}}])

    def _swap_alias(self, new_index: str) -> None:
        old = self._aliased_indices()
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for index in old:
            self.client.indices.delete(index=index)

    def versioned_indices(self) -> list[str]:
        with self._engine():
            return sorted(self.client.indices.get(index=f"{self.alias}-*", expand_wildcards="open"))

    # --- writes -------------------------------------------------------------
    def _action(self, document: SearchDocument, index: str) -> dict:
        source = {
            "key": document.key,
            "source": document.source,
            "object_id": document.object_id,
            "title": document.title,
            "body": document.body,
            "suggest": document.title,
            "url": document.url,
            "language": document.language,
            "date": document.date.isoformat() if document.date else None,
            "tokens": sorted(document.tokens),
            "fingerprint": document.fingerprint,
        }
        for facet, value in document.facet_values():
            source.setdefault(facet, []).append(value)
        return {"_op_type": "index", "_index": index, "_id": document.key, "_source": source}

    def index(self, documents: Sequence[SearchDocument]) -> None:
        with self._engine():
            self._ensure_index()
            helpers.bulk(
                self.client,
                (self._action(document, self.alias) for document in documents),
                refresh="wait_for",
            )

    def delete(self, keys: Sequence[str]) -> None:
        with self._engine():
            self._ensure_index()
            helpers.bulk(
                self.client,
                ({"_op_type": "delete", "_index": self.alias, "_id": key} for key in keys),
                refresh="wait_for",
                raise_on_error=False,
            )

    def rebuild(self, documents: Iterable[SearchDocument], progress: Callable[[int], None]) -> int:
        total = 0
        with self._engine():
            new_index = self._new_index()
            iterator = iter(documents)
            while batch := list(islice(iterator, BATCH_SIZE)):
                helpers.bulk(self.client, (self._action(d, new_index) for d in batch))
                total += len(batch)
                progress(total)
            self.client.indices.refresh(index=new_index)
            self._swap_alias(new_index)
        return total

    def clear(self) -> None:
        """Drop every index of this alias and the template (tests, resets)."""
        with self._engine():
            for index in self.versioned_indices():
                self.client.indices.delete(index=index)
            with suppress(NotFoundError):
                self.client.indices.delete_index_template(name=self.template_name)

    def fingerprints(self) -> dict[str, str]:
        with self._engine():
            if not self.client.indices.exists_alias(name=self.alias):
                return {}
            return {
                hit["_source"]["key"]: hit["_source"]["fingerprint"]
                for hit in helpers.scan(
                    self.client,
                    index=self.alias,
                    query={"query": {"match_all": {}}},
                    _source=["key", "fingerprint"],
                )
            }

    # --- reads --------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResults:
        if not query.parsed:
            return SearchResults(count=0, hits=[], facets={})
        with self._engine():
            if not self.client.indices.exists_alias(name=self.alias):
                return SearchResults(count=0, hits=[], facets={facet: [] for facet in FACETS})
            search = PortalSearch(self.client, self.alias, query)
            response = search[query.offset : query.offset + query.per_page].execute()
        hits = [_hit(hit) for hit in response]
        facets = {
            facet: sorted(
                (
                    (str(value), count)
                    for value, count, _selected in response.facets[facet]
                    if count
                ),
                key=lambda item: (-item[1], item[0]),
            )
            for facet in FACETS
        }
        return SearchResults(count=response.hits.total.value, hits=hits, facets=facets)

    def autocomplete(
        self, words: list[str], tokens: frozenset[str], limit: int
    ) -> list[Suggestion]:
        with self._engine():
            if not self.client.indices.exists_alias(name=self.alias):
                return []
            response = self.client.search(
                index=self.alias,
                query={
                    "bool": {
                        "must": {
                            "multi_match": {
                                "query": " ".join(words),
                                "type": "bool_prefix",
                                "operator": "and",
                                "fields": ["suggest", "suggest._2gram", "suggest._3gram"],
                            }
                        },
                        "filter": {"terms": {"tokens": sorted(tokens)}},
                    }
                },
                source=["title", "url", "source"],
                size=limit,
            )
        return [
            Suggestion(
                label=hit["_source"]["title"],
                url=hit["_source"]["url"],
                kind=hit["_source"]["source"],
            )
            for hit in response["hits"]["hits"]
        ]


def _hit(hit) -> SearchHit:
    highlight = getattr(hit.meta, "highlight", None)
    fragments = []
    if highlight is not None:
        language_field = f"body.{hit.language}"
        for field in (language_field, "body.fr", "body.en", "body"):
            if field in highlight:
                fragments = list(highlight[field])
                break
    date = getattr(hit, "date", None)
    if isinstance(date, str):
        date = datetime.fromisoformat(date)
    return SearchHit(
        key=hit.key,
        source=hit.source,
        title=hit.title,
        url=hit.url,
        snippet=marked_html(" … ".join(fragments)),
        date=date,
        language=hit.language,
        score=round(float(hit.meta.score or 0), 6),
        themes=list(getattr(hit, "theme", None) or []),
    )
