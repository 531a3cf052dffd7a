"""Tantivy as the anchor for search speed (issue 17, target 3): an embedded Lucene-style engine, not ours.

:func:`build` indexes the locale's ``SearchDocument`` rows (the documents our database engine searches)
in memory, analysed as our engine analyses them: words as :func:`search.synonyms.words` splits them,
lower-cased, our stopwords dropped, Snowball English stems (PostgreSQL's ``english`` configuration
stems the same way); the synonym list expands the query through :func:`search.synonyms.analyse_query`,
as ours does. Fields are weighted as SQLite's bm25 weights them (title 10, service names 8, keywords 4,
summary 3, body 1), and every facet is a multi-valued fast field counted with a terms aggregation.

:meth:`TantivyAnchor.search` then answers a query the way our engine does: every term required,
falling back to any term when fewer than ``EVERY_TERM_MINIMUM`` match; the total exact; the top 10
values of each facet; the page of 10 hits fetched with their stored fields. Highlighting and "did you
mean" are left out (both engines do them for the page shown only).

Tantivy is a bench-only dependency (``pip install -e '.[bench]'``); ``bench.search_cpu --tantivy``
runs it beside our engine on the same queries.
"""

from search.documents import FACETS
from search.engines.database import EVERY_TERM_MINIMUM
from search.facets import FACET_VALUES_SHOWN
from search.query import PAGE_SIZE
from search.synonyms import STOPWORDS, analyse_query

FIELDS = {"title": 10.0, "service_names": 8.0, "keywords": 4.0, "summary": 3.0, "body": 1.0}
ANALYSER = "library_english"


def analyser():
    import tantivy

    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.regex(r"[\w']+"))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.custom_stopword(sorted(STOPWORDS)))
        .filter(tantivy.Filter.stemmer("english"))
        .build()
    )


class TantivyAnchor:
    def __init__(self, index, schema, text_analyser):
        self.index = index
        self.schema = schema
        self.analyser = text_analyser
        self.searcher = index.searcher()

    def tokens(self, phrase):
        return [token for word in phrase for token in self.analyser.analyze(word)]

    def term_query(self, term):
        """Any alternative of the term; an alternative needs every (meaningful) word, in any field."""
        import tantivy

        alternatives = []
        for phrase in term.alternatives:
            tokens = self.tokens(phrase)
            if not tokens:
                continue
            per_word = [
                tantivy.Query.disjunction_max_query(
                    [
                        tantivy.Query.boost_query(tantivy.Query.term_query(self.schema, field, token), weight)
                        for field, weight in FIELDS.items()
                    ]
                )
                for token in tokens
            ]
            alternatives.append(tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in per_word]))
        if not alternatives:
            return None
        return tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in alternatives])

    def search(self, text):
        """``(total, hit titles, {facet: {value: count}})`` for ``text``, as our engine answers it."""
        import tantivy

        queries = [q for q in (self.term_query(term) for term in analyse_query(text)) if q is not None]
        if not queries:
            query = tantivy.Query.all_query()
        else:
            query = tantivy.Query.boolean_query([(tantivy.Occur.Must, q) for q in queries])
            if self.searcher.search(query, limit=1, count=True).count < EVERY_TERM_MINIMUM:
                query = tantivy.Query.boolean_query([(tantivy.Occur.Should, q) for q in queries])
        result = self.searcher.search(query, limit=PAGE_SIZE, count=True)
        titles = [self.searcher.doc(address)["title"][0] for _, address in result.hits]
        aggregations = self.searcher.aggregate(
            query, {facet: {"terms": {"field": f"facet_{facet}", "size": FACET_VALUES_SHOWN}} for facet in FACETS}
        )
        facets = {
            facet: {bucket["key"]: bucket["doc_count"] for bucket in aggregations[facet]["buckets"]} for facet in FACETS
        }
        return result.count, titles, facets


def build(locale="en"):
    """A :class:`TantivyAnchor` over the locale's search documents, in memory."""
    import tantivy

    from search.models import SearchDocument

    text_analyser = analyser()
    builder = tantivy.SchemaBuilder()
    for field in FIELDS:
        builder.add_text_field(field, stored=field == "title", tokenizer_name=ANALYSER)
    builder.add_text_field("url", stored=True, tokenizer_name="raw")
    builder.add_text_field("lgsl", stored=True, tokenizer_name="raw")
    for facet in FACETS:
        builder.add_text_field(f"facet_{facet}", fast=True, tokenizer_name="raw")
    schema = builder.build()
    index = tantivy.Index(schema)  # in memory
    index.register_tokenizer(ANALYSER, text_analyser)
    writer = index.writer(heap_size=100_000_000, num_threads=1)
    rows = SearchDocument.objects.filter(locale=locale).values_list("url", "lgsl_codes", "facets", *FIELDS)
    for url, codes, facets, *texts in rows.iterator():
        document = tantivy.Document(url=url or "", lgsl=codes or [])
        for field, text in zip(FIELDS, texts, strict=True):
            document.add_text(field, text or "")
        for facet, values in (facets or {}).items():
            for value in dict.fromkeys(values):
                document.add_text(f"facet_{facet}", value)
        writer.add_document(document)
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return TantivyAnchor(index, schema, text_analyser)
