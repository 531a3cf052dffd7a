"""The database engine on PostgreSQL: a stored, indexed full-text vector, weighted as documented."""

import pytest
from django.db import connection

from search.documents import IndexEntry
from search.engines.database import DatabaseEngine
from search.query import SearchQuery

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
