"""A search asked again is answered from what the first one rendered (search.answers), never a stale one."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library import version
from search.engines.database import DatabaseEngine
from search.indexing import rebuild_index
from tests import factories

# A kept answer: the library version and the index's generation read, nothing else (every time in the tests,
# API_LIBRARY_VERSION_TTL = 0; at most once a second in a server).
KEPT_QUERIES = 2
NONCE = re.compile(rb'nonce="[^"]+"')


@pytest.fixture
def site(library):
    rebuild_index(DatabaseEngine())
    return library


def body(response):
    """The page with its CSP nonce (new on every request) blanked."""
    assert response.status_code == 200
    return NONCE.sub(b'nonce=""', response.content)


def test_a_repeated_search_is_answered_from_the_kept_answer(client, site, django_assert_num_queries):
    """The second asking reads only the version and the index's generation, and gets the same page and headers,
    with this request's own nonce in the page and in the policy."""
    first = client.get("/search/", {"q": "apply", "maturity": "stable"})
    with django_assert_num_queries(KEPT_QUERIES):
        second = client.get("/search/", {"q": "apply", "maturity": "stable"})
    assert body(second) == body(first)
    assert b"<mark>Apply</mark> for a blue badge</a>" in second.content
    assert sorted((k, v) for k, v in second.items() if k != "Content-Security-Policy") == sorted(
        (k, v) for k, v in first.items() if k != "Content-Security-Policy"
    )
    nonce = re.search(rb'nonce="([^"]+)"', second.content).group(1).decode()
    assert f"'nonce-{nonce}'" in second["Content-Security-Policy"]
    assert nonce not in first.content.decode()


def test_the_api_answers_a_repeated_search_from_the_kept_answer(client, site, django_assert_num_queries):
    first = client.get("/api/v1/search/", {"q": "blue badge"})
    with django_assert_num_queries(KEPT_QUERIES):
        second = client.get("/api/v1/search/", {"q": "blue badge"})
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == "application/json"
    assert second.json()["total"] == 2


def test_a_publish_is_seen_once_the_index_is_written(client, site, django_capture_on_commit_callbacks):
    """A publish moves the library version at once and the index when the worker has written it: a search asked
    in between is not kept past the index write (under the library version alone it would be)."""
    assert b"Apply for a blue <mark>badge</mark>" in body(client.get("/search/", {"q": "badge"}))
    client.get("/api/v1/search/", {"q": "badge"})
    badge = site["pages"]["badge"]
    badge.title = "Apply for a parking badge"
    with django_capture_on_commit_callbacks(execute=False) as index_later:
        badge.save_revision().publish()
    assert b"Apply for a blue <mark>badge</mark>" in body(client.get("/search/", {"q": "badge"}))  # not indexed yet
    assert "Apply for a blue <mark>badge</mark>" in client.get("/api/v1/search/", {"q": "badge"}).content.decode()
    for callback in index_later:
        callback()
    assert b"Apply for a parking <mark>badge</mark>" in body(client.get("/search/", {"q": "badge"}))
    assert "Apply for a parking <mark>badge</mark>" in client.get("/api/v1/search/", {"q": "badge"}).content.decode()


def test_a_change_to_the_library_alone_is_seen(client, site):
    """The library version moving (here: a taxonomy name, which the search shows as a filter's label) is
    enough: the answer is not kept across it."""
    from pattern_pages.models import PatternType

    assert b"Apply online" not in body(client.get("/search/", {"q": "apply"}))
    PatternType.objects.filter(slug="apply").update(name="Apply online")
    version.bump()
    assert b"Apply online" in body(client.get("/search/", {"q": "apply"}))


def test_a_signed_in_reader_is_never_given_a_kept_answer(client, site, django_user_model):
    """A signed-in reader's search is made afresh every time, and what it rendered is not kept for others."""
    client.force_login(django_user_model.objects.create_user("reader", password="secret-password"))
    signed_in = body(client.get("/search/", {"q": "apply"}))
    with CaptureQueriesContext(connection) as again:
        assert body(client.get("/search/", {"q": "apply"})) == signed_in
    assert len(again) > KEPT_QUERIES + 2  # the session, the user, then the search itself
    client.logout()
    with CaptureQueriesContext(connection) as anonymous:
        assert body(client.get("/search/", {"q": "apply"})) == signed_in
    assert len(anonymous) > KEPT_QUERIES  # made for this reader, not the signed-in one's


def test_welsh_and_english_are_kept_apart(client, site):
    english = body(client.get("/search/", {"q": "badge"}))
    welsh = body(client.get("/cy/search/", {"q": "badge"}))
    assert b'<html lang="cy"' in welsh and b'<html lang="en"' in english
    assert body(client.get("/search/", {"q": "badge"})) == english
    assert body(client.get("/cy/search/", {"q": "badge"})) == welsh
    api_en = client.get("/api/v1/search/", {"q": "fathodyn"}).json()
    api_cy = client.get("/api/v1/search/", {"q": "fathodyn", "locale": "cy"}).json()
    assert api_en["total"] == 0 and api_cy["total"] == 1


def result_count(response):
    return int(re.search(rb'id="result-count"[^>]*>\s*(\d+) result', body(response)).group(1))


def test_filters_and_pages_are_kept_apart(client, site):
    for n in range(12):
        factories.ServiceFactory(name=f"Allotment plot {n}")
    rebuild_index(DatabaseEngine())
    for _ in range(2):  # made, then kept
        assert result_count(client.get("/search/", {"type": "pattern"})) == 4
        assert result_count(client.get("/search/", {"type": "pattern", "maturity": "stable"})) == 2
        assert result_count(client.get("/search/", {"type": "pattern", "pattern_type": "apply"})) == 3
        assert b'start="11"' not in body(client.get("/search/", {"q": "allotment"}))
        assert b'start="11"' in body(client.get("/search/", {"q": "allotment", "page": "2"}))
        assert client.get("/api/v1/search/", {"q": "allotment", "page_size": "5"}).json()["page_count"] == 3
        assert client.get("/api/v1/search/", {"q": "allotment"}).json()["page_count"] == 2
        assert (
            client.get("/api/v1/search/", {"q": "allotment", "page": "2"})
            .json()["results"][0]["title"]
            .endswith(tuple("0123456789"))
        )


def test_a_problem_with_the_search_is_not_kept(client, site):
    """A page that shows a problem is made again each time (and never given for the search without it)."""
    problem = body(client.get("/search/", {"q": "blue badge", "page": "two"}))
    assert b"The page number must be a whole number" in problem
    assert b"The page number must be a whole number" in body(client.get("/search/", {"q": "blue badge", "page": "two"}))
    assert b"There is a problem" not in body(client.get("/search/", {"q": "blue badge"}))
