"""Conditional requests, caching headers, CORS and the error shape common to every endpoint."""

import pytest

URLS = [
    "/api/v1/patterns/",
    "/api/v1/patterns/apply-for-a-school-place/",
    "/api/v1/processes/",
    "/api/v1/services/",
    "/api/v1/services/13/",
    "/api/v1/councils/E10000012/",
    "/api/v1/life-events/",
    "/api/v1/pattern-types/",
    "/api/v1/components/date-input/",
    "/api/v1/changes/",
]


@pytest.mark.parametrize("url", URLS)
def test_etag_and_last_modified_answer_304(api, school_pattern, school_process, url):
    """Every list and detail has ETag, Last-Modified and Cache-Control, and honours both validators."""
    response = api.get(url)
    assert response.status_code == 200
    assert response["ETag"] and response["Last-Modified"] and "max-age" in response["Cache-Control"]
    again = api.get(url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again["ETag"] == response["ETag"]
    assert api.get(url, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304
    assert api.get(url, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_publishing_changes_etag_and_last_modified(api, school_pattern):
    """After a publish the old ETag no longer matches."""
    first = api.get("/api/v1/patterns/")
    school_pattern.title = "Apply for a primary school place"
    school_pattern.save_revision().publish()
    second = api.get("/api/v1/patterns/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]


def test_deleting_a_pattern_moves_last_modified(api, school_pattern, bins_pattern):
    """A deletion counts as a modification of the list, so If-Modified-Since does not hide it."""
    from django.utils.http import http_date

    first = api.get("/api/v1/patterns/")
    bins_pattern.delete()
    later = api.get("/api/v1/patterns/", HTTP_IF_MODIFIED_SINCE=http_date(0))
    assert later.status_code == 200
    assert len(later.json()["results"]) == 1
    assert api.get("/api/v1/patterns/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_cors_open_for_get(api, school_pattern):
    """Browsers on any origin may GET the API."""
    response = api.get("/api/v1/patterns/", HTTP_ORIGIN="https://forms.example.com")
    assert response["Access-Control-Allow-Origin"] == "*"
    preflight = api.options(
        "/api/v1/patterns/", HTTP_ORIGIN="https://forms.example.com", HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert "POST" not in preflight["Access-Control-Allow-Methods"]


def test_writes_are_refused_in_error_shape(api, school_pattern):
    """The API is read-only: a POST is a 405 in the usual error shape."""
    response = api.post("/api/v1/patterns/", {})
    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"
