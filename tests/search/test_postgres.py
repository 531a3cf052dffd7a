"""The database engine on PostgreSQL: a stored, indexed full-text vector, weighted as documented."""

import re

import pytest
from django.db import connection

from search.documents import IndexEntry
from search.engines import database
from search.engines.database import DatabaseEngine
from search.query import PAGE_SIZE, SearchQuery

from .test_facet_sets import FACETS, counted_directly, facet_counts_of, facet_document

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
    the matching ids never go back as an IN list, and the facets are counted in this process, not in SQL."""
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
            # Up to the next SELECT: a statement may go on after a WITH query's WHERE.
            assert "word_similarity" not in where.split("SELECT")[0], sql
        # Only the page of hits shown goes by id (to fetch and highlight them).
        for ids in re.findall(r'"id" IN \(([\d, ]+)\)', sql):
            assert len(ids.split(",")) <= PAGE_SIZE, sql
    # The matches' ids come back once, as one value, with the index's generation; no statement counts the
    # matches' facet terms: this process's facet sets do, every document's terms read once for the generation.
    assert sum("string_agg(int8send(c.id)" in sql for sql in statements) == 1
    assert [sql for sql in statements if "facet_terms" in sql or "GROUP BY" in sql] == [
        sql for sql in statements if "unnest(d.facet_terms)" in sql
    ]
    assert sum("unnest(d.facet_terms)" in sql for sql in statements) == 1


def index_and_constraint_names():
    """The documents table's index and constraint names, and its triggers' definitions."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'library_search_searchdocument'")
        indexes = {row[0] for row in cursor.fetchall()}
        cursor.execute(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'library_search_searchdocument'::regclass "
            "AND contype <> 'n'"
        )
        constraints = {row[0] for row in cursor.fetchall()}
        cursor.execute(
            "SELECT pg_get_triggerdef(oid) FROM pg_trigger "
            "WHERE tgrelid = 'library_search_searchdocument'::regclass AND NOT tgisinternal"
        )
        return indexes, constraints, {row[0] for row in cursor.fetchall()}


def test_a_rebuild_swaps_in_a_table_with_the_same_indexes_and_constraints():
    """After a rebuild the documents table has every index and constraint it had, by the same names, and
    takes upserts as before."""
    before = index_and_constraint_names()
    assert "library_search_facet_terms_gin" in before[0]
    assert len(before[2]) == 2  # the vectors' triggers, on insert and on an update of the text
    engine = DatabaseEngine()
    engine.rebuild([entry(f"service-{n}", f"Widget permit {n}") for n in range(3)])
    assert index_and_constraint_names() == before
    engine.upsert([entry("service-9", "Widget licence")])
    assert engine.search(SearchQuery("widget", facets=())).total == 4
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('library_search_searchdocument_rebuild')")
        assert cursor.fetchone()[0] is None


def storage():
    """The documents table's storage parameters, its TOAST table's, and each column's storage and compression."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.reloptions, t.reloptions FROM pg_class c LEFT JOIN pg_class t ON t.oid = c.reltoastrelid "
            "WHERE c.oid = 'library_search_searchdocument'::regclass"
        )
        options = cursor.fetchone()
        cursor.execute(
            "SELECT attname, attstorage, attcompression FROM pg_attribute "
            "WHERE attrelid = 'library_search_searchdocument'::regclass AND attnum > 0 AND NOT attisdropped"
        )
        return options, {name: (stored, compression) for name, stored, compression in cursor.fetchall()}


def test_a_rebuild_keeps_the_tables_storage():
    """A rebuild's new table keeps in the row what every match reads and moves the rest out (migration 0012),
    as the live one did, with the same storage parameters, its TOAST table's too."""
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE library_search_searchdocument SET (toast.autovacuum_enabled = false)")
    before = storage()
    assert before[0] == (["toast_tuple_target=128"], ["autovacuum_enabled=false"])
    columns = before[1]
    assert columns["title_vector"][0] == "p" and columns["lgsl_codes"][0] == "m" and columns["body"][0] == "x"
    assert columns["summary"][0] == "e"
    engine = DatabaseEngine()
    engine.rebuild([entry(f"service-{n}", f"Widget permit {n}", body="widget " * 500) for n in range(3)])
    assert storage() == before
    assert engine.search(SearchQuery("widget", facets=())).total == 3


def test_facet_values_are_a_column_of_the_document_read_once_for_each_generation_of_the_index():
    """Each document's facets are stored as "facet:value" terms in its row (no table of facet values). A
    search reads every document's terms once for the index's generation; later searches count from them
    until a write moves the generation."""
    from django.test.utils import CaptureQueriesContext

    engine = DatabaseEngine()
    widget = entry("service-1", "Widget permit")
    widget.facets["life_event"] = ["moving-home"]
    engine.upsert([widget])
    with connection.cursor() as cursor:
        cursor.execute("SELECT facet_terms FROM library_search_searchdocument WHERE key = 'service-1'")
        assert sorted(cursor.fetchone()[0]) == ["life_event:moving-home", "type:service"]

    def search():
        with CaptureQueriesContext(connection) as captured:
            results = engine.search(SearchQuery("widget", facets=("type", "life_event")))
        read = sum("unnest(d.facet_terms)" in query["sql"] for query in captured.captured_queries)
        return [(fc.value, fc.count) for fc in results.facets["life_event"]], read

    assert search() == ([("moving-home", 1)], 1)
    assert search() == ([("moving-home", 1)], 0)
    second = entry("service-2", "Widget licence")
    second.facets["life_event"] = ["moving-home"]
    engine.upsert([second])
    assert search() == ([("moving-home", 2)], 1)


def vectors(key):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector::text, title_vector::text FROM library_search_searchdocument WHERE key = %s", [key]
        )
        return cursor.fetchone()


def test_a_rebuild_keeps_the_vectors_of_documents_whose_text_is_unchanged():
    """Issue 17, target 4: the vectors are computed again only for a document that is new or whose text
    changed; an unchanged one keeps its own (here a planted vector only keeping could give). Upserts keep
    them in step as the generated columns did."""
    engine = DatabaseEngine()
    engine.rebuild([entry("service-1", "Gritting routes", body="salt"), entry("service-2", "Pothole reports")])
    assert vectors("service-1") == ("'grit':1A 'rout':2A 'salt':3", "'grit':1 'rout':2")
    with connection.cursor() as cursor:  # no text changes, so the update trigger leaves the vectors as set
        cursor.execute(
            "UPDATE library_search_searchdocument SET search_vector = 'planted:1A', title_vector = 'planted' "
            "WHERE key = 'service-1'"
        )
    engine.rebuild(
        [
            entry("service-1", "Gritting routes", body="salt"),
            entry("service-2", "Pothole repairs"),
            entry("service-3", "Bulky waste"),
        ]
    )
    assert vectors("service-1") == ("'planted':1A", "'planted'")
    assert vectors("service-2") == ("'pothol':1A 'repair':2A", "'pothol':1 'repair':2")
    assert vectors("service-3") == ("'bulki':1A 'wast':2A", "'bulki':1 'wast':2")
    # The new table has the live table's triggers: an upsert of the same text keeps the vectors, an edit
    # computes them again, a new document has them.
    engine.upsert([entry("service-1", "Gritting routes", body="salt")])
    assert vectors("service-1") == ("'planted':1A", "'planted'")
    engine.upsert([entry("service-1", "Gritting routes", body="grit bins"), entry("service-4", "Fly-tipping")])
    assert vectors("service-1") == ("'bin':4 'grit':1A,3 'rout':2A", "'grit':1 'rout':2")
    assert vectors("service-4")[1] == "'fli':2 'fly-tip':1 'tip':3"
    assert engine.search(SearchQuery("bins", facets=())).total == 1


def test_a_rebuild_asked_to_recompute_vectors_analyses_unchanged_text_again():
    """``rebuild_search_index --recompute-vectors`` (after PostgreSQL's dictionaries change): a document whose
    text has not changed gets its vectors computed again instead of keeping the stored ones."""
    engine = DatabaseEngine()
    engine.rebuild([entry("service-1", "Gritting routes", body="salt")])
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE library_search_searchdocument SET search_vector = 'planted:1A', title_vector = 'planted' "
            "WHERE key = 'service-1'"
        )
    engine.rebuild([entry("service-1", "Gritting routes", body="salt")], recompute_vectors=True)
    assert vectors("service-1") == ("'grit':1A 'rout':2A 'salt':3", "'grit':1 'rout':2")
    # The live table's own triggers are back afterwards: an unchanged upsert keeps, an edit recomputes.
    engine.upsert([entry("service-1", "Gritting routes", body="grit bins")])
    assert vectors("service-1")[0] == "'bin':4 'grit':1A,3 'rout':2A"


@pytest.mark.django_db(transaction=True)
def test_search_answers_from_the_old_index_while_a_rebuild_runs():
    """While a rebuild is writing the new documents, searches answer at once from the old ones; a write
    arriving meanwhile waits and lands in the new index; the new documents show once it is done."""
    import threading

    from django.db import connections

    engine = DatabaseEngine()
    engine.rebuild([entry("service-1", "Gritting routes")])
    copying, release = threading.Event(), threading.Event()
    failures = []

    def slow_entries():
        yield entry("service-2", "Pothole reports")
        copying.set()
        release.wait(timeout=30)
        yield entry("service-3", "Pothole repairs")

    def in_thread(work):
        def run():
            try:
                work()
            except Exception as error:  # noqa: BLE001  (reported to the test below)
                failures.append(error)
            finally:
                connections.close_all()

        thread = threading.Thread(target=run)
        thread.start()
        return thread

    rebuilding = in_thread(lambda: DatabaseEngine().rebuild(slow_entries()))
    assert copying.wait(timeout=30)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = '10s'")  # a search that waited for the rebuild fails
        assert [hit.key for hit in engine.search(SearchQuery("gritting", facets=())).hits] == ["service-1"]
        assert engine.search(SearchQuery("pothole", facets=())).total == 0
        writing = in_thread(lambda: DatabaseEngine().upsert([entry("service-4", "Pothole claims")]))
    finally:
        release.set()
    rebuilding.join(timeout=60)
    writing.join(timeout=60)
    assert not failures
    found = {hit.key for hit in engine.search(SearchQuery("pothole", facets=())).hits}
    assert found == {"service-2", "service-3", "service-4"}
    assert engine.search(SearchQuery("gritting", facets=())).total == 0


@pytest.mark.parametrize("few", [0, 1000])
def test_a_common_word_ranks_titled_matches_first_and_pages_through_every_match(monkeypatch, few):
    """A word in 240 documents, 5 of them with it in the title: those come first, every page after the
    first holds the rest exactly once, the total is exact, and the order is the one of scoring every title,
    whether the titled ones are found among the candidates or from the title indexes first."""
    monkeypatch.setattr("search.engines.database.FEW_CANDIDATES", few)
    engine = DatabaseEngine()
    plain = [entry(f"service-{n}", f"Road service {n:03}", body="gritting the roads in winter") for n in range(235)]
    titled = [entry(f"service-t{n}", f"Gritting route {n}", body="roads in winter") for n in range(5)]
    engine.upsert(plain + titled)

    def every_page():
        keys, total = [], None
        for page in range(1, 26):
            results = engine.search(SearchQuery("gritting", facets=(), page=page))
            keys += [hit.key for hit in results.hits]
            total = results.total
        return keys, total

    keys, total = every_page()
    assert total == 240
    assert sorted(keys[:5]) == sorted(e.key for e in titled)
    assert sorted(keys) == sorted(e.key for e in plain + titled)
    # Every term's documents counted again for each page (nothing kept), so their ids are known: the rest by
    # id are looked up by key, not found again through the index. The same pages.
    from django.core.cache import caches
    from django.test.utils import CaptureQueriesContext

    from library import version

    monkeypatch.setattr(caches[version.PAGES_CACHE], "get", lambda key, default=None: default)
    with CaptureQueriesContext(connection) as captured:
        assert every_page() == (keys, total)
    statements = [query["sql"] for query in captured.captured_queries]
    assert sum("unnest(" in sql and "WITH ORDINALITY w (id, rn)" in sql for sql in statements) == 25
    assert not [sql for sql in statements if "WITH c (id) AS MATERIALIZED" in sql]
    monkeypatch.undo()
    monkeypatch.setattr("search.engines.database.FEW_CANDIDATES", few)
    monkeypatch.setattr("search.engines.database.PostgresMatch.title_words", lambda self: None)
    assert every_page() == (keys, total)


@pytest.mark.parametrize("few", [0, 1000])
def test_a_title_with_the_words_only_by_their_first_letters_is_checked_against_the_whole_document(monkeypatch, few):
    """Issue 17: a title with every term itself is a candidate without its search vector being read; one whose
    words share only their first six letters with the query's ("Registration" for "register") is one only if
    the document has the words elsewhere. Both kinds rank by title, the order the same found either way."""
    monkeypatch.setattr("search.engines.database.FEW_CANDIDATES", few)
    engine = DatabaseEngine()
    plain = [entry(f"service-{n}", f"Road service {n:03}", body="register the roads") for n in range(230)]
    titled = [
        entry("service-word", "Register a death", body="deaths"),
        entry("service-start", "Registration office", body="register here"),
        entry("service-not", "Registration of land", body="land only"),  # no "register" in it: not a match
    ]
    engine.upsert(plain + titled)
    results = engine.search(SearchQuery("register", facets=()))
    assert results.total == 232
    assert {hit.key for hit in results.hits[:2]} == {"service-word", "service-start"}
    assert "service-not" not in {hit.key for hit in results.hits}
    monkeypatch.setattr("search.engines.database.PostgresMatch.title_words", lambda self: None)
    assert [hit.key for hit in engine.search(SearchQuery("register", facets=())).hits] == [
        hit.key for hit in results.hits
    ]


@pytest.mark.parametrize("few", [0, 1000])
def test_a_title_word_its_lexemes_miss_still_ranks_its_document_by_title(monkeypatch, few):
    """A title word found only by its first six letters ("grants/vouchers" is one token to PostgreSQL, so no
    lexeme starts "vouche") still scores the title, which comes first though 240 matches were added before it
    (more than are ranked in full): the order is the one of scoring every title, found either way."""
    monkeypatch.setattr("search.engines.database.FEW_CANDIDATES", few)
    engine = DatabaseEngine()
    plain = [entry(f"service-{n}", f"Road service {n:03}", body="vouchers for the winter") for n in range(240)]
    odd = entry("service-odd", "School clothing grants/vouchers", body="vouchers")
    engine.upsert([*plain, odd])
    results = engine.search(SearchQuery("vouchers", facets=()))
    assert results.hits[0].key == "service-odd"
    monkeypatch.setattr("search.engines.database.PostgresMatch.title_words", lambda self: None)
    assert [hit.key for hit in engine.search(SearchQuery("vouchers", facets=())).hits] == [
        hit.key for hit in results.hits
    ]


def test_a_write_between_the_candidates_and_the_facet_sets_reads_the_candidates_again(monkeypatch):
    """Issue 17: the candidates' ids carry the generation their statement saw (PostgreSQL: on SQLite a search's
    transaction reads one snapshot). When the index moves on
    before the facet sets are read (another process's write), the sets are of a newer generation than the
    ids, so the candidates are read again and the counts are those of one state of the index, not a mix."""
    from search.engines import facet_sets

    engine = DatabaseEngine()
    documents = [facet_document(n, matches=True) for n in range(6)]
    engine.upsert(documents)
    load = facet_sets.load
    written = []

    def load_after_a_write(locale):
        if not written:
            written.append(facet_document(6, matches=True))
            engine.upsert(written)  # moves the generation, as a worker's write would
        return load(locale)

    monkeypatch.setattr(facet_sets, "load", load_after_a_write)
    results = engine.search(SearchQuery("parking", facets=FACETS))
    counted = facet_counts_of(results)
    assert written
    assert counted["maturity"] == counted_directly(documents + written, "parking", {}, FACETS)["maturity"]
    assert sum(counted["type"].values()) == 7


def index_contents():
    """Every document (every column but the time it was written, in id order) and the vocabulary."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, key, kind, locale, page_id, service_id, title, slug, url, summary, service_names, keywords, "
            "body, lgsl_codes::text, facets::text, search_vector::text, title_vector::text, facet_terms::text "
            "FROM library_search_searchdocument ORDER BY id"
        )
        documents = cursor.fetchall()
        cursor.execute("SELECT locale, word, stem FROM library_search_searchword ORDER BY locale, word")
        return documents, cursor.fetchall()


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_in_worker_processes_writes_what_one_process_writes(library, monkeypatch):
    """Issue 17: outside a transaction (``manage.py rebuild_search_index``) the library's entries are built in
    forked processes and written in their order: every column of every document, ids included, and the
    vocabulary are those of building them all in one process. A worker failing leaves the old index."""
    from django.db import transaction

    from search import documents
    from search.engines import database
    from search.indexing import rebuild_index

    monkeypatch.setattr(documents, "BUILD_BATCH", 2)  # several units, so every worker builds some
    monkeypatch.setattr(database, "REBUILD_WORKERS", 2)
    with transaction.atomic():  # in a transaction: every entry built and written on this connection
        assert rebuild_index(DatabaseEngine()) == 10
    in_one_process = index_contents()
    assert len(in_one_process[0]) == 10 and len(in_one_process[1]) > 50
    with connection.cursor() as cursor:
        cursor.execute("UPDATE library_search_searchdocument SET body = 'stale' WHERE key LIKE 'page-%%'")
        cursor.execute("DELETE FROM library_search_searchword WHERE locale = 'cy'")
    in_workers = []
    write_in_workers = database.write_in_workers

    def spied(*args, **kwargs):
        in_workers.append(True)
        return write_in_workers(*args, **kwargs)

    monkeypatch.setattr(database, "write_in_workers", spied)
    assert rebuild_index(DatabaseEngine()) == 10
    assert in_workers == [True]
    assert index_contents() == in_one_process

    unit_entries = database.unit_entries

    def failing(unit, visibility, urls):
        if unit[0] == "service":
            raise ValueError("a service that cannot be read")
        yield from unit_entries(unit, visibility, urls)

    monkeypatch.setattr(database, "unit_entries", failing)
    with pytest.raises(database.RebuildAbandoned, match="a service that cannot be read"):
        rebuild_index(DatabaseEngine())
    assert index_contents() == in_one_process


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_in_worker_processes_forked_beside_an_event_loop_opens_their_own_connections(library, monkeypatch):
    """With an asyncio loop running in the rebuilding thread (Playwright's sync API leaves one; so may an async
    server), Django keeps the loop's connections apart from the ones the thread's sync code opened, and the
    fork's ``close_all()`` closes only the first. The workers, where no loop runs, would find the other one
    open and share its socket, reading each other's rows (a CI run saw a row of the wrong shape); each opens
    its own, so the index is the one a single process writes."""
    import asyncio
    import threading

    from django.db import connections, transaction

    from search.engines import database
    from search.indexing import rebuild_index

    monkeypatch.setattr(database, "REBUILD_WORKERS", 2)
    with transaction.atomic():  # every entry built and written on this connection
        assert rebuild_index(DatabaseEngine()) == 10
    in_one_process = index_contents()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE library_search_searchdocument SET body = 'stale' WHERE key LIKE 'page-%%'")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    outcome = {}

    async def rebuilt_in_a_loop():
        try:
            return rebuild_index(DatabaseEngine())
        finally:
            connections.close_all()  # the loop's own connections

    def in_a_thread():
        # A thread of its own, where no loop runs yet (a browser test may have left one in this one).
        try:
            connection.ensure_connection()  # the thread's sync side: open when the loop starts
            outcome["count"] = asyncio.run(rebuilt_in_a_loop())
            outcome["sync side still open"] = connection.connection is not None and not connection.connection.closed
        except BaseException as error:  # noqa: BLE001  (asserted below, on the test's thread)
            outcome["error"] = error
        finally:
            connections.close_all()

    rebuilding = threading.Thread(target=in_a_thread)
    rebuilding.start()
    rebuilding.join()
    assert "error" not in outcome, outcome.get("error")
    assert outcome == {"count": 10, "sync side still open": True}  # the workers closed nothing of this process's
    assert index_contents() == in_one_process


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_of_its_own_commits_without_waiting_for_the_disk_but_not_a_callers_transaction(library):
    """``rebuild_search_index``'s transaction (the new table, tens of megabytes of WAL) does not wait for the
    disk at its commit: only that transaction, so the connection's later writes wait as before. Rebuilt
    inside a caller's transaction, nothing is changed: the caller's other writes are as durable as ever."""
    from django.db import transaction
    from django.test.utils import CaptureQueriesContext

    from search.indexing import rebuild_index

    def synchronous_commit():
        with connection.cursor() as cursor:
            cursor.execute("SHOW synchronous_commit")
            return cursor.fetchone()[0]

    with CaptureQueriesContext(connection) as captured:
        assert rebuild_index(DatabaseEngine()) == 10
    assert [q["sql"] for q in captured.captured_queries if "synchronous_commit" in q["sql"]] == [
        "SET LOCAL synchronous_commit = off"
    ]
    assert synchronous_commit() == "on"
    with transaction.atomic(), CaptureQueriesContext(connection) as captured:
        assert rebuild_index(DatabaseEngine()) == 10
        assert synchronous_commit() == "on"
    assert not [q["sql"] for q in captured.captured_queries if "synchronous_commit = off" in q["sql"]]


def test_the_any_term_fallback_counts_facets_from_the_ids_its_ranking_read():
    """Issue 17: when too few documents have every term, the statement that ranks the candidates also sends
    their ids with the index's generation, and the facets are counted from those: no statement reads the
    candidates again. Filtered, the ranked candidates are not the ones counted, so they are read apart."""
    from django.test.utils import CaptureQueriesContext

    engine = DatabaseEngine()
    documents = [facet_document(n, matches=n % 2 == 0) for n in range(12)]
    engine.upsert(documents)
    # Unfiltered: every term's documents read to count them (none), then the ranking's. Filtered (that count
    # now kept): the ranking's, then the candidates apart for their facets.
    for filters in ({}, {"maturity": ["stable"]}):
        with CaptureQueriesContext(connection) as captured:
            results = engine.search(SearchQuery("parking bin", filters=filters, facets=FACETS))
        statements = [query["sql"] for query in captured.captured_queries]
        assert sum("string_agg(int8send(i.id)" in sql for sql in statements) == 1  # the ranking's
        assert sum("string_agg(int8send(c.id)" in sql for sql in statements) == 1
        counted = facet_counts_of(results)
        assert sum(counted["type"].values()) == (12 if not filters else 4)


def test_the_any_term_fallback_weighs_terms_by_the_documents_the_facet_sets_know():
    """Issue 17: each term's weight in the fallback to any term needs how many documents the locale has. Once
    this process's facet sets were made at the index's generation they know it, and the statement counting each
    term's documents does not count them all again; the weights, and so the order, are the same."""
    from django.core.cache import caches
    from django.test.utils import CaptureQueriesContext

    from library import version
    from search.engines import facet_sets

    engine = DatabaseEngine()
    engine.upsert([facet_document(n, matches=n % 2 == 0) for n in range(12)])
    counting_all = re.compile(r"SELECT \(SELECT COUNT.*\(SELECT COUNT\(\*\) FROM \(SELECT [^)]*\) d\)$")

    def search():
        caches[version.PAGES_CACHE].clear()  # nothing kept between the two
        with CaptureQueriesContext(connection) as captured:
            results = engine.search(SearchQuery("parking bin", facets=FACETS))
        weights = [q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT (SELECT COUNT")]
        assert len(weights) == 1
        return [(hit.key, hit.score) for hit in results.hits], bool(counting_all.search(weights[0]))

    facet_sets.forget()
    first, counted = search()  # the sets are made after the weights, to count the facets
    assert counted
    again, counted = search()
    assert not counted
    assert again == first


@pytest.mark.parametrize(
    "text",
    ["apply", "possible", "relational", "happy", "archaeology", "generously", "council tax", "bulky waste", "x"],
)
def test_a_snippet_from_the_lines_that_may_match_is_the_one_from_the_whole_body(text):
    """Issue 17: only the body's lines holding one of the query's stems (less its last letter) are marked. For
    words whose stem is not the start of the word as written ("apply" is "appli", "possibility" is "possibl")
    and synonyms, the snippet is the one marking the whole body gives, line breaks of every kind included."""
    body = "\n".join(
        [
            "Nothing here.",
            "Residents applying online; applications close soon.",
            "It is possibly the Relationship that matters \u2028 and happiness, Archaeological digs.",
            "Generous councils tax bulky household waste\r\nX marks the spot.",
            "The last line says apply again: APPLY.",
        ]
    )
    engine = DatabaseEngine()
    engine.upsert([entry("service-1", "Something else", summary="A summary.", body=f"{text}\n{body}")])
    hit = engine.search(SearchQuery(text, facets=())).hits[0]
    assert hit.snippet_marked == whole_body_snippet("service-1", text)
    assert database.MARK_START in hit.snippet_marked


OPTIONS = f"StartSel={database.MARK_START}, StopSel={database.MARK_END}, HighlightAll=true"


def whole_body_snippet(key, text):
    """The snippet marking the summary and the whole body gives, as the search did before issue 17."""
    from search.query import best_passage

    sql, params = database.tsquery(database.analyse_query(text), every=False)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT ts_headline('english', summary, {sql}, %s), ts_headline('english', body, {sql}, %s) "  # noqa: S608
            "FROM library_search_searchdocument WHERE key = %s",
            [*params, OPTIONS, *params, OPTIONS, key],
        )
        return best_passage(*cursor.fetchone())


@pytest.mark.parametrize(
    ("lines", "statements"),
    [
        # The three lines with the most places marked first decide: "births" three times is the best.
        (["Register a birth", "births, births and births", "A birth", "Birth", "Births: register"], 2),
        # Lines that look like matches and are not ("registrar", "registry") come first; the real ones later.
        (["Registrars and registries", "Registry, registrar", "Regional registrars", "Register here", "Birth"], 3),
    ],
)
def test_a_snippet_from_the_lines_marked_first_is_the_one_from_the_whole_body(lines, statements):
    """Issue 17: a body's lines that may hold the most matches are marked first; when they cannot show which
    line is best, the body's other lines that may match are marked too. The snippet is always the one marking
    the whole body gives."""
    from django.test.utils import CaptureQueriesContext

    engine = DatabaseEngine()
    engine.upsert([entry("service-1", "Something else", summary="A summary.", body="\n".join(["Nothing", *lines]))])
    with CaptureQueriesContext(connection) as captured:
        hit = engine.search(SearchQuery("register a birth", facets=())).hits[0]
    assert hit.snippet_marked == whole_body_snippet("service-1", "register a birth")
    assert sum("ts_headline" in query["sql"] for query in captured.captured_queries) == statements


@pytest.mark.parametrize(
    "text", ["school admission appeal", "register a birth", "registration", "bins", "the apply", "blue badge 624"]
)
def test_a_title_with_none_of_the_words_scores_0_without_scoring_each_word(text):
    """Issue 17: the title score is computed only for titles with one of the query's words (stem, or a word
    starting with its first six letters); for every title, guarded or not, the score is the same."""
    from search.synonyms import analyse_query

    titles = [
        "School admission appeals",
        "Appealing a decision",
        "Registration of births",
        "Register a birth",
        "Bin collections",
        "Apply for a blue badge",
        "Admissions: schools",
        "Nothing alike",
        "The the the",
        "Registrar services",
        "Register office",  # for "registration" (stem "registr"), by its first six letters only
    ]
    engine = DatabaseEngine()
    engine.upsert([entry(f"service-{n}", title) for n, title in enumerate(titles)])
    match = database.PostgresMatch(database.PostgresDocuments("en"), analyse_query(text))
    scores = []
    for guarded in (True, False):
        sql, params = match.title_score(alias="d", guarded=guarded)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT d.title, {sql} FROM library_search_searchdocument d ORDER BY d.id", params)  # noqa: S608
            scores.append(cursor.fetchall())
    assert scores[0] == scores[1]
    assert any(score > 0 for _, score in scores[0]) and any(score == 0 for _, score in scores[0])


def test_the_locale_is_found_through_its_index_only_when_nothing_else_narrows_the_documents():
    """Issue 17: with a full-text match (or a facet value) the planner is left no index on the locale, so the
    match's own GIN index finds the rows; for a word in nearly every document it took the locale's index and
    tested every row's vector ("council" at 100,000 pages, 328 ms against 28). Alone, the locale's index counts."""
    documents = database.PostgresDocuments("en")
    assert 'WHERE "library_search_searchdocument".locale = %s' in documents.sql()[0]
    match = database.vector_matches(documents.table, database.analyse_query("council"), every=True)
    sql, params = documents.filter(match).sql()
    assert "WHERE (\"library_search_searchdocument\".locale || '') = %s AND (" in sql
    assert params[0] == "en"
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # as the search's transaction has it
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = [row[0] for row in cursor.fetchall()]
    assert not [line for line in plan if "Index" in line and "locale" in line], plan
    assert any("library_search_vector_gin" in line for line in plan), plan
