"""/api/v1/search/: the search page's query, facets and result shape as JSON."""

from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.documents import page_key
from search.engines import SearchEngineUnavailable
from search.engines.database import DatabaseEngine
from search.indexing import rebuild_index
from tests.search.conftest import library, welsh  # noqa: F401  (the search tests' library)

from .conftest import key_for


@pytest.fixture
def site(library):  # noqa: F811
    rebuild_index(DatabaseEngine())
    return library


def test_search_returns_highlighted_hits_and_facets(api, site):
    """A search returns the matching pattern first, highlighted, with facet counts."""
    response = api.get("/api/v1/search/", {"q": "blue badge"})
    assert response.status_code == 200
    data = response.json()
    assert data["total"] == 2
    first = data["results"][0]
    assert first["url"] == "http://localhost" + site["pages"]["badge"].url  # absolute, on SITE_URL
    assert "<mark>blue badge</mark>" in first["title_html"]
    assert {"type", "pattern_type", "maturity"} <= set(data["facets"])
    assert response["ETag"]


def test_facet_filters_narrow_the_results(api, site):
    """Filtering by type keeps only that kind of result."""
    data = api.get("/api/v1/search/?type=service").json()
    assert data["total"] >= 1
    assert {hit["kind"] for hit in data["results"]} == {"service"}


@pytest.mark.parametrize(
    ("query", "parameter"),
    [("page=0", "page"), ("page_size=500", "page_size"), ("colour=blue", "colour"), ("locale=fr", "locale")],
)
def test_bad_parameters_are_a_400_naming_them(api, site, query, parameter):
    """Malformed and unknown parameters are refused with the API's error shape."""
    response = api.get(f"/api/v1/search/?{query}")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == parameter


def test_too_many_values_of_a_facet_are_a_400_naming_it(api, site):
    """Each value ticked is tested against every match: past MAX_FACET_VALUES the request is refused with the
    API's error shape (1,000 council values cost seconds of database time), and repeated values count once."""
    from search.params import MAX_FACET_VALUES

    many = [("q", "bins")] + [("council", f"E{n:08}") for n in range(MAX_FACET_VALUES + 1)]
    response = api.get("/api/v1/search/", many)
    assert response.status_code == 400
    assert response.json()["error"]["field"] == "council"
    repeated = [("q", "bins")] + [("council", "E00000001")] * (MAX_FACET_VALUES + 1)
    assert api.get("/api/v1/search/", repeated).status_code == 200


def test_a_page_past_the_deepest_result_is_a_400_naming_page(api, site):
    """Only the first MAX_RESULTS results can be paged to, whatever the page size: a page past them is refused
    with the API's error shape, naming the page; the last page within them is answered, with the exact total."""
    from search.query import MAX_RESULTS

    for page, size in [(MAX_RESULTS // 10 + 1, 10), (MAX_RESULTS // 50 + 1, 50), (MAX_RESULTS + 1, 1)]:
        response = api.get("/api/v1/search/", {"q": "bins", "page": page, "page_size": size})
        assert response.status_code == 400
        assert response.json()["error"]["field"] == "page"
        assert f"Only the first {MAX_RESULTS:,} results" in response.json()["error"]["message"]
    response = api.get("/api/v1/search/", {"page": MAX_RESULTS // 50, "page_size": 50})
    assert response.status_code == 200
    assert response.json()["total"] > 0 and response.json()["results"] == []


def test_too_many_words_are_a_400_naming_q(api, site):
    """Each word that counts is matched and ranked on its own (25 common words cost over a second of database
    time): past MAX_QUERY_WORDS the query is refused with the API's error shape, not cut short."""
    from search.params import MAX_QUERY_WORDS

    response = api.get("/api/v1/search/", {"q": " ".join(["bins"] * (MAX_QUERY_WORDS + 1))})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "invalid_parameter"
    assert error["field"] == "q"
    assert f"you typed {MAX_QUERY_WORDS + 1}" in error["message"]
    # Stopwords do not count.
    fitting = " ".join(["the bins"] * MAX_QUERY_WORDS)
    assert api.get("/api/v1/search/", {"q": fitting}).status_code == 200


def test_an_unreachable_engine_is_a_clear_503(api, site):
    """When the engine is down the API says so, with Retry-After, instead of failing."""
    with mock.patch.object(DatabaseEngine, "search", side_effect=SearchEngineUnavailable("down")):
        response = api.get("/api/v1/search/", {"q": "bins"})
    assert response.status_code == 503
    assert response.json()["error"]["code"] == "search_unavailable"
    assert response["Retry-After"] == "60"


def test_a_repeated_search_is_answered_from_the_kept_answer(api, site, django_assert_num_queries):
    """Asked again, the search reads only the library version and the index's generation (search.answers)."""
    first = api.get("/api/v1/search/", {"q": "blue badge", "page_size": "1"})
    with django_assert_num_queries(2):
        second = api.get("/api/v1/search/", {"q": "blue badge", "page_size": "1"})
    assert second.content == first.content and second["ETag"] == first["ETag"]
    assert second.json()["page_count"] == 2
    assert api.get("/api/v1/search/", {"q": "blue badge", "page_size": "1", "page": "2"}).json()["page"] == 2


def test_an_index_write_is_seen_by_the_next_search(api, site):
    """The worker writing the index (without the library changing again) is seen at once."""
    assert api.get("/api/v1/search/", {"q": "blue badge"}).json()["total"] == 2
    DatabaseEngine().delete([page_key(site["pages"]["badge"].pk)])
    assert api.get("/api/v1/search/", {"q": "blue badge"}).json()["total"] == 1


def test_a_key_holder_is_answered_afresh(api, site, django_user_model):
    """A client with an API key is never given a kept answer, nor is its answer kept for others."""
    _key, raw_key = key_for(django_user_model.objects.create_user("supplier"))
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {raw_key}")
    first = api.get("/api/v1/search/", {"q": "blue badge"})
    with CaptureQueriesContext(connection) as again:
        assert api.get("/api/v1/search/", {"q": "blue badge"}).content == first.content
    assert len(again) > 4  # the key, then the search itself
    api.credentials()
    with CaptureQueriesContext(connection) as anonymous:
        assert api.get("/api/v1/search/", {"q": "blue badge"}).content == first.content
    assert len(anonymous) > 2


def test_an_unavailable_engine_is_not_kept(api, site):
    """The 503 of an engine that cannot be reached is not given again once it answers."""
    with mock.patch.object(DatabaseEngine, "search", side_effect=SearchEngineUnavailable("down")):
        assert api.get("/api/v1/search/", {"q": "bins"}).status_code == 503
    assert api.get("/api/v1/search/", {"q": "bins"}).status_code == 200
