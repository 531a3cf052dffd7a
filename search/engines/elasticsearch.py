"""The Elasticsearch engine, written with ``elasticsearch.dsl``.

One index per locale (``patterns-en-20261122103000``) behind an alias (``patterns-en``); a full rebuild
fills a new index and swaps the alias in one atomic call, so searches never see an empty index.
English is analysed with stemming and, at search time, the council synonym list (``synonyms.txt``);
titles also get an edge-ngram subfield for autocomplete and feed a shingled field for the phrase
suggester ("did you mean").
"""

import logging

from django.conf import settings
from django.utils import timezone
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError, Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import Document, Index, Integer, Keyword, Q, Search, Text, analyzer, token_filter, tokenizer

from ..documents import FACETS
from ..facets import facet_counts
from ..query import MARK_END, MARK_START, SearchHit, SearchResults, best_passage
from ..synonyms import synonym_rules, words
from .base import SearchEngine, SearchEngineUnavailable

logger = logging.getLogger(__name__)

# Field → boost: a match in the title counts four times one in the body; services' names and LGSL
# codes are what officers type, so they weigh almost as much.
BOOSTS = {"title": 4, "service_names": 3, "keywords": 2, "summary": 2, "body": 1}
LGSL_BOOST = 10
EVERY_WORD = "every_word"  # the aggregation counting documents that match every word of the query
FACET_SIZE = 50

english_possessive = token_filter("english_possessive", type="stemmer", language="possessive_english")
english_stop = token_filter("english_stop", type="stop", stopwords="_english_")
english_stemmer = token_filter("english_stemmer", type="stemmer", language="english")
autocomplete_edge = tokenizer(
    "autocomplete_edge", type="edge_ngram", min_gram=2, max_gram=20, token_chars=["letter", "digit"]
)
shingle = token_filter("suggest_shingle", type="shingle", min_shingle_size=2, max_shingle_size=3)

unavailable_errors = (TransportConnectionError, ConnectionTimeout)


def council_synonyms():
    return token_filter("council_synonyms", type="synonym_graph", synonyms=synonym_rules(), lenient=True)


def analyzers(locale):
    """``(index analyser, search analyser)`` for a locale: English gets stemming and synonyms."""
    if locale == "en":
        index_analyzer = analyzer(
            "library_english",
            tokenizer="standard",
            filter=[english_possessive, "lowercase", english_stop, english_stemmer],
        )
        search_analyzer = analyzer(
            "library_english_search",
            tokenizer="standard",
            filter=[english_possessive, "lowercase", english_stop, council_synonyms(), english_stemmer],
        )
        return index_analyzer, search_analyzer
    plain = analyzer("library_plain", tokenizer="standard", filter=["lowercase", "asciifolding"])
    return plain, plain


autocomplete_index = analyzer("autocomplete_index", tokenizer=autocomplete_edge, filter=["lowercase", "asciifolding"])
autocomplete_search = analyzer("autocomplete_search", tokenizer="standard", filter=["lowercase", "asciifolding"])
suggest_analyzer = analyzer("suggest_shingles", tokenizer="standard", filter=["lowercase", shingle])


def document_class(locale):
    """The Document class for a locale's index (analysers differ per language)."""
    index_analyzer, search_analyzer = analyzers(locale)

    def text(**kwargs):
        return Text(analyzer=index_analyzer, search_analyzer=search_analyzer, **kwargs)

    attrs = {
        "key": Keyword(),
        "kind": Keyword(),
        "locale": Keyword(),
        "title": text(
            copy_to="suggest",
            fields={
                "raw": Keyword(),
                "autocomplete": Text(analyzer=autocomplete_index, search_analyzer=autocomplete_search),
            },
        ),
        "slug": Keyword(),
        "url": Keyword(index=False),
        "summary": text(),
        "service_names": text(copy_to="suggest"),
        "keywords": text(copy_to="suggest"),
        "body": text(),
        "suggest": Text(analyzer=suggest_analyzer),
        "lgsl_codes": Keyword(),
        "page_id": Integer(),
        "service_id": Integer(),
        **{f"facet_{name}": Keyword() for name in FACETS},
    }
    return type(f"LibraryDocument_{locale}", (Document,), attrs)


def to_source(entry):
    source = entry.as_dict()
    # The body's passages as separate values: a highlight fragment never runs one into the next.
    source["body"] = [line for line in entry.body.splitlines() if line.strip()]
    facets = source.pop("facets")
    for name in FACETS:
        source[f"facet_{name}"] = facets.get(name, [])
    return source


def build_search(query, index="patterns"):
    """The Search object for a SearchQuery; ``.to_dict()`` is the JSON sent to Elasticsearch."""
    search = Search(index=index)
    text = " ".join(words(query.text))
    if text:
        fields = [f"{name}^{boost}" for name, boost in BOOSTS.items()]
        every_word = Q("multi_match", query=text, fields=fields, type="cross_fields", operator="and")
        should = [
            Q("multi_match", query=text, fields=fields, type="cross_fields", operator="and", boost=2),
            Q("multi_match", query=text, fields=fields, type="best_fields", operator="or"),
        ]
        codes = [w for w in words(query.text) if w.isascii() and w.isdigit()]
        if codes:
            should.append(Q("terms", lgsl_codes=codes, boost=LGSL_BOOST))
        search = search.query(Q("bool", should=should, minimum_should_match=1))
        search = search.highlight_options(pre_tags=[MARK_START], post_tags=[MARK_END], encoder="default")
        search = search.highlight("title", number_of_fragments=0)
        search = search.highlight("summary", "body", fragment_size=150, number_of_fragments=1)
        # "Did you mean" is shown only when no document matches every word (stemmed, synonyms applied).
        search.aggs.bucket(EVERY_WORD, "filter", filter=every_word)
        search = search.suggest(
            "did_you_mean",
            text,
            phrase={
                "field": "suggest",
                "size": 1,
                "gram_size": 3,
                "direct_generator": [{"field": "suggest", "suggest_mode": "missing"}],
            },
        )
    else:
        search = search.sort("title.raw")

    def facet_filter(name, values):
        return Q("terms", **{f"facet_{name}": values})

    # Disjunctive faceting: the hits obey every filter (post_filter); each facet's counts obey every
    # filter except its own, as the database engine's counts do.
    if query.filters:
        search = search.post_filter(
            Q("bool", filter=[facet_filter(name, values) for name, values in query.filters.items()])
        )
    for name in query.facets:
        others = [facet_filter(other, values) for other, values in query.filters.items() if other != name]
        bucket = search.aggs.bucket(name, "filter", filter=Q("bool", filter=others))
        bucket.bucket("values", "terms", field=f"facet_{name}", size=FACET_SIZE)
    return search.extra(from_=query.offset, size=query.page_size, track_total_hits=True)


class ElasticsearchEngine(SearchEngine):
    name = "elasticsearch"

    def __init__(self, url=None, index_prefix="patterns", client=None):
        self.client = client or Elasticsearch(url, request_timeout=10, retry_on_timeout=False, max_retries=1)
        self.index_prefix = index_prefix

    # ----- names ---------------------------------------------------------------------------------

    def alias(self, locale):
        return f"{self.index_prefix}-{locale}"

    def locales(self):
        return [code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES]

    def new_index(self, locale):
        """An Index object for a fresh, timestamped index with the locale's mapping and analysis."""
        name = f"{self.alias(locale)}-{timezone.now():%Y%m%d%H%M%S%f}"
        index = Index(name, using=self.client)
        index.settings(number_of_shards=1, number_of_replicas=0)
        index.document(document_class(locale))
        return index

    # ----- indexing ------------------------------------------------------------------------------

    def _call(self, fn, *args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except unavailable_errors as error:
            raise SearchEngineUnavailable(str(error)) from error
        except ApiError as error:
            if error.meta.status in (429, 502, 503, 504):
                raise SearchEngineUnavailable(str(error)) from error
            raise

    def ping(self):
        self._call(self.client.info)

    def ensure_alias(self, locale):
        """Create the locale's first index and alias if there is none (the first update before a rebuild)."""
        alias = self.alias(locale)
        if not self._call(self.client.indices.exists_alias, name=alias):
            index = self.new_index(locale)
            self._call(index.create)
            self._call(self.client.indices.put_alias, index=index._name, name=alias)

    def upsert(self, entries):
        by_locale = {}
        for entry in entries:
            by_locale.setdefault(entry.locale, []).append(entry)
        for locale, locale_entries in by_locale.items():
            self.ensure_alias(locale)
            actions = [
                {"_op_type": "index", "_index": self.alias(locale), "_id": e.key, "_source": to_source(e)}
                for e in locale_entries
            ]
            self._call(helpers.bulk, self.client, actions, refresh="wait_for")

    def delete(self, keys):
        # A deleted page's locale is no longer known, so remove the key from every locale's index.
        actions = [
            {"_op_type": "delete", "_index": self.alias(locale), "_id": key}
            for locale in self.locales()
            for key in keys
        ]
        self._call(helpers.bulk, self.client, actions, raise_on_error=False, refresh="wait_for")

    def rebuild(self, entries, progress=None, recompute_vectors=False):
        """Fill a new index per locale, then point each alias at it in one atomic call."""
        by_locale = {locale: [] for locale in self.locales()}
        for entry in entries:
            by_locale.setdefault(entry.locale, []).append(entry)
            if progress:
                progress(entry)
        count = 0
        for locale, locale_entries in by_locale.items():
            alias = self.alias(locale)
            index = self.new_index(locale)
            self._call(index.create)
            actions = [{"_index": index._name, "_id": e.key, "_source": to_source(e)} for e in locale_entries]
            self._call(helpers.bulk, self.client, actions)
            self._call(self.client.indices.refresh, index=index._name)
            try:
                old = list(self._call(self.client.indices.get_alias, name=alias))
            except NotFoundError:
                old = []
            swap = [{"remove": {"index": name, "alias": alias}} for name in old]
            swap.append({"add": {"index": index._name, "alias": alias}})
            self._call(self.client.indices.update_aliases, actions=swap)
            for name in old:
                self._call(self.client.indices.delete, index=name)
            count += len(locale_entries)
        return count

    # ----- searching ---------------------------------------------------------------------------

    def search(self, query):
        search = build_search(query, index=self.alias(query.locale)).using(self.client)
        try:
            response = self._call(search.execute)
        except NotFoundError:
            return SearchResults(query=query, hits=[], total=0)
        hits = []
        for hit in response.hits:
            source = hit.to_dict()
            highlight = getattr(hit.meta, "highlight", None)
            title_marked = highlight.title[0] if highlight and "title" in highlight else ""
            fragments = [highlight[name][0] for name in ("summary", "body") if highlight and name in highlight]
            hits.append(
                SearchHit(
                    key=source["key"],
                    kind=source["kind"],
                    title=source["title"],
                    url=source.get("url", ""),
                    score=round(hit.meta.score or 0.0, 4),
                    title_marked=title_marked,
                    snippet_marked=best_passage(*fragments),
                    summary=source.get("summary", ""),
                    slug=source.get("slug", ""),
                    page_id=source.get("page_id"),
                    service_id=source.get("service_id"),
                    lgsl_codes=source.get("lgsl_codes", []),
                    facets={name: source.get(f"facet_{name}", []) for name in FACETS if source.get(f"facet_{name}")},
                )
            )
        facets = {}
        for name in query.facets:
            buckets = {b.key: b.doc_count for b in response.aggregations[name]["values"].buckets}
            facets[name] = facet_counts(name, buckets, query)
        suggestion = ""
        suggest = getattr(response, "suggest", None)
        aggregations = getattr(response, "aggregations", None)
        every_word = aggregations[EVERY_WORD].doc_count if aggregations and EVERY_WORD in aggregations else 0
        if suggest and "did_you_mean" in suggest and suggest.did_you_mean[0].options and not every_word:
            suggestion = suggest.did_you_mean[0].options[0].text
        return SearchResults(
            query=query, hits=hits, total=response.hits.total.value, facets=facets, suggestion=suggestion
        )

    def autocomplete(self, prefix, locale, limit=8):
        text = " ".join(words(prefix))
        if len(text) < 2:
            return []
        search = (
            Search(using=self.client, index=self.alias(locale))
            .query("match", **{"title.autocomplete": {"query": text, "operator": "and"}})
            .source(["title", "url", "kind"])
            .extra(size=limit)
        )
        try:
            response = self._call(search.execute)
        except NotFoundError:
            return []
        return [{"title": h.title, "url": h.url, "kind": h.kind} for h in response.hits]
