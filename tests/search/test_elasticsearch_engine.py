"""The Elasticsearch engine's mappings, analysers, query bodies and index calls, as the JSON it sends.

No Elasticsearch server is needed: a client whose transport records each request and answers with a
canned response stands in for one. The same engine against a real server is in the contract suite.
"""

import json

import pytest
from elastic_transport import ApiResponseMeta, ConnectionError, HttpHeaders, NodeConfig
from elasticsearch import Elasticsearch

from search.documents import IndexEntry
from search.engines import SearchEngineUnavailable
from search.engines.elasticsearch import ElasticsearchEngine, build_search, document_class
from search.query import SearchQuery
from search.synonyms import synonym_rules


class FakeElasticsearch(Elasticsearch):
    """Records (method, path, body) and answers from ``responses`` keyed by (method, path-prefix)."""

    def __init__(self, responses=None, down=False):
        super().__init__("http://fake:9200")
        self.requests = []
        self.responses = responses or {}
        self.down = down

    def options(self, **kwargs):
        # The client copies itself for per-call options (the bulk helper does); keep the recorder.
        return self

    def perform_request(self, method, path, *, params=None, headers=None, body=None, **kwargs):
        from elastic_transport import ObjectApiResponse

        if self.down:
            raise ConnectionError("Connection refused")
        if isinstance(body, bytes | str) and path.endswith("_bulk"):
            lines = body.decode() if isinstance(body, bytes) else body
            body = [json.loads(line) for line in lines.splitlines() if line.strip()]
        elif isinstance(body, list | tuple):
            body = [json.loads(line) if isinstance(line, bytes | str) else line for line in body]
        self.requests.append((method, path, body, dict(params or {})))
        answer = {"acknowledged": True}
        status = 200
        for (m, prefix), response in self.responses.items():
            if m == method and path.startswith(prefix):
                status, answer = response if isinstance(response, tuple) else (200, response)
                break
        if path.endswith("_bulk"):
            items = [{"index": {"status": 200}} for _ in (body or [])]
            answer = {"errors": False, "took": 1, "items": items}
        meta = ApiResponseMeta(
            status=status,
            http_version="1.1",
            headers=HttpHeaders({"x-elastic-product": "Elasticsearch"}),
            duration=0.0,
            node=NodeConfig("http", "fake", 9200),
        )
        if method == "HEAD":
            from elastic_transport import HeadApiResponse

            return HeadApiResponse(meta=meta)
        if status >= 400:
            from elasticsearch import NotFoundError

            raise NotFoundError(message="not found", meta=meta, body=answer)
        return ObjectApiResponse(body=answer, meta=meta)


def entry(**overrides):
    values = {
        "key": "page-1",
        "kind": "pattern",
        "locale": "en",
        "title": "Apply for a blue badge",
        "url": "/patterns/apply-for-a-blue-badge/",
        "summary": "Disabled people apply for a badge.",
        "service_names": "Disabled parking permits",
        "lgsl_codes": ["11"],
        "facets": {"type": ["pattern"], "pattern_type": ["apply"], "maturity": ["stable"]},
        "page_id": 1,
    }
    values.update(overrides)
    return IndexEntry(**values)


def test_english_mapping_stems_and_applies_synonyms_at_search_time():
    """English text fields index with stemming and search with the council synonym list."""
    index = ElasticsearchEngine(client=FakeElasticsearch()).new_index("en").to_dict()
    analysis = index["settings"]["analysis"]
    search_filters = analysis["analyzer"]["library_english_search"]["filter"]
    assert "council_synonyms" in search_filters
    assert "english_stemmer" in analysis["analyzer"]["library_english"]["filter"]
    synonyms = analysis["filter"]["council_synonyms"]
    assert synonyms["type"] == "synonym_graph"
    assert synonyms["synonyms"] == synonym_rules()
    assert "blue badge, disabled parking permit, disabled parking, disabled badge" in synonyms["synonyms"]
    title = index["mappings"]["properties"]["title"]
    assert title["analyzer"] == "library_english"
    assert title["search_analyzer"] == "library_english_search"


def test_mapping_has_autocomplete_facets_and_suggester_fields():
    """Titles get an edge-ngram subfield; facets are keywords; names feed the phrase suggester."""
    properties = document_class("en")._doc_type.mapping.to_dict()["properties"]
    assert properties["title"]["fields"]["autocomplete"] == {
        "type": "text",
        "analyzer": "autocomplete_index",
        "search_analyzer": "autocomplete_search",
    }
    for facet in ("type", "pattern_type", "life_event", "maturity", "component", "council"):
        assert properties[f"facet_{facet}"] == {"type": "keyword"}
    assert properties["lgsl_codes"] == {"type": "keyword"}
    assert properties["suggest"]["analyzer"] == "suggest_shingles"
    assert properties["title"]["copy_to"] == ["suggest"] or properties["title"]["copy_to"] == "suggest"


def test_welsh_index_has_no_english_stemming():
    """The Welsh index does not stem Welsh words as if they were English."""
    index = ElasticsearchEngine(client=FakeElasticsearch()).new_index("cy").to_dict()
    assert index["mappings"]["properties"]["title"]["analyzer"] == "library_plain"
    assert "library_english" not in index["settings"]["analysis"]["analyzer"]


def test_query_body_boosts_titles_services_and_lgsl_codes():
    """The query weighs titles, services' names and a typed LGSL code above body text."""
    body = build_search(SearchQuery("missed bins 524")).to_dict()
    should = body["query"]["bool"]["should"]
    fields = should[0]["multi_match"]["fields"]
    assert fields == ["title^4", "service_names^3", "keywords^2", "summary^2", "body^1"]
    assert should[0]["multi_match"]["operator"] == "and"
    assert {"terms": {"lgsl_codes": ["524"], "boost": 10}} in should
    assert body["from"] == 0 and body["size"] == 10
    assert body["highlight"]["pre_tags"] == ["\x02"]
    assert set(body["highlight"]["fields"]) == {"title", "summary", "body"}
    assert body["suggest"]["did_you_mean"]["phrase"]["field"] == "suggest"
    assert body["suggest"]["did_you_mean"]["text"] == "missed bins 524"


def test_query_body_counts_documents_matching_every_word():
    """The query counts the documents matching every word, stemmed, so "did you mean" can stay away."""
    body = build_search(SearchQuery("report flooding", facets=())).to_dict()
    assert body["aggs"]["every_word"] == {
        "filter": {
            "multi_match": {
                "query": "report flooding",
                "fields": ["title^4", "service_names^3", "keywords^2", "summary^2", "body^1"],
                "type": "cross_fields",
                "operator": "and",
            }
        }
    }
    assert "every_word" not in build_search(SearchQuery("", facets=())).to_dict().get("aggs", {})


def test_query_body_facets_are_disjunctive():
    """Filters apply to hits as a post_filter; each facet's terms aggregation skips its own filter."""
    query = SearchQuery("", filters={"type": ["pattern"], "maturity": ["stable", "beta"]}, page=3)
    body = build_search(query).to_dict()
    assert body["post_filter"] == {
        "bool": {
            "filter": [
                {"terms": {"facet_type": ["pattern"]}},
                {"terms": {"facet_maturity": ["stable", "beta"]}},
            ]
        }
    }
    type_agg = body["aggs"]["type"]
    assert type_agg["filter"] == {"bool": {"filter": [{"terms": {"facet_maturity": ["stable", "beta"]}}]}}
    assert type_agg["aggs"]["values"] == {"terms": {"field": "facet_type", "size": 50}}
    assert body["from"] == 20
    assert body["sort"] == ["title.raw"]


def test_upsert_sends_documents_to_the_locale_alias():
    """Indexing writes each entry to its locale's alias, with facets as keyword fields."""
    client = FakeElasticsearch()
    ElasticsearchEngine(client=client).upsert([entry(), entry(key="page-2", locale="cy", title="Bathodyn glas")])
    bulks = [r for r in client.requests if r[1].endswith("_bulk")]
    actions = [line for _, _, body, _ in bulks for line in body]
    assert {"index": {"_index": "patterns-en", "_id": "page-1"}} in actions
    assert {"index": {"_index": "patterns-cy", "_id": "page-2"}} in actions
    source = actions[actions.index({"index": {"_index": "patterns-en", "_id": "page-1"}}) + 1]
    assert source["facet_pattern_type"] == ["apply"]
    assert source["lgsl_codes"] == ["11"]


def test_body_passages_are_separate_values():
    """The body goes to Elasticsearch as one value per passage, so a highlight never joins two."""
    client = FakeElasticsearch()
    ElasticsearchEngine(client=client).upsert([entry(body="Assessment report\n4 weeks\nDoes it support it?")])
    actions = [line for _, p, body, _ in client.requests if p.endswith("_bulk") for line in body]
    assert actions[1]["body"] == ["Assessment report", "4 weeks", "Does it support it?"]
    highlight = build_search(SearchQuery("report")).to_dict()["highlight"]["fields"]
    assert highlight["body"] == {"fragment_size": 150, "number_of_fragments": 1}


def test_first_update_creates_the_index_and_alias():
    """With no index yet, the first update creates a timestamped index and points the alias at it."""
    client = FakeElasticsearch(responses={("HEAD", "/_alias/"): (404, {})})
    ElasticsearchEngine(client=client).upsert([entry()])
    created = [r for r in client.requests if r[0] == "PUT" and r[1].startswith("/patterns-en-")]
    assert created and "mappings" in created[0][2]
    assert any(r[0] == "PUT" and "/_alias/patterns-en" in r[1] for r in client.requests)


def test_rebuild_fills_a_new_index_then_swaps_the_alias():
    """A rebuild creates new indexes, loads them, then swaps each alias atomically and drops the old."""
    client = FakeElasticsearch(responses={("GET", "/_alias/"): {"patterns-en-old": {"aliases": {"patterns-en": {}}}}})
    count = ElasticsearchEngine(client=client).rebuild([entry(), entry(key="page-2")])
    assert count == 2
    methods_paths = [(m, p) for m, p, _, _ in client.requests]
    swap = next(body for m, p, body, _ in client.requests if p == "/_aliases")
    assert {"remove": {"index": "patterns-en-old", "alias": "patterns-en"}} in swap["actions"]
    new_index = next(a["add"]["index"] for a in swap["actions"] if "add" in a and a["add"]["alias"] == "patterns-en")
    assert new_index.startswith("patterns-en-2")
    create_at = methods_paths.index(("PUT", f"/{new_index}"))
    swap_at = methods_paths.index(("POST", "/_aliases"))
    delete_at = methods_paths.index(("DELETE", "/patterns-en-old"))
    assert create_at < swap_at < delete_at


def test_delete_removes_the_key_from_every_locale():
    """A deleted page's entry is removed whichever locale it was in."""
    client = FakeElasticsearch()
    ElasticsearchEngine(client=client).delete(["page-7"])
    actions = [line for _, p, body, _ in client.requests if p.endswith("_bulk") for line in body]
    assert {"delete": {"_index": "patterns-en", "_id": "page-7"}} in actions
    assert {"delete": {"_index": "patterns-cy", "_id": "page-7"}} in actions


def test_unreachable_server_is_reported_as_unavailable():
    """A refused connection becomes SearchEngineUnavailable, so the update is kept and retried."""
    engine = ElasticsearchEngine(client=FakeElasticsearch(down=True))
    with pytest.raises(SearchEngineUnavailable):
        engine.upsert([entry()])
    with pytest.raises(SearchEngineUnavailable):
        engine.ping()


def test_search_response_becomes_the_shared_result_shape(db):
    """Hits, highlights, facet counts and the suggestion come back in the same shape as the database's."""
    response = {
        "took": 1,
        "timed_out": False,
        "hits": {
            "total": {"value": 1, "relation": "eq"},
            "max_score": 3.2,
            "hits": [
                {
                    "_index": "patterns-en-1",
                    "_id": "page-1",
                    "_score": 3.2,
                    "_source": {**entry().as_dict(), "facet_type": ["pattern"]},
                    "highlight": {
                        "title": ["Apply for a \x02blue\x03 badge"],
                        "summary": ["a \x02badge\x03"],
                        "body": ["a \x02blue\x03 \x02badge\x03 form"],
                    },
                }
            ],
        },
        "aggregations": {
            name: {
                "doc_count": 1,
                "values": {"buckets": [{"key": "pattern", "doc_count": 1}] if name == "type" else []},
            }
            for name in ("type", "pattern_type", "life_event", "maturity", "component", "council")
        },
        "suggest": {
            "did_you_mean": [
                {"text": "blue bagde", "offset": 0, "length": 10, "options": [{"text": "blue badge", "score": 0.5}]}
            ]
        },
    }
    client = FakeElasticsearch(responses={("POST", "/patterns-en/_search"): response})
    results = ElasticsearchEngine(client=client).search(SearchQuery("blue bagde"))
    assert results.total == 1
    hit = results.hits[0]
    assert hit.title_html == "Apply for a <mark>blue</mark> badge"
    assert hit.snippet_html == "a <mark>blue badge</mark> form", "the fragment with most matches, alone"
    assert hit.page_id == 1 and hit.score == 3.2
    assert [(f.value, f.label, f.count) for f in results.facets["type"]] == [("pattern", "Service pattern", 1)]
    assert results.suggestion == "blue badge"

    response["aggregations"]["every_word"] = {"doc_count": 3}
    client = FakeElasticsearch(responses={("POST", "/patterns-en/_search"): response})
    matched = ElasticsearchEngine(client=client).search(SearchQuery("flooding"))
    assert matched.suggestion == "", "a query whose words all match is not corrected"
