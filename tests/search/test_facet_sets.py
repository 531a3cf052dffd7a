"""Facet counts from the worker's facet sets (issue 17), on PostgreSQL and SQLite: exactly those of counting
the matching documents one by one, each facet under every filter but its own, and following writes."""

import pytest

from search.documents import IndexEntry
from search.engines.database import DatabaseEngine
from search.query import SearchQuery

pytestmark = pytest.mark.django_db


def facet_document(n, matches):
    """A pattern with facets varying with ``n``; its title has "parking" when ``matches``."""
    return IndexEntry(
        key=f"page-{n}",
        kind="pattern" if n % 3 else "process",
        locale="en",
        title=f"{'Parking' if matches else 'Bin'} permit {n}",
        facets={
            "type": ["pattern" if n % 3 else "process"],
            "maturity": [["stable", "beta", "alpha"][n % 3]],
            "council": [f"E{n % 4}", f"E{n % 5 + 4}"] if n % 2 else [f"E{n % 4}"],
            "life_event": ["moving-home"] if n % 4 == 0 else [],
        },
    )


def facet_counts_of(results):
    """``{facet: {value: count}}`` of every value ``results`` shows."""
    return {facet: {fc.value: fc.count for fc in shown} for facet, shown in results.facets.items()}


# No filter; one facet; two facets, one with two values; three facets.
FILTER_SETS = [
    {},
    {"maturity": ["stable"]},
    {"maturity": ["stable", "beta"], "council": ["E1"]},
    {"type": ["pattern"], "council": ["E2", "E5"], "life_event": ["moving-home"]},
]


def counted_directly(documents, text, filters, facets):
    """``{facet: {value: count}}`` of the ``documents`` whose title has ``text``, each facet under every
    filter but its own: what a search's facet counts must be."""
    matches = [document for document in documents if text in document.title.lower()]
    counted = {}
    for facet in facets:
        for document in matches:
            others = {name: values for name, values in filters.items() if name != facet}
            if all(set(document.facets.get(name, [])) & set(values) for name, values in others.items()):
                for value in set(document.facets.get(facet, [])):
                    counted.setdefault(facet, {}).setdefault(value, 0)
                    counted[facet][value] += 1
    return counted


FACETS = ("type", "maturity", "council", "life_event")


@pytest.mark.parametrize("filters", FILTER_SETS)
@pytest.mark.parametrize("text", ["parking", "parking permit", "bin"])
def test_facet_counts_are_those_of_the_matching_documents_each_without_its_own_filter(filters, text):
    """Issue 17: the facet counts made from this process's facet sets are exactly those of counting the
    matching documents one by one, each facet under every filter but its own (GOV.UK finders' rule), for a
    word most documents have, one most lack, and two words; the total is the documents passing every filter."""
    documents = [facet_document(n, matches=n % 7 != 0) for n in range(40)]
    engine = DatabaseEngine()
    engine.upsert(documents)
    results = engine.search(SearchQuery(text, filters=filters, facets=FACETS))
    expected = counted_directly(documents, text.split()[0], filters, FACETS)
    assert {facet: {fc.value: fc.count for fc in shown if fc.count} for facet, shown in results.facets.items()} == {
        facet: expected.get(facet, {}) for facet in FACETS
    }
    passing = [
        document
        for document in documents
        if text.split()[0] in document.title.lower()
        and all(set(document.facets.get(name, [])) & set(values) for name, values in filters.items())
    ]
    assert results.total == len(passing)
    assert passing or filters == FILTER_SETS[-1]  # only the three filters together leave no document


def test_facet_counts_follow_a_write_to_the_index():
    """After an upsert or a delete the index's generation moves, the facet sets are read again and the counts
    stay exact; a search with no words counts every document the same way."""
    engine = DatabaseEngine()
    documents = [facet_document(n, matches=n != 0) for n in range(14)]
    engine.upsert(documents)

    def counts(text):
        results = engine.search(SearchQuery(text, facets=FACETS))
        return results.total, facet_counts_of(results)

    first = counts("parking")
    assert first[1]["maturity"] == counted_directly(documents, "parking", {}, FACETS)["maturity"]
    added = [facet_document(n, matches=True) for n in range(14, 17)]
    engine.upsert(added)
    engine.delete(["page-1"])
    documents = [document for document in documents + added if document.key != "page-1"]
    after = counts("parking")
    assert after != first
    assert after[0] == 15
    assert after[1]["council"] == counted_directly(documents, "parking", {}, FACETS)["council"]
    browsed = counts("")
    assert browsed[0] == 16
    assert browsed[1]["type"] == counted_directly(documents, "", {}, FACETS)["type"]
