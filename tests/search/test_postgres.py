"""The database engine on PostgreSQL: a stored, indexed full-text vector, weighted as documented."""

import re

import pytest
from django.db import connection

from search.documents import IndexEntry
from search.engines.database import DatabaseEngine
from search.query import PAGE_SIZE, SearchQuery

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search only"),
]


def entry(key, title, **fields):
    return IndexEntry(key=key, kind="service", locale="en", title=title, facets={"type": ["service"]}, **fields)


def test_a_match_in_service_names_outranks_one_in_the_body():
    """Title and service names weigh most (A), the body least (D), so the better match comes first."""
    engine = DatabaseEngine()
    engine.upsert(
        [
            entry("service-1", "Alpha", body="widget foo bar"),
            entry("service-2", "Beta", service_names="widget", body="foo bar"),
        ]
    )
    hits = engine.search(SearchQuery("widget", facets=())).hits
    assert [hit.title for hit in hits] == ["Beta", "Alpha"]
    assert hits[0].score > hits[1].score


def test_the_full_text_vector_is_stored_and_indexed():
    """Matching reads a stored tsvector through a GIN index instead of parsing every document per query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = 'library_search_searchdocument' "
            "AND indexdef ILIKE '%%gin (search_vector)%%'"
        )
        assert cursor.fetchone()
    engine = DatabaseEngine()
    engine.upsert([entry("service-1", "Missed bin collection", body="Report a missed bin")])
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_vector::text FROM library_search_searchdocument WHERE key = 'service-1'")
        assert "'bin':2A" in cursor.fetchone()[0]


def test_a_search_matches_through_the_index_and_counts_facets_once():
    """Issue 17: no per-row function in the match's WHERE clause (it made PostgreSQL read every document),
    the matching ids never go back as an IN list, and every facet is counted in one statement."""
    from django.test.utils import CaptureQueriesContext

    engine = DatabaseEngine()
    engine.upsert([entry(f"service-{n}", f"Widget permit {n}", body="widget") for n in range(PAGE_SIZE + 5)])
    with CaptureQueriesContext(connection) as captured:
        results = engine.search(SearchQuery("widget"))
    assert results.total == PAGE_SIZE + 5
    assert results.facets["type"][0].count == PAGE_SIZE + 5
    statements = [query["sql"] for query in captured.captured_queries]
    for sql in statements:
        for where in sql.split(" WHERE ")[1:]:
            assert "word_similarity" not in where, sql
        # Only the page of hits shown goes by id (to fetch and highlight them).
        for ids in re.findall(r'"id" IN \(([\d, ]+)\)', sql):
            assert len(ids.split(",")) <= PAGE_SIZE, sql
    assert sum("GROUP BY" in sql for sql in statements) == 1
