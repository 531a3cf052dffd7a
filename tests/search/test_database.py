"""The database engine's own rules (issue 17), on SQLite and PostgreSQL alike."""

import pytest

from search.documents import IndexEntry
from search.engines.database import EVERY_TERM_MINIMUM, DatabaseEngine
from search.facets import FACET_VALUES_SHOWN, facet_counts
from search.query import SearchQuery

pytestmark = pytest.mark.django_db


def entry(key, title, **fields):
    return IndexEntry(key=key, kind="service", locale="en", title=title, facets={"type": ["service"]}, **fields)


def test_an_upsert_teaches_did_you_mean_its_words():
    """A document written by an upsert (not only a rebuild) adds its words to the vocabulary."""
    engine = DatabaseEngine()
    engine.upsert([entry("service-1", "Gritting routes")])
    assert engine.search(SearchQuery("gritting rootes", facets=())).suggestion == "gritting routes"


def test_every_term_is_required_while_enough_documents_have_them_all():
    """With enough documents holding every word, one holding only some is not counted or shown."""
    engine = DatabaseEngine()
    engine.upsert([entry(f"service-{n}", f"Gritting routes {n}") for n in range(EVERY_TERM_MINIMUM)])
    engine.upsert([entry("service-99", "Gritting depots")])
    results = engine.search(SearchQuery("gritting routes", facets=()))
    assert results.total == EVERY_TERM_MINIMUM
    assert "Gritting depots" not in [hit.title for hit in results.hits]


def test_any_term_when_too_few_have_them_all():
    """Below the minimum, documents holding any of the words are found, those with all of them first."""
    engine = DatabaseEngine()
    engine.upsert([entry("service-1", "Gritting routes"), entry("service-2", "Gritting depots")])
    results = engine.search(SearchQuery("gritting routes", facets=()))
    assert [hit.title for hit in results.hits] == ["Gritting routes", "Gritting depots"]
    assert results.total == 2


def test_a_facet_shows_its_commonest_values_and_every_selected_one():
    """The ten values with most documents, then each selected value however rare (0 when it has none)."""
    counted = {f"value-{i:02}": 20 - i for i in range(15)}
    query = SearchQuery("", filters={"maturity": ["value-14", "none"]})
    shown = facet_counts("maturity", counted, query)
    values = [fc.value for fc in shown]
    assert values[:FACET_VALUES_SHOWN] == [f"value-{i:02}" for i in range(FACET_VALUES_SHOWN)]
    assert values[FACET_VALUES_SHOWN:] == ["value-14", "none"]
    assert [fc.count for fc in shown[FACET_VALUES_SHOWN:]] == [6, 0]
    assert [fc.value for fc in shown if fc.selected] == ["value-14", "none"]
