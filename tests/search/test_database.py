"""The database engine's own rules (issue 17), on SQLite and PostgreSQL alike."""

import pytest

from search.documents import IndexEntry
from search.engines.database import EVERY_TERM_MINIMUM, DatabaseEngine
from search.facets import FACET_VALUES_SHOWN, facet_counts
from search.query import SearchQuery

from .test_facet_sets import facet_counts_of

pytestmark = pytest.mark.django_db


def entry(key, title, **fields):
    return IndexEntry(key=key, kind="service", locale="en", title=title, facets={"type": ["service"]}, **fields)


def test_an_upsert_teaches_did_you_mean_its_words():
    """A document written by an upsert (not only a rebuild) adds its words to the vocabulary."""
    engine = DatabaseEngine()
    engine.upsert([entry("service-1", "Gritting routes")])
    assert engine.search(SearchQuery("gritting rootes", facets=())).suggestion == "gritting routes"


def test_did_you_mean_learns_each_writes_words_without_asking_the_database_again_in_between():
    """The vocabulary is kept under the index's generation: a second misspelt search reads no word from the
    database, and the next write's words are suggested at once, also in a process that kept the old one."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    engine = DatabaseEngine()
    engine.upsert([entry("service-1", "Gritting routes")])
    assert engine.search(SearchQuery("gritting rootes", facets=())).suggestion == "gritting routes"
    with CaptureQueriesContext(connection) as asked:
        assert engine.search(SearchQuery("griting routes", facets=())).suggestion == "gritting routes"
    assert not [query for query in asked.captured_queries if "searchword" in query["sql"]]

    engine.upsert([entry("service-2", "Mural cleaning")])
    assert engine.search(SearchQuery("murals cleanign", facets=())).suggestion == "murals cleaning"
    engine.delete(["service-2"])
    engine.rebuild([entry("service-1", "Gritting routes")])
    assert engine.search(SearchQuery("murals cleanign", facets=())).suggestion == ""


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


def faceted(key, title, **facets):
    return IndexEntry(key=key, kind="pattern", locale="en", title=title, facets={"type": ["pattern"], **facets})


def test_facet_counts_come_from_the_matching_documents_and_leave_out_their_own_selection():
    """Counts are over the documents the words match; a facet's own selection does not narrow its counts,
    the other facets' selections do."""
    engine = DatabaseEngine()
    engine.upsert(
        [
            faceted("page-1", "Parking permit", maturity=["stable"], council=["E1", "E2"]),
            faceted("page-2", "Parking fine", maturity=["beta"], council=["E1"]),
            faceted("page-3", "Parking suspension", maturity=["stable"], council=["E3"]),
            faceted("page-4", "Bin collection", maturity=["stable"], council=["E1"]),
        ]
    )
    results = engine.search(SearchQuery("parking", facets=("maturity", "council")))
    counts = facet_counts_of(results)
    assert counts == {"maturity": {"stable": 2, "beta": 1}, "council": {"E1": 2, "E2": 1, "E3": 1}}

    results = engine.search(SearchQuery("parking", filters={"maturity": ["stable"]}, facets=("maturity", "council")))
    counts = facet_counts_of(results)
    assert results.total == 2
    assert counts["maturity"] == {"stable": 2, "beta": 1}  # its own selection left out
    assert counts["council"] == {"E1": 1, "E2": 1, "E3": 1}  # narrowed by the maturity selection


def test_a_filter_reads_the_documents_facets_after_an_upsert_changes_them():
    """Filters and counts follow a document's facets when an upsert rewrites them."""
    engine = DatabaseEngine()
    engine.upsert([faceted("page-1", "Parking permit", council=["E1"])])
    engine.upsert([faceted("page-1", "Parking permit", council=["E2"])])
    assert engine.search(SearchQuery("parking", filters={"council": ["E1"]})).total == 0
    results = engine.search(SearchQuery("parking", filters={"council": ["E2"]}, facets=("council",)))
    assert results.total == 1
    assert [(fc.value, fc.count) for fc in results.facets["council"]] == [("E2", 1)]


def test_a_rebuild_that_fails_part_way_leaves_the_old_index():
    """A rebuild that breaks after writing some documents leaves every old document, and none of the new."""
    engine = DatabaseEngine()
    engine.rebuild([entry("service-1", "Gritting routes")])

    def broken_entries():
        yield entry("service-2", "Pothole reports")
        raise RuntimeError("The database went away")

    with pytest.raises(RuntimeError):
        engine.rebuild(broken_entries())
    assert [hit.key for hit in engine.search(SearchQuery("gritting", facets=())).hits] == ["service-1"]
    assert engine.search(SearchQuery("pothole", facets=())).total == 0
    engine.upsert([entry("service-3", "Gritting depots")])  # and the index still takes writes
    assert engine.search(SearchQuery("gritting", facets=())).total == 2


def test_counts_kept_between_searches_follow_every_write_to_the_index():
    """A repeated search may answer its total and facet counts from the previous one, but a document
    added, deleted or rebuilt since is counted at once (the library version has not moved: the worker
    writes the index after it)."""
    engine = DatabaseEngine()
    engine.upsert([entry(f"service-{n}", f"Gritting routes {n}") for n in range(12)])

    def counted(text="gritting"):
        results = engine.search(SearchQuery(text, facets=("type",)))
        return results.total, [(c.value, c.count) for c in results.facets["type"]]

    def browsed():
        results = engine.search(SearchQuery("", facets=("type",)))
        return results.total, [(c.value, c.count) for c in results.facets["type"]]

    assert counted() == counted() == (12, [("service", 12)])
    assert browsed() == (12, [("service", 12)])
    engine.upsert(
        [IndexEntry(key="page-1", kind="pattern", locale="en", title="Gritting", facets={"type": ["pattern"]})]
    )
    assert counted() == (13, [("service", 12), ("pattern", 1)])
    assert browsed() == (13, [("service", 12), ("pattern", 1)])
    engine.delete(["service-0", "service-1"])
    assert counted() == (11, [("service", 10), ("pattern", 1)])
    engine.rebuild([entry("service-5", "Gritting routes")])
    assert counted() == (1, [("service", 1)])
    assert browsed() == (1, [("service", 1)])


def test_a_rebuild_learns_every_word_of_every_document_in_its_locale():
    """After a rebuild, "did you mean" knows each document's words in the document's locale, and only those,
    with their stems: the same words an upsert of each document would add."""
    from search.engines.database import entry_words
    from search.models import SearchWord
    from search.synonyms import english_stem

    entries = [
        entry("service-1", "Gritting routes", body="Salt the roads.\nIt's icy, isn't it?"),
        entry("service-2", "Pothole reports", summary="Report a pothole (on a road)", keywords="LGSL 1049"),
        IndexEntry(key="service-3", kind="service", locale="cy", title="Graeanu ffyrdd", body="Ffyrdd rhewllyd!"),
    ]
    SearchWord.objects.create(locale="en", word="gone", stem="gone")
    DatabaseEngine().rebuild(entries)
    expected = {(e.locale, word) for e in entries for word in entry_words(e)}
    stored = set(SearchWord.objects.values_list("locale", "word"))
    assert stored == expected
    assert ("en", "it's") in stored and ("cy", "ffyrdd") in stored and ("en", "gone") not in stored
    assert all(stem == english_stem(word) for word, stem in SearchWord.objects.values_list("word", "stem"))


def test_a_rebuild_keeps_the_stems_it_knows_unless_the_text_is_analysed_again():
    """A word already in the vocabulary keeps its stem through a rebuild (stemming is most of writing the
    vocabulary); ``--recompute-vectors`` works every stem out again."""
    from search.models import SearchWord

    engine = DatabaseEngine()
    engine.rebuild([entry("service-1", "Gritting routes")])
    SearchWord.objects.filter(word="gritting").update(stem="planted")
    engine.rebuild([entry("service-1", "Gritting routes")])
    assert SearchWord.objects.get(word="gritting").stem == "planted"
    engine.rebuild([entry("service-1", "Gritting routes")], recompute_vectors=True)
    assert SearchWord.objects.get(word="gritting").stem == "grit"
