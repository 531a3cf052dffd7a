"""The embedded engine: the SearchDocument table, searched with PostgreSQL full-text or SQLite FTS5.

Both flavours share everything but three questions, answered in SQL by a flavour class: which documents
match each query term and how well (:meth:`match`), and how to read and highlight a page of hits
(:meth:`shown`). Ranking puts documents that match more of the query's terms first (so "school
admissions appeal" prefers the page about appeals), then the engine's own weighted rank (title and
service names weigh most), then an LGSL code typed exactly.
"""

import json
import math
import os
import re
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice

from django.core.cache import caches
from django.db import DatabaseError, connection, transaction
from django.db.models import F
from django.db.models.functions import Lower
from django.utils import timezone

from library import version

from ..documents import LibraryEntries, PageUrls, Visibility, entry_units, unit_entries
from ..facets import all_facet_counts
from ..models import SearchDocument, SearchIndexState, SearchWord
from ..query import MARK_END, MARK_START, SearchHit, SearchResults, best_passage
from ..synonyms import STOPWORDS, WORD, QueryTerm, analyse_query, english_stem, synonym_groups, title_scorer, words
from .base import SearchEngine, SearchEngineUnavailable, suggest_spelling
from .facet_sets import facet_sets, generation_text, ids_from_bytes, known_size

FTS_TABLE = "library_search_fts"
FTS_COLUMNS = ("title", "service_names", "keywords", "summary", "body")


REBUILD_BATCH = 500
# Documents per COPY statement in a PostgreSQL rebuild.
COPY_BATCH = 2000

# The matches ranked in full (Python's title_bonus on top of SQL's order): the rest follow in SQL's order.
TOP_RANKED = 200
# Fewer candidates than this are looked through for titled ones; from this many, titles are found first.
FEW_CANDIDATES = 1000
# Every query term is required while that leaves at least this many documents; below it, any term.
EVERY_TERM_MINIMUM = 10
# Times the candidates are read again when the index moves between reading them and the facet sets.
READ_AGAIN = 3


def batched(iterable, size):
    """``batched("abcde", 2)`` → ``["a", "b"], ["c", "d"], ["e"]`` (itertools.batched is Python 3.12)."""
    iterator = iter(iterable)
    while batch := list(islice(iterator, size)):
        yield batch


def document_fields(entry):
    return {
        "kind": entry.kind,
        "locale": entry.locale,
        "page_id": entry.page_id,
        "service_id": entry.service_id,
        "title": entry.title,
        "slug": entry.slug,
        "url": entry.url,
        "summary": entry.summary,
        "service_names": entry.service_names,
        "keywords": entry.keywords,
        "body": entry.body,
        "lgsl_codes": entry.lgsl_codes,
        "facets": entry.facets,
    }


class DatabaseEngine(SearchEngine):
    name = "database"
    keeps_answers = True  # every write moves the index's generation (index_changed)

    @property
    def flavour(self):
        return PostgresFlavour() if connection.vendor == "postgresql" else SqliteFlavour()

    # ----- indexing -----------------------------------------------------------------------------

    def ping(self):
        try:
            connection.ensure_connection()
        except DatabaseError as error:
            raise SearchEngineUnavailable(str(error)) from error

    def upsert(self, entries):
        try:
            with transaction.atomic():
                found = {}
                for entry in entries:
                    self._save(entry)
                    found.setdefault(entry.locale, set()).update(entry_words(entry))
                save_words(found)
                index_changed()
        except DatabaseError as error:
            raise SearchEngineUnavailable(str(error)) from error

    def _save(self, entry):
        SearchDocument.objects.update_or_create(key=entry.key, defaults=document_fields(entry))

    def delete(self, keys):
        try:
            with transaction.atomic():
                SearchDocument.objects.filter(key__in=list(keys)).delete()
                index_changed()
        except DatabaseError as error:
            raise SearchEngineUnavailable(str(error)) from error

    def rebuild(self, entries, progress=None, recompute_vectors=False):
        """Replace every document; searches see the old index until the new one is complete.

        PostgreSQL: the documents are copied (``COPY``) into a new table without indexes, which are built
        afterwards, and the new table takes the old one's place in the same transaction (see
        :class:`PostgresRebuild`). Called outside a transaction (``manage.py rebuild_search_index``), the
        library's entries (:class:`~search.documents.LibraryEntries`) are built in worker processes, one a
        core (:func:`write_in_workers`), and other entries on this thread while a second connection writes
        them (:func:`write_alongside`), so that the database analyses one batch while the next is built.
        SQLite: the old rows are deleted and the new ones inserted in bulk in one transaction. The
        vocabulary is rewritten in the same transaction.
        """
        found = {}

        def collected(entries):
            # Each locale's distinct tokens first, their words once at the end: the same words as each
            # entry's entry_words, the regular expression reading a token once per library, not per document.
            tokens = {}
            for entry in entries:
                tokens.setdefault(entry.locale, set()).update(entry_tokens(entry))
                if progress:
                    progress(entry)
                yield entry
            found.update((locale, words_in_tokens(distinct)) for locale, distinct in tokens.items())

        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            if isinstance(entries, LibraryEntries) and REBUILD_WORKERS > 1:
                return write_in_workers(entries.keys, progress, recompute_vectors)
            return write_alongside(collected(entries), found, recompute_vectors)
        return write_index(collected(entries), found, recompute_vectors=recompute_vectors)

    def _rebuild_rows(self, entries):
        """Every document deleted and inserted again, ``REBUILD_BATCH`` at a time (in the caller's transaction).

        Not TRUNCATE, whose lock would make searches wait for the rebuild."""
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(SearchDocument._meta.db_table)}")  # noqa: S608
        count = 0
        for batch in batched(entries, REBUILD_BATCH):
            SearchDocument.objects.bulk_create(
                SearchDocument(key=entry.key, **document_fields(entry)) for entry in batch
            )
            count += len(batch)
        return count

    # ----- searching ----------------------------------------------------------------------------

    def search(self, query):
        terms = analyse_query(query.text)
        if not terms:
            return self.browse(query)
        documents = self.flavour.documents(query.locale)
        with transaction.atomic():  # PostgreSQL's typo threshold is set for this transaction only
            kept = KeptCounts(query.locale)
            match = self.flavour.match(documents, terms)
            read = {}  # the ids of the documents with every term, when read to count them (not kept)
            every = kept.get_or_count(("every", terms), lambda: every_count(match, read, kept))
            suggestion = ""
            # "Did you mean" only when no document matches every word as typed (in any form or synonym).
            if not every:
                suggestion = self.suggestion(query, kept.current_generation())
                if suggestion:
                    terms = with_corrections(terms, query.text, suggestion)
                    match = self.flavour.match(documents, terms)
                    read = {}
                    every = kept.get_or_count(("every", terms), lambda: every_count(match, read, kept))
            # Every term required, unless that leaves too few to choose from; then any term, and when not
            # one document matches every term (a typo), titles that look like the query too.
            require_every = every >= EVERY_TERM_MINIMUM
            candidates = match.candidates(require_every, look_alikes=not every)
            filtered = apply_filters(candidates, query.filters)
            locale_size = known_size(query.locale, kept.current_generation())
            ranker = Ranker(terms, match.weights(require_every, locale_size), query.text)
            # Unfiltered, every term required: the candidates are the ones counted above.
            known = every if require_every and not query.filters else None
            # And, when counted in this request (not kept), their ids.
            known_ids = read.get("ids") if known is not None else None
            wanted = query.offset + query.page_size
            ranked, total = match.ranked(filtered, require_every, ranker, wanted, known, query.offset, known_ids)
            page_rows = ranked[query.offset : query.offset + query.page_size]
            shown = self.flavour.shown([row.pk for row in page_rows], terms) if page_rows else {}
            hits = [hit(shown[row.pk][0], ranker.score(row), *shown[row.pk][1:]) for row in page_rows]

            def count_facets():
                # The ids read to count every term's documents, or to rank the candidates when unfiltered.
                found = read.get("ids") if require_every else None if query.filters else match.read
                return self.facet_rows(candidates, query, kept, found)

            if query.filters:
                counted = count_facets()
            else:  # the same for every page and every later request until the index or library changes
                counted = kept.get_or_count(("facets", terms, require_every, tuple(query.facets)), count_facets)
            facets = all_facet_counts(counted, query)
        return SearchResults(query=query, hits=hits, total=total, facets=facets, suggestion=suggestion)

    def browse(self, query):
        """No words: every document passing the filters, by title."""
        documents = SearchDocument.objects.filter(locale=query.locale)
        filtered = apply_filters(documents, query.filters)
        page = filtered.order_by(Lower("title"), "pk").values(*HIT_FIELDS)[
            query.offset : query.offset + query.page_size
        ]
        kept = KeptCounts(query.locale)

        def count_facets():
            sets = facet_sets(query.locale, kept.current_generation())
            return sets.counts(sets.everything(), query.filters, query.facets)

        if query.filters:
            total, counted = filtered.count(), count_facets()
        else:  # every document: the same count and facets for every request until the index changes
            total = kept.get_or_count(("browse",), filtered.count)
            counted = kept.get_or_count(("browse", tuple(query.facets)), count_facets)
        facets = all_facet_counts(counted, query)
        return SearchResults(query=query, hits=[hit(document, 0.0) for document in page], total=total, facets=facets)

    def facet_rows(self, candidates, query, kept, read=None):
        """``{facet: {value: count}}`` over the candidates; a facet's values are counted over the candidates
        passing every filter but its own (:meth:`FacetSets.counts`), from the candidates' ids (``read``, a
        :class:`CandidateIds`, when the search has them; else read here with the index's generation) and
        this process's facet sets at that generation. Should the index move between the two (a write in
        between), the candidates are read again. ``kept`` (:class:`KeptCounts`) gives SQLite the generation."""
        if not query.facets:
            return {}
        for _ in range(READ_AGAIN):
            if read is None:
                read = self.flavour.candidate_ids(candidates, kept)
            sets = facet_sets(query.locale, read.generation)
            if sets.generation == read.generation:
                break
            read = None
        else:  # written to on every try: the newest sets and the candidates as last read (nearly exact)
            read = self.flavour.candidate_ids(candidates, kept)
        return sets.counts(sets.bits(read.ids), query.filters, query.facets)

    def suggestion(self, query, generation):
        known, stems = vocabulary(query.locale, generation)
        return suggest_spelling(query.text, known, stems)

    def autocomplete(self, prefix, locale, limit=8):
        prefix = " ".join(words(prefix))
        if len(prefix) < 2:
            return []
        documents = SearchDocument.objects.filter(locale=locale)
        starts = documents.filter(title__istartswith=prefix).order_by("title")
        within = documents.filter(title__icontains=f" {prefix}").exclude(title__istartswith=prefix).order_by("title")
        seen = []
        for document in [*starts[:limit], *within[:limit]]:
            if len(seen) < limit:
                seen.append({"title": document.title, "url": document.url, "kind": document.kind})
        return seen


@dataclass
class CandidateIds:
    """A search's candidates' ids, as one statement read them, and the index's generation it saw."""

    generation: str
    ids: object  # a sequence of ids


def every_count(match, read, kept):
    """How many documents have every term of ``match``: their ids read (kept in ``read["ids"]`` for counting
    their facets) and counted."""
    read["ids"] = match.every_ids(kept)
    return len(read["ids"].ids)


def ranked_row(pk, title, lgsl_codes, covered, rank, similarity):
    """A ranked candidate from its statement's columns: ``ts_rank`` plus a share of the title's likeness
    (all of it when no term is covered, a fifth otherwise), squashed into 0–1."""
    rank = float(rank or 0) + 0.5 * float(similarity or 0) * (1 if not any(covered) else 0.2)
    return Row(pk, title, lgsl_codes, covered, rank / (1 + rank))


def index_changed():
    """Move the index's generation, in the writer's transaction (counts kept under the old one are not read
    again)."""
    now = timezone.now()
    if not SearchIndexState.objects.filter(pk=1).update(generation=F("generation") + 1, changed_at=now):
        SearchIndexState.objects.get_or_create(pk=1, defaults={"generation": 1, "changed_at": now})


def index_generation():
    """The index's generation and when it moved, e.g. ``"42@2026-12-02 05:40:01.5+00:00"`` (``"0"`` if never)."""
    with connection.cursor() as cursor:  # one fixed statement, not compiled by the ORM every search
        cursor.execute(INDEX_GENERATION_SQL)
        row = cursor.fetchone()
    return generation_text(*row) if row else "0"


INDEX_GENERATION_SQL = f'SELECT generation, changed_at FROM "{SearchIndexState._meta.db_table}" WHERE id = 1'  # noqa: S608


class KeptCounts:
    """Counts a search keeps for the next one (in ``library.version.PAGES_CACHE``): the documents with every
    term, and the facet counts of an unfiltered query, e.g. for "council" (8,578 documents, 156,000 facet
    terms to count). Keyed on the library version and the index's generation (:func:`index_changed`): the
    worker updates the index after the library changes, so the library version alone would keep counts
    made in between. A count not kept is made exactly, as before."""

    cache_alias = version.PAGES_CACHE

    def __init__(self, locale):
        self.locale = locale
        self.generation = None

    def key(self, what):
        # The generation is read before any count, so a count is never newer than its key says.
        generation = self.current_generation()
        return version.cache_key("search-counts", connection.alias, generation, self.locale, repr(what))

    def current_generation(self):
        """The index's generation these counts are kept under (read once)."""
        if self.generation is None:
            self.generation = index_generation()
        return self.generation

    def get(self, what):
        return caches[self.cache_alias].get(self.key(what))

    def set(self, what, value):
        caches[self.cache_alias].set(self.key(what), value)

    def get_or_count(self, what, count):
        """The value kept under ``what``, else ``count()``'s, kept unless it is None."""
        value = self.get(what)
        if value is None:
            value = count()
            if value is not None:
                self.set(what, value)
        return value


def write_index(entries, found, locked=None, recompute_vectors=False, streamed=False):
    """Every document replaced by ``entries`` and the vocabulary by ``found`` (``{locale: {word}}``, complete
    once ``entries`` are exhausted), in one transaction on this thread's connection. ``locked()`` is called
    once the documents are locked against other writers (PostgreSQL); ``streamed``: the entries are not
    read on this connection (see :class:`PostgresRebuild`)."""
    if connection.vendor == "postgresql":
        now = timezone.now()
        blocks = ((copy_rows(batch, now), len(batch)) for batch in batched(entries, COPY_BATCH))
        return write_postgres(blocks, lambda: found, locked, recompute_vectors, streamed)
    with transaction.atomic():
        count = DatabaseEngine()._rebuild_rows(entries)
        replace_vocabulary(found, recompute_vectors)
        index_changed()
    return count


def write_postgres(blocks, words, locked=None, recompute_vectors=False, streamed=False):
    """:func:`write_index` on PostgreSQL from ``blocks`` of rows in COPY's text form (:func:`copy_rows`),
    ``(data, rows)`` each; ``words()`` gives the vocabulary once the new table is in place.

    A rebuild in a transaction of its own commits without waiting for the disk to have its WAL (a few
    hundred milliseconds for the new table's tens of megabytes): a crash in that moment can lose the
    rebuild, never the old index, and any later commit that is waited for (the next write) flushes it too."""
    own_transaction = not connection.in_atomic_block
    with transaction.atomic():
        if own_transaction:
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit = off")
        count = PostgresRebuild(locked, recompute_vectors, streamed).run(blocks)
        replace_vocabulary(words(), recompute_vectors)
        index_changed()
    return count


def replace_vocabulary(found, recompute_vectors=False):
    """The vocabulary replaced by ``found`` (in the caller's transaction)."""
    # The stems already worked out are kept (a word's stem depends on the word alone), unless the
    # text is to be analysed again.
    stems = {} if recompute_vectors else dict(SearchWord.objects.values_list("word", "stem"))
    table = connection.ops.quote_name(SearchWord._meta.db_table)
    # A plain DELETE: QuerySet.delete() would load every row to send post_delete for each (some
    # receivers listen to every model), and nothing listens for these.
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")  # noqa: S608
        if connection.vendor != "postgresql":
            save_words(found, stems)
            return
        # save_words' rows by COPY: each locale's words are distinct, and the table is empty now.
        rows = "".join(
            f"{copy_text(locale)}\t{copy_text(word)}\t{copy_text(stems.get(word) or english_stem(word))}\n"
            for locale, words_found in found.items()
            for word in words_found
        )
        with cursor.cursor.copy(f"COPY {table} (locale, word, stem) FROM STDIN") as copy:  # noqa: S608
            copy.write(rows.encode())


def copy_rows(entries, now):
    """``entries`` as :class:`PostgresRebuild`'s rows in COPY's text form (UTF-8): tab-separated columns,
    a row a line, ``\\N`` for NULL, and backslash, newline, carriage return and tab escaped."""
    lines = []
    for entry in entries:
        fields = document_fields(entry)
        fields.update(
            key=entry.key,
            lgsl_codes=json.dumps(fields["lgsl_codes"]),
            facets=json.dumps(fields["facets"]),
            updated_at=now.isoformat(),
        )
        lines.append("\t".join(map(copy_text, (fields[column] for column in PostgresRebuild.COLUMNS))))
    lines.append("")
    return "\n".join(lines).encode()


def copy_text(value):
    """One value in COPY's text form (``None`` is NULL's ``\\N``; backslash, newline, carriage return and
    tab escaped with a backslash)."""
    if value is None:
        return "\\N"
    value = str(value)
    for special, escaped in COPY_ESCAPES:
        if special in value:
            value = value.replace(special, escaped)
    return value


# The backslash first, so that the other escapes' backslashes are not doubled.
COPY_ESCAPES = (("\\", "\\\\"), ("\n", "\\n"), ("\r", "\\r"), ("\t", "\\t"))


class RebuildAbandoned(Exception):
    """The entries could not all be built; the writer rolls back."""


def write_alongside(entries, found, recompute_vectors=False):
    """:func:`write_index` on a thread of its own (so a connection of its own), fed batches of ``entries``
    built on this one: the two cores work at once. An error on either side rolls the new index back."""
    import queue
    import threading

    from django.db import connections

    batches = queue.Queue(maxsize=2)
    outcome = {}
    done = object()
    locked = threading.Event()

    def fed():
        while (batch := batches.get()) is not done:
            if isinstance(batch, BaseException):
                raise RebuildAbandoned from batch
            yield from batch

    def write():
        try:
            outcome["count"] = write_index(fed(), found, locked.set, recompute_vectors, streamed=True)
        except BaseException as error:  # noqa: BLE001  (handed to the caller below)
            outcome["error"] = error
        finally:
            connections.close_all()

    writer = threading.Thread(target=write, name="search-rebuild-writer")
    writer.start()

    def put(item):
        while writer.is_alive():
            try:
                batches.put(item, timeout=0.5)
                return True
            except queue.Full:
                continue
        return False

    # No entry is built before the writer holds its lock: an update landing before it would be lost.
    while writer.is_alive() and not locked.wait(timeout=0.5):
        continue
    try:
        for batch in batched(entries, COPY_BATCH):
            if not put(batch):
                break
        else:
            put(done)
    except BaseException as error:
        put(error)
        writer.join()
        raise
    writer.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["count"]


# Processes building a rebuild's entries (write_in_workers): one a core, the database's backend sharing them.
# SEARCH_REBUILD_WORKERS=1 builds them in this process instead.
REBUILD_WORKERS = int(os.environ.get("SEARCH_REBUILD_WORKERS") or min(4, max(2, os.cpu_count() or 1)))


@dataclass(frozen=True)
class Built:
    """What a rebuild's ``progress`` is told of an entry built in a worker: its locale and kind."""

    locale: str
    kind: str


def write_in_workers(keys, progress=None, recompute_vectors=False):
    """:func:`write_index` for every entry of ``keys``, built in ``REBUILD_WORKERS`` forked processes.

    Each worker takes the next of :func:`~search.documents.entry_units`' units, builds its entries on a
    connection of its own and sends them back as COPY's rows (:func:`copy_rows`) with their words; this
    process writes the units into the new table in their order, so the documents, their ids and the
    vocabulary are the same as one process building every entry would write, in one transaction. The
    Python work (reading the StreamFields' JSON, most of a rebuild) runs on every core while the database
    analyses what has arrived. No entry is built before the documents are locked against other writers (an
    update landing before would be lost); a worker failing rolls the new index back."""
    import multiprocessing
    import queue
    import threading
    import traceback
    from multiprocessing.connection import wait

    from django.db import connections

    units = entry_units(keys)
    fork = multiprocessing.get_context("fork")
    go = fork.Event()
    claimed = fork.Value("i", 0)
    now = timezone.now()
    visibility, urls = Visibility(), PageUrls().prepare()  # read once, here, and inherited by the workers

    def work(pipe):
        own_connections()
        try:
            while not go.wait(timeout=1):
                if not multiprocessing.parent_process().is_alive():
                    return
            built = []
            while True:
                with claimed.get_lock():
                    index = claimed.value
                    claimed.value += 1
                if index >= len(units):
                    break
                entries = list(unit_entries(units[index], visibility, urls))
                pipe.send(("unit", index, copy_rows(entries, now), [(e.locale, e.kind) for e in entries]))
                built += entries
            # The words last: the writing process needs them only once the new table's indexes are built.
            tokens = {}
            for entry in built:
                tokens.setdefault(entry.locale, set()).update(entry_tokens(entry))
            pipe.send(("words", {locale: words_in_tokens(distinct) for locale, distinct in tokens.items()}))
        except BaseException:  # noqa: BLE001  (sent to the writing process, which rolls back)
            pipe.send(("error", traceback.format_exc()))
        finally:
            connections.close_all()

    # A forked process must not use this one's connections: closed here, and each worker opens its own
    # (own_connections: not every connection this process holds is one close_all() can see).
    connections.close_all()
    workers, finished, receiver = [], False, None
    try:
        for _ in range(min(REBUILD_WORKERS, len(units)) or 1):
            reader, writer = fork.Pipe(duplex=False)
            process = fork.Process(target=work, args=(writer,), name="search-rebuild-worker", daemon=True)
            process.start()
            writer.close()
            workers.append((process, reader))
        found, inbox = {}, queue.Queue()

        def receive():
            # On a thread of its own, so that a worker never waits to hand over a unit while this process
            # waits for the database.
            reading = [reader for _, reader in workers]
            while reading:
                for reader in wait(reading):
                    try:
                        message = reader.recv()
                    except (EOFError, OSError):
                        message = ("stopped",)
                    if message[0] != "unit":
                        reading.remove(reader)
                    inbox.put(message)

        receiver = threading.Thread(target=receive, name="search-rebuild-receiver", daemon=True)
        receiver.start()

        arrived, worded = {}, []

        def receive_one():
            message = inbox.get()
            if message[0] == "stopped":
                raise RebuildAbandoned("A process building the search index's entries stopped.")
            if message[0] == "error":
                raise RebuildAbandoned(f"Building the search index's entries failed:\n{message[1]}")
            if message[0] == "words":
                for locale, words_found in message[1].items():
                    found.setdefault(locale, set()).update(words_found)
                worded.append(True)
            else:
                arrived[message[1]] = message[2:]

        def blocks():
            for written in range(len(units)):
                while written not in arrived:
                    if len(worded) == len(workers):
                        raise RebuildAbandoned(f"Units {written}… of {len(units)} of entries were not built.")
                    receive_one()
                data, built = arrived.pop(written)
                if progress:
                    for locale, kind in built:
                        progress(Built(locale, kind))
                yield data, len(built)

        def words():
            while len(worded) < len(workers):
                receive_one()
            return found

        count = write_postgres(blocks(), words, go.set, recompute_vectors, streamed=True)
        finished = True
        return count
    finally:
        for process, _ in workers:
            if not finished:
                process.terminate()  # this rebuild's own workers, no longer wanted
            process.join()
        if receiver:
            receiver.join()
        for _, reader in workers:
            reader.close()


def own_connections():
    """In a forked process, before any query: a new, unopened connection for every database, whatever the
    forking process's connection handler holds, left unclosed (it is the other process's to close).

    ``connections.close_all()`` before the fork is not enough. With an asyncio event loop running in the
    forking thread (Playwright's sync API leaves one; so may an async server), Django keeps that thread's
    connections apart from those its sync code opened earlier, and closes only the first. In the forked
    process, where no loop runs, the handler finds the sync side's instead, still open: every worker would
    send its queries down the one socket and read each other's answers."""
    from django.db import connections

    for alias in connections:
        connections[alias] = connections.create_connection(alias)


# The columns a hit shows (not the body and the other long text, which only the highlighting reads).
HIT_FIELDS = ("pk", "key", "kind", "title", "url", "summary", "slug", "page_id", "service_id", "lgsl_codes", "facets")


def hit(document, score, title_marked="", snippet_marked=""):
    """A :class:`SearchHit` from ``document``'s ``HIT_FIELDS`` (a ``values()`` row)."""
    fields = {name: document[name] for name in HIT_FIELDS[1:]}
    return SearchHit(**fields, score=round(score, 4), title_marked=title_marked, snippet_marked=snippet_marked)


@dataclass(frozen=True)
class Row:
    """A matching document as ranking sees it: whether each term matched, and the flavour's rank (under 1)."""

    pk: int
    title: str
    lgsl_codes: object  # its JSON text on PostgreSQL, decoded only when the query has a code (:meth:`codes`)
    covered: tuple
    rank: float

    def codes(self):
        codes = json.loads(self.lgsl_codes) if isinstance(self.lgsl_codes, str) else self.lgsl_codes
        return set(codes or ())


class Ranker:
    """The final order of matches: terms matched first (weighted, :func:`term_weights`), then an LGSL code
    typed exactly, then how much of the title is what was asked (:func:`title_bonus`), then the flavour's
    own weighted rank. The flavours put the likely best ``TOP_RANKED`` first in SQL; only those are scored
    here."""

    def __init__(self, terms, weights, text):
        self.terms = terms
        self.weights = weights
        self.typed_codes = {w for w in words(text) if w.isascii() and w.isdigit()}
        self.title_bonuses = {}  # many documents share a title (a pattern adopted by many councils)
        self.title_bonus = title_scorer(terms)

    def bonus(self, title):
        if title not in self.title_bonuses:
            self.title_bonuses[title] = self.title_bonus(title)
        return self.title_bonuses[title]

    def score(self, row):
        coverage = sum(weight for weight, hit in zip(self.weights, row.covered, strict=False) if hit)
        code_bonus = 1 if self.typed_codes and self.typed_codes & row.codes() else 0
        return 10 * (coverage + code_bonus) + self.bonus(row.title) + row.rank

    def order(self, rows):
        """``rows`` best first; ties by title."""
        return sorted(rows, key=lambda row: (-self.score(row), row.title.lower()))


def term_weights(frequencies, total):
    """Each query term's weight, 1 for the rarest: a word in fewer documents says more about what is
    wanted, so "report flooding" puts the flood services above every page that mentions reports.

    The weight is the term's inverse document frequency over the rarest term's, e.g. in 1,500
    documents a term in 10 weighs 1 and one in 65 weighs about 0.63.
    """
    if not frequencies:
        return ()
    idf = [math.log((total + 1) / (frequency + 0.5)) for frequency in frequencies]
    rarest = max(idf) or 1.0
    return tuple(value / rarest for value in idf)


def with_corrections(terms, text, suggestion):
    """Let a misspelt word also match its correction, so "recyling" finds "recycling" on any database."""
    corrected = dict(zip(words(text), words(suggestion), strict=False))
    out = []
    for term in terms:
        extra = []
        for phrase in term.alternatives[:1]:
            fixed = tuple(corrected.get(w, w) for w in phrase)
            if fixed != phrase:
                extra.append(fixed)
        # The correction stands in for what was typed; the misspelling stays in case it is a real word.
        out.append(QueryTerm(tuple(extra) + term.alternatives) if extra else term)
    return out


def apply_filters(documents, filters):
    """Any selected value within a facet, every facet with a selection."""
    flavour = PostgresFlavour if connection.vendor == "postgresql" else SqliteFlavour
    for facet, values in filters.items():
        documents = documents.filter(flavour.has_facet_value(facet, values))
    return documents


# ----- the vocabulary ("did you mean") ------------------------------------------------------------

MAX_WORD_LENGTH = 100  # SearchWord.word; longer "words" are not worth suggesting


def entry_words(entry):
    """The words of an entry's searchable text, e.g. ``{"report", "a", "missed", "bin"}``."""
    return words_in_tokens(entry_tokens(entry))


def entry_tokens(entry):
    """The distinct lower-cased space-separated tokens of an entry's searchable text (``{"bin!", "report"}``)."""
    text = " ".join(
        text or "" for text in (entry.title, entry.service_names, entry.keywords, entry.summary, entry.body)
    )
    return set(text.lower().split())


def words_in_tokens(tokens):
    """What words() gives for the tokens (``{"bin!"}`` → ``{"bin"}``), each distinct word once."""
    found = set()
    # A word never holds a space, so the words of a text's distinct space-separated tokens are the text's
    # words: the regular expression reads each distinct token once rather than the whole text.
    for word in set(WORD.findall(" ".join(tokens))):
        word = word.strip("'")
        if word and len(word) <= MAX_WORD_LENGTH:
            found.add(word)
    return found


def save_words(words_by_locale, stems=None):
    """Add ``{locale: {word}}`` to the vocabulary (words already there are left alone); ``stems`` holds
    stems already known (``{word: stem}``)."""
    stems = stems or {}
    SearchWord.objects.bulk_create(
        (
            SearchWord(locale=locale, word=word, stem=stems.get(word) or english_stem(word))
            for locale, found in words_by_locale.items()
            for word in found
        ),
        batch_size=2000,
        ignore_conflicts=True,
    )


_vocabulary_cache = {}


def vocabulary(locale, generation):
    """``(words, stems)``: every word of the locale's documents (the indexer's ``SearchWord`` rows) and of
    the synonym list, and their English stems, for "did you mean". Kept per process under the index's
    ``generation`` (:func:`index_generation`): the vocabulary is written only beside the documents, in the
    same transaction as :func:`index_changed`, so a new generation is the only sign of a new vocabulary,
    and no statement is needed to tell that it is unchanged (counting the locale's words took 3 ms at
    10,000 pages)."""
    cache_key = (connection.alias, locale, generation)
    if cache_key not in _vocabulary_cache:
        known, stems = set(), set()
        for word, stem in SearchWord.objects.filter(locale=locale).values_list("word", "stem").iterator():
            known.add(word)
            stems.add(stem)
        for group in synonym_groups():
            for phrase in group:
                known.update(phrase)
                stems.update(english_stem(word) for word in phrase)
        _vocabulary_cache.clear()
        _vocabulary_cache[cache_key] = (known, frozenset(stems))
    return _vocabulary_cache[cache_key]


# ----- PostgreSQL ---------------------------------------------------------------------------------


def tsquery(terms, every):
    """``(sql, params)`` of the tsquery for ``terms``: each term any of its alternatives, every word of an
    alternative anywhere ("bulky waste" finds "Bulky household waste collections"); the terms joined by
    AND when ``every``, else by OR. E.g. ``(plainto_tsquery('english', %s) || plainto_tsquery(…)) && …``."""
    parts, params = [], []
    for term in terms:
        sql, term_params = term_tsquery(term)
        parts.append(sql)
        params += term_params
    return "(" + (" && " if every else " || ").join(parts) + ")", params


def term_tsquery(term):
    alternatives = [" ".join(phrase) for phrase in term.alternatives]
    return "(" + " || ".join(["plainto_tsquery('english', %s)"] * len(alternatives)) + ")", alternatives


def vector_matches(table, terms, every):
    """The boolean expression "the stored vector of ``table`` matches", answered from the GIN index."""
    from django.db.models import BooleanField
    from django.db.models.expressions import RawSQL

    sql, params = tsquery(terms, every)
    return RawSQL(f"{table}.search_vector @@ {sql}", params, output_field=BooleanField())  # noqa: S611


def any_term_matches(table, terms, look_alike=None):
    """The boolean expression "the document of ``table`` has any of ``terms``" (or, with ``look_alike``,
    a title with a word like it, by trigram word similarity over the threshold, from the title's trigram
    index). Without look-alikes, one tsquery of the terms ORed, answered by the full-text index (the search's
    transaction has sequential scans off, :meth:`PostgresFlavour.match`): "apply council tax planning bin"
    takes 24 ms to find, against 32 ms with each term's documents found apart and joined (and 82 ms when
    the planner read every document instead, before sequential scans were off). With look-alikes, each
    term's documents and the look-alike titles are found apart and joined."""
    from django.db.models import BooleanField
    from django.db.models.expressions import RawSQL

    if look_alike is None:
        return vector_matches(table, terms, every=False)
    parts, params = [], []
    for term in terms:
        sql, term_params = term_tsquery(term)
        parts.append(f"SELECT m.id FROM {table} m WHERE m.search_vector @@ {sql}")  # noqa: S608
        params += term_params
    if look_alike is not None:
        parts.append(f"SELECT m.id FROM {table} m WHERE %s <%% m.title")  # noqa: S608
        params.append(look_alike)
    return RawSQL(f"{table}.id IN ({' UNION ALL '.join(parts)})", params, output_field=BooleanField())  # noqa: S611


class PostgresMatch:
    """One query's matches on PostgreSQL. Nothing here reads the big weighted vector of every match (a
    common word such as "council" matches nine documents in ten, and unpacking each vector cost more than
    the rest of the search): matching and counting go through the GIN index, the order of all matches is
    by the small ``title_vector``, and ``ts_rank`` reads the vectors of the ``TOP_RANKED`` first only."""

    def __init__(self, documents, terms):
        self.documents = documents
        self.terms = terms
        self.table = connection.ops.quote_name(SearchDocument._meta.db_table)
        self.text = " ".join(term.typed for term in terms)
        self.read = None  # the ranked candidates' ids, when ranking read them (:meth:`ranked_in_full`)

    def matching(self, terms, every):
        return self.documents.filter(vector_matches(self.table, terms, every))

    def every_ids(self, kept):
        return PostgresFlavour.candidate_ids(self.matching(self.terms, every=True), kept)

    def candidates(self, every, look_alikes=False):
        if every:
            return self.matching(self.terms, every)
        if not look_alikes:
            return self.documents.filter(any_term_matches(self.table, self.terms))
        with connection.cursor() as cursor:
            # The trigram operator's threshold (0.6 by default) lowered to the 0.5 typos need, for this
            # transaction only, so the title's trigram index finds them.
            cursor.execute("SELECT set_config('pg_trgm.word_similarity_threshold', '0.5', true)")
        return self.documents.filter(any_term_matches(self.table, self.terms, look_alike=self.text))

    def weights(self, every, locale_size=None):
        """All 1 when every term is required (every candidate has them all); else by each term's documents.
        ``locale_size``: how many documents the locale has, when known (:func:`facet_sets.known_size`); else
        counted here too (at 10,000 pages 0.8 ms of the database's CPU, more than the terms' counts)."""
        if every or len(self.terms) == 1:
            return (1.0,) * len(self.terms)
        counts, params = [], []
        for term in self.terms:
            sql, term_params = self.matching([term], True).sql()
            counts.append(f"(SELECT COUNT(*) FROM ({sql}) t)")  # noqa: S608  (built here, words as parameters)
            params += term_params
        if locale_size is None:
            total_sql, total_params = self.documents.sql()
            counts.append(f"(SELECT COUNT(*) FROM ({total_sql}) d)")  # noqa: S608
            params += total_params
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {', '.join(counts)}", params)
            found = cursor.fetchone()
        frequencies = found[: len(self.terms)]
        return term_weights(frequencies, locale_size if locale_size is not None else found[-1])

    def ranked(self, filtered, every, ranker, wanted, total=None, shown=0, known_ids=None):
        """``(rows best first, total)``: every candidate ordered by an LGSL code typed, the terms covered,
        then how much of the title was asked for, all from the row itself; the first
        ``max(TOP_RANKED, wanted)``, of which the first ``TOP_RANKED`` and those from position ``shown`` on
        (the page) have their ``ts_rank`` and the title's likeness to the query (the others' are not read:
        a deep page read the vector of every row before it). The first ``TOP_RANKED`` are then put in the
        ranker's order. ``total``, when the caller knows it (the count of every term's matches, unfiltered),
        saves counting again; ``known_ids``, the :class:`CandidateIds` of those candidates when read, saves
        finding them again.

        When every term is required and no LGSL code is typed, only the title score tells candidates apart,
        so the order is found in two tiers (:meth:`ranked_by_title`); otherwise in one statement over every
        candidate (:meth:`ranked_in_full`)."""
        filtered_sql, filtered_params = filtered.sql()
        if every and not ranker.typed_codes and self.title_words() is not None:
            return self.ranked_by_title(
                filtered, filtered_sql, filtered_params, ranker, wanted, total, shown, known_ids
            )
        return self.ranked_in_full(filtered, every, ranker, wanted, shown)

    def title_words(self):
        """``(words, prefixes)``: the query's words a title must have (its stem, or a word starting with the
        prefix) for its title score to be above 0; None when some alternative is all stopwords (then every
        title scores)."""
        ways = self.title_ways()
        if not all(ways):
            return None
        found, prefixes = [], []
        for word in (word for way in ways for word in way):
            if word not in found:
                found.append(word)
                prefix = r"\m" + re.escape(word[:6])
                if len(word) >= 6 and prefix not in prefixes:
                    prefixes.append(prefix)
        return found, prefixes

    def title_ways(self):
        """Each alternative's words, stopwords left out, e.g. ``[["register", "birth"], ["births"]]``: a title
        scores above 0 when it has every word of one of them (its stem, or a word starting with its first six
        letters); an alternative of stopwords only is an empty list."""
        ways = []
        for term in self.terms:
            for phrase in term.alternatives:
                meaningful = [word for word in phrase if word not in STOPWORDS]
                if meaningful not in ways:
                    ways.append(meaningful)
        return ways

    def ranked_by_title(self, filtered, filtered_sql, filtered_params, ranker, wanted, total, shown=0, known_ids=None):
        """The candidates whose title scores (found by :meth:`titled`, then scored), by score, then the others
        by id: the same order as :meth:`ranked_in_full` when every candidate has every term, without scoring
        every title (a common word matches nine documents in ten, and few of their titles).

        The others by id come from ``known_ids`` when the candidates' ids were read to count them (unfiltered):
        the first ``limit`` of them are looked up by key. Finding them again through the index, all of them
        (5,000 for "register a birth") to keep the first 200 by id, was about 2.4 ms of the database's CPU."""
        limit = max(TOP_RANKED, wanted)
        titled_sql, titled_params = self.titled(filtered, total)
        title_sql, title_params = self.title_score()
        query_sql, query_params = tsquery(self.terms, every=False)
        # The titled candidates first (MATERIALIZED), and scored before the score is compared (OFFSET 0):
        # otherwise the planner pushes "score > 0" down and scores every title in the table.
        needed = "w.rn <= %s OR w.rn > %s"  # the rows ranked in full, and the page's
        scored = (
            f"WITH t (id, title, lgsl_codes, title_vector) AS MATERIALIZED ({titled_sql}) "  # noqa: S608
            f"SELECT w.id, w.title, w.lgsl_codes, "
            f"CASE WHEN {needed} THEN ts_rank(d.search_vector, {query_sql}, 1) END, "
            f"CASE WHEN {needed} THEN word_similarity(%s, w.title) END FROM ("
            f"SELECT s.*, row_number() OVER (ORDER BY s.title_score DESC, s.id) AS rn FROM ("
            f"SELECT d.id, d.title, d.lgsl_codes, {title_sql} AS title_score "
            f"FROM t d OFFSET 0) s WHERE s.title_score > 0 "
            f"ORDER BY s.title_score DESC, s.id LIMIT %s) w "
            f"JOIN {self.table} d ON d.id = w.id ORDER BY w.rn"
        )
        with connection.cursor() as cursor:
            cursor.execute(
                scored,
                [
                    *titled_params,
                    *(TOP_RANKED, shown),
                    *query_params,
                    *(TOP_RANKED, shown, self.text),
                    *title_params,
                    limit,
                ],
            )
            fetched = cursor.fetchall()
            if len(fetched) < limit:
                # The rest by id: the first ``limit`` candidates by id hold enough that are not above. The
                # candidates are found through the index first (MATERIALIZED): walking the ids in order and
                # testing each document's vector read 6,000 vectors for "school admissions".
                # A row's place here, less the rows above that it passes over, is its place after them: it may
                # be ranked in full or on the page only if ``rn`` is at most TOP_RANKED or over this.
                after = shown - len(fetched)
                if known_ids is not None:  # the first by id, numbered
                    first_sql = "SELECT * FROM unnest(%s::bigint[]) WITH ORDINALITY w (id, rn)"
                    first_params = [sorted(known_ids.ids)[:limit]]  # nearly in order already: a quick sort
                else:
                    first_sql = (
                        f"WITH c (id) AS MATERIALIZED ({filtered_sql}) "  # noqa: S608
                        "SELECT c.id, row_number() OVER (ORDER BY c.id) AS rn FROM c ORDER BY c.id LIMIT %s"
                    )
                    first_params = [*filtered_params, limit]
                cursor.execute(
                    f"SELECT w.id, d.title, d.lgsl_codes, "  # noqa: S608
                    f"CASE WHEN {needed} THEN ts_rank(d.search_vector, {query_sql}, 1) END, "
                    f"CASE WHEN {needed} THEN word_similarity(%s, d.title) END FROM ({first_sql}) w "
                    f"JOIN {self.table} d ON d.id = w.id ORDER BY w.id",
                    [TOP_RANKED, after, *query_params, TOP_RANKED, after, self.text, *first_params],
                )
                above = {row[0] for row in fetched}
                fetched += [row for row in cursor.fetchall() if row[0] not in above][: limit - len(fetched)]
        covered = (True,) * len(self.terms)
        rows = [
            ranked_row(pk, title, lgsl_codes, covered, rank, similarity)
            for pk, title, lgsl_codes, rank, similarity in fetched
        ]
        if total is None:
            total = filtered.count() if rows else 0
        return ranker.order(rows[:TOP_RANKED]) + rows[TOP_RANKED:], total

    def titled(self, filtered, total=None):
        """``(sql, params)``: the candidates of ``filtered`` whose title may score (:meth:`title_score`), with
        the columns scoring reads: a superset of those with every word of one of :meth:`title_ways` (its stem,
        or a word starting with its six letters, as the score tests them). ``total``: how many candidates
        there are, when known.

        Among few candidates (under ``FEW_CANDIDATES``), those with any of the words' stems or six-letter
        starts: the title tests are answered with the search's own index, and the few vectors the trigram
        test has them reread cost less than the steps below.

        Otherwise most are found from the index on ``title_vector`` alone, with the words' six-letter starts
        as prefix lexemes (``'regist':*``), so the search's big vector is neither read nor rechecked: 9.7 ms
        went to rechecking it for "register a birth" (5,000 candidates, 1,400 titles with "regist"). A title
        word starting with the six letters that gave no such lexeme (a stopword, "through" for "throughput";
        "grants/vouchers", one token) is found by the trigram index, its title tested before the vector."""
        from django.db.models import BooleanField
        from django.db.models.expressions import RawSQL

        def where(condition, params, documents=filtered):
            return documents.filter(RawSQL(condition, params, output_field=BooleanField())).sql(columns)  # noqa: S611

        table = self.table
        columns = ", ".join(f"{table}.{column}" for column in ("id", "title", "lgsl_codes", "title_vector"))
        if total is not None and total < FEW_CANDIDATES:
            found, prefixes = self.title_words()
            tests = [f"{table}.title_vector @@ (" + " || ".join(["plainto_tsquery('english', %s)"] * len(found)) + ")"]
            tests += [f"{table}.title ~* %s"] * len(prefixes)  # case-insensitive: the trigram index answers it
            return where(f"({' OR '.join(tests)})", [*found, *prefixes])
        words_sql, words_params, regex_tests = [], [], {}
        for way in self.title_ways():
            in_title, stems, starts = [], [], []
            for word in way:
                if len(word) < 6:  # only its stem counts
                    in_title.append("plainto_tsquery('english', %s)")
                    words_params.append(word)
                    stems.append(word)
                    continue
                lexeme = "'" + word[:6].replace("'", "''") + "':*"  # tsquery text: neither stemmed nor lower-cased
                in_title.append("(plainto_tsquery('english', %s) || %s::tsquery)")
                words_params += [word, lexeme]
                starts.append((word, r"\m" + re.escape(word[:6]), lexeme))
            words_sql.append("(" + " && ".join(in_title) + ")")
            # A title the lexemes miss has a longer word by its six letters only (and every short word's stem);
            # one test per six letters and stems ("register a birth" and "birth registration" share one).
            for word, regex, lexeme in starts:
                regex_tests.setdefault((tuple(stems), regex, lexeme), []).append(word)
        regex_sql = " OR ".join(
            "("
            + "r.title_vector @@ plainto_tsquery('english', %s) AND " * len(stems)
            + "r.title ~* %s AND NOT r.title_vector @@ ("
            + " && ".join(["(plainto_tsquery('english', %s) || %s::tsquery)"] * len(missed))
            + "))"
            for (stems, _, _), missed in regex_tests.items()
        )
        regex_params = [
            param
            for (stems, regex, lexeme), missed in regex_tests.items()
            for param in (*stems, regex, *[param for word in missed for param in (word, lexeme)])
        ]
        found = " || ".join(words_sql)
        # A title with every term itself (its vector matches the query) needs no test of the search's vector,
        # which holds the title's lexemes: unread for those, the match is tested only for the other titles.
        # "apply" at 100,000 pages: 7,143 titled candidates, all with the word itself, 33 ms of rechecking.
        query_sql, query_params = tsquery(self.terms, every=True)
        unmatched = filtered.without(vector_matches(table, self.terms, every=True))
        implied_sql, implied_params = where(
            f"{table}.title_vector @@ ({found}) AND {table}.title_vector @@ {query_sql}",
            [*words_params, *query_params],
            unmatched,
        )
        # The others: the title's test first (a CASE: the planner would order them by its own costs).
        rest_sql, rest_params = where(
            f"{table}.title_vector @@ ({found}) AND CASE WHEN {table}.title_vector @@ {query_sql} THEN FALSE "
            f"ELSE {table}.search_vector @@ {query_sql} END",
            [*words_params, *query_params, *query_params],
            unmatched,
        )
        sql, params = f"{implied_sql} UNION ALL {rest_sql}", [*implied_params, *rest_params]
        if regex_tests:
            # The search's vector last: read only for a title that passed (or through its index, when few match).
            more_sql, more_params = where(
                f"{table}.id = ANY(ARRAY(SELECT r.id FROM {table} r "  # noqa: S608  (words as parameters)
                f"WHERE ({regex_sql}) AND r.search_vector @@ {query_sql}))",
                [*regex_params, *query_params],
            )
            sql = f"{sql} UNION ALL {more_sql} AND NOT {table}.title_vector @@ ({found})"  # each once
            params = [*params, *more_params, *words_params]
        return sql, params

    def ranked_in_full(self, filtered, every, ranker, wanted, shown=0):
        """:meth:`ranked` in one statement, the total counted alongside (``COUNT(*) OVER ()``), and the
        candidates' ids with the index's generation (:attr:`read`, for counting their facets).

        The title is scored only where it can decide the order: for the candidates whose LGSL code and
        terms covered place them among the first ``limit`` (``rank()``, ties included). Any term of five
        common words has thousands of candidates, and scoring every title was most of the statement."""
        table = self.table
        columns, params = [], []
        if every:
            coverage = "0"
            columns = ["TRUE"] * len(self.terms)
        else:
            for term in self.terms:
                sql, term_params = self.matching([term], True).sql()
                columns.append(f"{table}.id IN ({sql})")
                params += term_params
            coverage = " + ".join(
                f"CASE WHEN c{i} THEN {float(weight)!r} ELSE 0 END" for i, weight in enumerate(ranker.weights)
            )
        codes = sorted(ranker.typed_codes)
        code_hit = f"({table}.lgsl_codes ?| %s::text[])" if codes else "FALSE"
        title_sql, title_params = self.title_score(alias="k")
        query_sql, query_params = tsquery(self.terms, every=False)
        covered = "".join(f", {column} AS c{i}" for i, column in enumerate(columns))
        covered_out = ", ".join(f"w.c{i}" for i in range(len(columns)))
        # The candidates with what orders them, read once (MATERIALIZED): ranked, and their ids sent.
        candidates_sql, candidates_params = filtered.sql(
            f"{table}.id, {table}.title, {table}.title_vector, {table}.lgsl_codes, {code_hit} AS code_hit"
            f"{covered}, COUNT(*) OVER () AS total",
            [*([codes] if codes else []), *params],
        )
        order = "s.code_hit DESC, s.coverage DESC, s.title_score DESC, s.id"
        needed = "w.rn <= %s OR w.rn > %s"  # the rows ranked in full, and the page's
        limit = max(TOP_RANKED, wanted)
        # The index's generation and every candidate's id, in the first row only.
        first_only = ", ".join(
            f"CASE WHEN w.rn = 1 THEN {column} END"
            for column in [*GENERATION_SUBQUERIES, "(SELECT string_agg(int8send(i.id), '') FROM m i)"]
        )
        sql = (
            f"WITH m AS MATERIALIZED ({candidates_sql}) "  # noqa: S608
            f"SELECT w.id, w.title, w.lgsl_codes, w.total, "
            f"CASE WHEN {needed} THEN ts_rank(d.search_vector, {query_sql}, 1) END, "
            f"CASE WHEN {needed} THEN word_similarity(%s, w.title) END, {first_only}, {covered_out} FROM ("
            f"SELECT s.*, row_number() OVER (ORDER BY {order}) AS rn FROM ("
            f"SELECT k.*, {title_sql} AS title_score FROM ("
            f"SELECT c.*, rank() OVER (ORDER BY c.code_hit DESC, c.coverage DESC) AS tier FROM ("
            f"SELECT w.*, {coverage} AS coverage FROM m w) c) k "
            f"WHERE k.tier <= %s) s ORDER BY {order} LIMIT %s) w "
            f"JOIN {table} d ON d.id = w.id ORDER BY w.rn"
        )
        sql_params = [
            *candidates_params,
            *(TOP_RANKED, shown),
            *query_params,
            *(TOP_RANKED, shown, self.text),
            *title_params,
            limit,
            limit,
        ]
        with connection.cursor() as cursor:
            cursor.execute(sql, sql_params)
            fetched = cursor.fetchall()
        rows = [
            ranked_row(pk, title, lgsl_codes, tuple(bool(c) for c in hits), rank, similarity)
            for pk, title, lgsl_codes, _, rank, similarity, _, _, _, *hits in fetched
        ]
        if fetched:
            self.read = CandidateIds(generation_text(*fetched[0][6:8]), ids_from_bytes(fetched[0][8]))
        total = fetched[0][3] if fetched else 0
        return ranker.order(rows[:TOP_RANKED]) + rows[TOP_RANKED:], total

    def title_score(self, alias="d", guarded=True):
        """``(sql, params)``: how much of the title the query asks for, in SQL, as :func:`title_bonus`
        counts it in Python (per term its best alternative, the words typed twice as much as a synonym's,
        over the title's words), from the stored ``title_vector`` of the row ``alias``."""
        parts, params = [], []
        for term in self.terms:
            cases = []
            for i, phrase in enumerate(term.alternatives):
                in_title = []
                for word in phrase:
                    if word in STOPWORDS:
                        continue
                    # Its stem, or a title word sharing its first six letters ("register", "registration").
                    in_title.append(
                        f"({alias}.title_vector @@ plainto_tsquery('english', %s)"
                        + (f" OR lower({alias}.title) ~ %s)" if len(word) >= 6 else ")")
                    )
                    params += [word, r"\m" + re.escape(word[:6])] if len(word) >= 6 else [word]
                condition = " AND ".join(in_title) or "TRUE"
                cases.append(f"CASE WHEN {condition} THEN {len(phrase) * (2 if i == 0 else 1)} ELSE 0 END")
            parts.append(f"GREATEST({', '.join(cases)})")
        score = f"(({' + '.join(parts)})::float / GREATEST(length({alias}.title_vector), 1))"
        words = self.title_words()
        if words is None or not guarded:  # an alternative of stopwords only: every title scores
            return score, params
        # A title with none of the words scores 0: tested once, not word by word (most candidates of a
        # fallback to any term have none: 913 of 1,266 for "school admission appeal").
        found, prefixes = words
        guard = f"{alias}.title_vector @@ (" + " || ".join(["plainto_tsquery('english', %s)"] * len(found)) + ")"
        guard_params = list(found)
        if prefixes:
            guard += f" OR lower({alias}.title) ~ %s"
            guard_params.append("|".join(prefixes))
        return f"CASE WHEN {guard} THEN {score} ELSE 0 END", [*guard_params, *params]


# The index's generation as two scalar subqueries of a statement (NULL before the first write).
GENERATION_SUBQUERIES = tuple(
    f'(SELECT {column} FROM "{SearchIndexState._meta.db_table}" WHERE id = 1)'  # noqa: S608  (names only)
    for column in ("generation", "changed_at")
)
GENERATION_COLUMNS = ", ".join(GENERATION_SUBQUERIES)


class PostgresDocuments:
    """A locale's documents narrowed by conditions (the ``RawSQL`` of :func:`vector_matches`,
    :func:`any_term_matches`, ``has_facet_value`` and the like, ANDed), for PostgreSQL's search: what a
    queryset of them gave, as SQL text joined here (:meth:`sql`), so no statement is compiled by the ORM
    for each search (5–6 were, about 2 ms of CPU). SQLite's search keeps querysets."""

    table = f'"{SearchDocument._meta.db_table}"'

    def __init__(self, locale, conditions=()):
        self.locale = locale
        self.conditions = conditions  # ((sql, params), …)

    def filter(self, condition):
        return PostgresDocuments(self.locale, (*self.conditions, (condition.sql, tuple(condition.params))))

    def without(self, condition):
        """These documents without ``condition`` (as :meth:`filter` was given it): e.g. the full-text match,
        where another condition implies it."""
        left = (condition.sql, tuple(condition.params))
        return PostgresDocuments(self.locale, tuple(kept for kept in self.conditions if kept != left))

    def sql(self, columns=None, params=()):
        """``(sql, params)``: ``SELECT columns`` (the id by default; ``params`` theirs) of these documents."""
        where = "".join(f" AND ({condition})" for condition, _ in self.conditions)
        # With a condition of their own (a full-text match, a facet value: each answered by its GIN index), the
        # locale is tested on the rows those find, never through its own index: for a word in nearly every
        # document the planner would take the locale's index and test the match on every row, unpacking each
        # stored vector ("council" at 100,000 pages: 328 ms, against 28 ms from the full-text index).
        locale = f"({self.table}.locale || '')" if self.conditions else f"{self.table}.locale"
        return (
            f"SELECT {columns or self.table + '.id'} FROM {self.table} WHERE {locale} = %s{where}",  # noqa: S608
            [*params, self.locale, *(param for _, condition_params in self.conditions for param in condition_params)],
        )

    def count(self):
        sql, params = self.sql("COUNT(*)")
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchone()[0]


class PostgresFlavour:
    documents = PostgresDocuments

    @staticmethod
    def has_facet_value(facet, values):
        """The document has one of ``values`` for ``facet``, from its ``facet_terms`` (a GIN index)."""
        from django.db.models import BooleanField
        from django.db.models.expressions import RawSQL

        table = connection.ops.quote_name(SearchDocument._meta.db_table)
        terms = [f"{facet}:{value}" for value in values]
        return RawSQL(f"{table}.facet_terms && %s::text[]", [terms], output_field=BooleanField())  # noqa: S611

    @staticmethod
    def candidate_ids(candidates, kept):
        """The :class:`CandidateIds` of ``candidates`` (:class:`PostgresDocuments`), in one statement: the ids
        as 8 bytes each (``int8send``; 5,000 ids as one value, not 5,000 rows), with the index's generation as
        that statement saw it (not ``kept``'s, read earlier: a write may have come between)."""
        sql, params = candidates.sql()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {GENERATION_COLUMNS}, (SELECT string_agg(int8send(c.id), '') FROM ({sql}) c)",  # noqa: S608
                params,
            )
            generation, changed_at, data = cursor.fetchone()
        return CandidateIds(generation_text(generation, changed_at), ids_from_bytes(data))

    def match(self, documents, terms):
        """The matches of ``terms``; called inside the search's transaction.

        For the rest of that transaction the planner is told to avoid sequential scans: it prices ``@@``
        as cheap, not seeing that each row's vector (about 2 KB, compressed out of line) must be unpacked,
        so for a common word it reads every document (164 ms for "council" at 10,000 pages) rather than
        the GIN index (15 ms). Where no index fits, a sequential scan is still made.
        """
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('enable_seqscan', 'off', true)")
        return PostgresMatch(documents, terms)

    def shown(self, pks, terms):
        """``{pk: (its HIT_FIELDS, marked title, snippet)}`` of the page's documents: the title and summary marked
        whole (``ts_headline``, every match), the snippet the best passage (:func:`best_passage`: the line with
        the most matches, the first of equals, the summary's before the body's).

        Of the body, only a few lines are marked (:func:`lines_to_mark`), chosen in Python from the body as
        stored: marking every line that might hold a match cost about 2.5 ms of the database's CPU for ten
        hits of "register a birth" (28 such lines each), and finding them line by line in SQL 1.5 ms more.
        A second statement marks the chosen lines; if they cannot show which line is best, the document's
        other lines that may match are marked by a third (:func:`best_of_marked`)."""
        table = connection.ops.quote_name(SearchDocument._meta.db_table)
        query_sql, query_params = tsquery(terms, every=False)
        marked = [f"ts_headline(%s::regconfig, {field}, {query_sql}, %s)" for field in ("d.title", "d.summary")]
        columns = ", ".join(f"d.{connection.ops.quote_name(name)}" for name in ("id", *HIT_FIELDS[1:]))
        # The query's stems less their last letter: every word a stem matches begins with it (Snowball replaces
        # only a word's ending: "applying" is "appli", begins with "appl").
        stems = (
            "(SELECT array_agg(DISTINCT left(w, GREATEST(length(w) - 1, 1))) AS stems "
            "FROM unnest(tsvector_to_array(to_tsvector('english', %s))) w) p"
        )
        options = headline_options()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {columns}, {', '.join(marked)}, d.body, p.stems FROM {table} d, {stems} "  # noqa: S608
                "WHERE d.id = ANY(%s)",
                [*["english", *query_params, options] * len(marked), " ".join(query_params), list(pks)],
            )
            rows = cursor.fetchall()
        if not rows:
            return {}
        starts = stem_starts(rows[0][-1] or [])
        found = {row[0]: lines_to_mark(row[-2], starts) for row in rows}

        def mark(lines):  # [(pk, line number, line)] → {(pk, number): the line marked}
            if not lines:
                return {}
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT ts_headline('english', t.line, {query_sql}, %s) "  # noqa: S608
                    "FROM unnest(%s::text[]) WITH ORDINALITY t (line, i) ORDER BY t.i",
                    [*query_params, options, [line for _, _, line in lines]],
                )
                return {(pk, n): text for (pk, n, _), (text,) in zip(lines, cursor.fetchall(), strict=True)}

        marks = mark([(pk, n, line) for pk, (chosen, _) in found.items() for n, line, _ in chosen])
        shown, undecided = {}, {}
        for *values, title, summary, _body, _stems in rows:
            document = dict(zip(HIT_FIELDS, values, strict=True))
            for name in ("lgsl_codes", "facets"):  # jsonb reaches a cursor as its text
                if isinstance(document[name], str):
                    document[name] = json.loads(document[name])
            pk = document["pk"]
            chosen, others = found[pk]
            marked = [(n, marks[pk, n]) for n, _, _ in chosen]
            snippet = best_of_marked(summary, marked, others)
            if snippet is None:
                undecided[pk] = (summary, marked)
            shown[pk] = (document, title, snippet)
        # The rare document whose chosen lines do not decide: its other lines that may match, marked too.
        more = mark([(pk, n, line) for pk in undecided for n, line, _ in found[pk][1]])
        for pk, (summary, marked) in undecided.items():
            lines = sorted(marked + [(n, more[pk, n]) for n, _, _ in found[pk][1]])
            shown[pk] = (*shown[pk][:2], best_passage(summary, "\n".join(text for _, text in lines)))
        return shown


# How many of a body's lines are marked first (:func:`lines_to_mark`).
LINES_MARKED_FIRST = 3


def headline_options():
    """``ts_headline``'s options: the engines' markers, and every match marked (not one fragment)."""
    return ", ".join(
        connection.ops.compose_sql(f"{option}=%s", [value])
        for option, value in {"StartSel": MARK_START, "StopSel": MARK_END, "HighlightAll": True}.items()
    )


def stem_starts(stems):
    """The stems, longest first, and a pattern finding any of them in any case: see :func:`places`."""
    alternatives = sorted(set(stems), key=lambda stem: (-len(stem), stem))
    return alternatives, re.compile("|".join(re.escape(stem) for stem in alternatives), re.IGNORECASE)


def places(text, starts):
    """Where in ``text`` one of the stems of ``starts`` (:func:`stem_starts`) is, in any case, in order.

    Case is ignored character by character, as PostgreSQL's ``lower()`` maps each character. ``str.lower()`` does
    the same (and the search for each stem runs in C, a tenth of the pattern's time) unless it changes the
    text's length ("İ" becomes two characters) or turns a final capital sigma into "ς"; then the pattern."""
    stems, pattern = starts
    lowered = text.lower()
    if len(lowered) != len(text) or "ς" in lowered:
        return [match.start() for match in pattern.finditer(text)]
    found = set()  # one place where two stems start ("regis" and "regist" in "register")
    for stem in stems:
        at = lowered.find(stem)
        while at != -1:
            found.add(at)
            at = lowered.find(stem, at + len(stem))
    return sorted(found)


def lines_to_mark(body, starts):
    """``(chosen, others)``: the lines of ``body`` (split at ``\\n``, as the statement that marked the whole
    body did; numbered from 0) that may hold a match, as ``(number, line, most matches it can hold)``: the
    ``LINES_MARKED_FIRST`` that can hold the most (the first of equals), in order, and the rest.

    A line can hold no more matches than it has places where a stem starts (:func:`places`): each matched word
    begins with its stem's start, and no two words share a place."""
    if not starts[0] or not body:
        return [], []
    found = {}  # {line number: [where it starts, matches it can hold]}
    number, scanned = 0, 0
    for at in places(body, starts):  # a stem holds no line break
        number += body.count("\n", scanned, at)
        scanned = at
        if number in found:
            found[number][1] += 1
        else:
            found[number] = [body.rfind("\n", 0, at) + 1, 1]
    possible = []
    for number, (start, most) in found.items():
        end = body.find("\n", start)
        possible.append((number, body[start : end if end != -1 else len(body)], most))
    ranked = sorted(possible, key=lambda item: (-item[2], item[0]))
    return sorted(ranked[:LINES_MARKED_FIRST]), ranked[LINES_MARKED_FIRST:]


def best_of_marked(summary, marked_lines, others):
    """The snippet from the marked summary and ``marked_lines`` (``[(number, marked line)]``, in order), or None
    when a line of ``others`` (``[(number, line, most matches it can hold)]``, not marked) might give a better one.

    The best passage is the one with the most matches, the first of equals (:func:`best_passage`; a passage is a
    line as ``splitlines`` finds them, so a body line may hold several). A line not marked cannot hold a better
    one if it can hold fewer matches, or as many and comes after the best one's line."""
    best, at = 0, None  # the best passage's matches, and the number of its body line (None: the summary's)
    for text in (summary or "").splitlines():
        best = max(best, text.count(MARK_START))
    for number, text in marked_lines:
        for passage in text.splitlines():
            if passage.count(MARK_START) > best:
                best, at = passage.count(MARK_START), number
    for number, _, most in others:
        if most > best or (most == best and at is not None and number < at):
            return None
    return best_passage(summary, "\n".join(text for _, text in marked_lines))


class PostgresRebuild:
    """A full rebuild on PostgreSQL, while searches go on reading the old documents.

    1. The documents table is locked against writes (``EXCLUSIVE``: reads go on). An upsert or delete
       arriving meanwhile waits and then lands in the new table, so none is lost.
    2. A new table like it (columns, generated columns, identity, each column's storage and compression,
       the table's storage parameters), without indexes or constraints, is filled with ``COPY``: cheaper
       than inserting into a table whose GIN indexes grow with every row.
       Each row takes the full-text vectors of the live document with the same key and the same text
       (``library_search_reused_vectors()``, migration 0009); only a new or changed document's are
       computed, which was most of a rebuild's time.
    3. The old table's indexes and constraints are made again on the new one, from the catalogue, under
       temporary names, and its triggers (which keep the vectors) by their own names.
    4. The old table is dropped and the new one takes its name, its indexes' and constraints' names and its
       sequence's name. Only this step keeps searches out (their lock waits), for milliseconds.

    All four in the caller's transaction: if anything fails, the new table is rolled back and the old one
    was never touched.
    """

    COLUMNS = (
        "key", "kind", "locale", "page_id", "service_id", "title", "slug", "url", "summary", "service_names",
        "keywords", "body", "lgsl_codes", "facets", "updated_at",
    )  # fmt: skip

    REUSE_TRIGGER = "library_search_rebuild_reuse"

    def __init__(self, locked=None, recompute_vectors=False, streamed=False):
        self.locked = locked
        # The blocks come from other processes or connections: one COPY takes them all, the database
        # storing each row as it arrives. Otherwise a COPY a block, as the entries may be read from the
        # database on this connection, which can do nothing else while a COPY is open.
        self.streamed = streamed
        # Every vector computed again (``rebuild_search_index --recompute-vectors``): after PostgreSQL's
        # text search dictionaries or configuration change, when the same text would analyse differently.
        self.vectors = "library_search_document_vectors" if recompute_vectors else "library_search_reused_vectors"
        self.live = SearchDocument._meta.db_table
        self.stage = f"{self.live}_rebuild"

    def run(self, blocks):
        """Fill the new table from ``blocks`` (``(data, rows)``, the rows in COPY's text form) and swap it in."""
        quote = connection.ops.quote_name
        live, stage = quote(self.live), quote(self.stage)
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {live} IN EXCLUSIVE MODE")
            if self.locked:
                self.locked()
            cursor.execute(f"DROP TABLE IF EXISTS {stage}")
            cursor.execute(
                f"CREATE TABLE {stage} (LIKE {live} INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING IDENTITY "
                "INCLUDING STORAGE INCLUDING COMPRESSION)"
            )
            self.options_like_live(cursor, stage)
            # Each row copied takes the live document's vectors when its text is the same (migration 0009),
            # unless every vector is to be computed again.
            cursor.execute(
                f"CREATE TRIGGER {self.REUSE_TRIGGER} BEFORE INSERT ON {stage} "
                f"FOR EACH ROW EXECUTE FUNCTION {self.vectors}()"
            )
            with faster_compression(cursor):
                count = self.copy(cursor, stage, blocks)
            cursor.execute(f"DROP TRIGGER {self.REUSE_TRIGGER} ON {stage}")
            renames, foreign_keys = self.index_like_live(cursor, live, stage)
            self.triggers_like_live(cursor, stage)
            sequence = self.sequence(cursor, self.live)
            if foreign_keys:
                # Rows this transaction wrote may have foreign-key checks still to run (Django's are deferred
                # to the commit), and a table with pending checks cannot be dropped: run them now.
                cursor.execute(f"SET CONSTRAINTS {', '.join(foreign_keys)} IMMEDIATE")
            cursor.execute(f"DROP TABLE {live}")
            cursor.execute(f"ALTER TABLE {stage} RENAME TO {live}")
            new_sequence = self.sequence(cursor, self.live)
            if sequence and new_sequence and new_sequence != sequence:
                cursor.execute(f"ALTER SEQUENCE {new_sequence} RENAME TO {sequence.split('.')[-1]}")
            for statement in renames:
                cursor.execute(statement)
            if foreign_keys:
                cursor.execute(f"SET CONSTRAINTS {', '.join(foreign_keys)} DEFERRED")
        return count

    def copy(self, cursor, stage, blocks):
        count = 0
        statement = f"COPY {stage} ({', '.join(self.COLUMNS)}) FROM STDIN"  # noqa: S608
        if self.streamed:
            with cursor.cursor.copy(statement) as copy:
                for data, rows in blocks:
                    copy.write(data)
                    count += rows
            return count
        for data, rows in blocks:
            with cursor.cursor.copy(statement) as copy:
                copy.write(data)
            count += rows
        return count

    def options_like_live(self, cursor, stage):
        """Give ``stage`` the live table's storage parameters and its TOAST table's, before any row is written
        (``LIKE`` copies each column's storage and compression but not these): e.g. ``toast_tuple_target``
        (migration 0012), under which each row keeps only what a search reads of every match in the heap."""
        cursor.execute(
            "SELECT c.reloptions, t.reloptions FROM pg_class c LEFT JOIN pg_class t ON t.oid = c.reltoastrelid "
            "WHERE c.oid = %s::regclass",
            [self.live],
        )
        own, toast = cursor.fetchone()
        options = [*(own or ()), *(f"toast.{option}" for option in toast or ())]
        if options:
            cursor.execute(f"ALTER TABLE {stage} SET ({', '.join(options)})")

    def index_like_live(self, cursor, live, stage):
        """Make the live table's indexes and constraints on ``stage`` under temporary names; return the
        statements that give them the live names once the live table is gone, and the names of its
        deferrable foreign keys."""
        renames, foreign_keys = [], []
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype IN ('p', 'u', 'f', 'c', 'x') ORDER BY contype = 'f', conname",
            [self.live],
        )
        constraints = cursor.fetchall()
        cursor.execute(
            "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
            "WHERE x.indrelid = %s::regclass AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid AND c.conrelid = x.indrelid) "
            "ORDER BY i.relname",
            [self.live],
        )
        indexes = cursor.fetchall()
        quote = connection.ops.quote_name
        for n, (name, definition) in enumerate(constraints):
            temporary = f"library_search_rebuild_c{n}"
            cursor.execute(f"ALTER TABLE {stage} ADD CONSTRAINT {temporary} {definition}")
            renames.append(f"ALTER TABLE {live} RENAME CONSTRAINT {temporary} TO {quote(name)}")
            if definition.startswith("FOREIGN KEY") and " DEFERRABLE" in definition:
                foreign_keys.append(quote(name))
        for n, (name, definition) in enumerate(indexes):
            found = INDEX_DEFINITION.match(definition)
            if not found:
                raise DatabaseError(f"Cannot copy the index {name}: {definition}")
            temporary = f"library_search_rebuild_i{n}"
            cursor.execute(f"CREATE {found['unique'] or ''}INDEX {temporary} ON {stage} {found['rest']}")
            renames.append(f"ALTER INDEX {temporary} RENAME TO {quote(name)}")
        return renames, foreign_keys

    def triggers_like_live(self, cursor, stage):
        """Make the live table's own triggers (those keeping its vectors, migration 0009) on ``stage``, by
        the same names (a trigger's name is the table's own), once the rows are in."""
        cursor.execute(
            "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal "
            "ORDER BY tgname",
            [self.live],
        )
        for name, definition in cursor.fetchall():
            found = TRIGGER_DEFINITION.match(definition)
            if not found:
                raise DatabaseError(f"Cannot copy the trigger {name}: {definition}")
            cursor.execute(f"{found['head']}{stage}{found['rest']}")

    @staticmethod
    def sequence(cursor, table):
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
        return cursor.fetchone()[0]


@contextmanager
def faster_compression(cursor):
    """Long values (a document's body, its vectors) compressed with LZ4 rather than PostgreSQL's own pglz
    while the new table is filled, where the server has it (PostgreSQL 14 built with lz4): the same values,
    stored in a form several times quicker to compress and to read back. A column given its own method
    keeps it; values written later take the server's default as before."""
    cursor.execute(
        "SELECT current_setting('default_toast_compression'), 'lz4' = ANY(enumvals) FROM pg_settings "
        "WHERE name = 'default_toast_compression'"
    )
    row = cursor.fetchone()
    if not row or not row[1]:
        yield
        return
    cursor.execute("SELECT set_config('default_toast_compression', 'lz4', true)")
    yield
    cursor.execute("SELECT set_config('default_toast_compression', %s, true)", [row[0]])


# pg_get_indexdef's form: "CREATE [UNIQUE ]INDEX name ON [ONLY ]schema.table USING …"
INDEX_DEFINITION = re.compile(r"^CREATE (?P<unique>UNIQUE )?INDEX \S+ ON (?:ONLY )?\S+ (?P<rest>USING .*)$", re.S)
# pg_get_triggerdef's form: "CREATE TRIGGER name BEFORE INSERT [OR UPDATE [OF …]] ON schema.table FOR EACH …"
TRIGGER_DEFINITION = re.compile(
    r"^(?P<head>CREATE TRIGGER \S+ (?:BEFORE|AFTER|INSTEAD OF) [A-Z_, ]+?(?: OF [^()]+?)? ON )\S+"
    r"(?P<rest> FOR EACH .*)$",
    re.S,
)


def json_path(facet):
    """``$."council"``: the JSON path of a facet's list in ``facets``."""
    return '$."' + facet.replace('"', "") + '"'


# ----- SQLite FTS5 --------------------------------------------------------------------------------


def fts_phrase(phrase):
    """Every word of an alternative, anywhere: ``("bulky" AND "waste")``; stopwords skipped as PostgreSQL does."""
    meaningful = [word for word in phrase if word not in STOPWORDS] or list(phrase)
    return "(" + " AND ".join('"' + word.replace('"', "") + '"' for word in meaningful) + ")"


class SqliteMatch:
    """One query's matches on SQLite: every match scored once by FTS5 (bm25), then kept or ranked here.

    SQLite serves small libraries (development, tests), so everything is ranked in Python."""

    def __init__(self, flavour, documents, terms):
        self.documents = documents
        self.scores = flavour.scores(documents, terms)
        self.read = None  # (PostgreSQL's ranking reads the candidates' ids; SQLite's are read when counted)

    def every_ids(self, kept):
        every = [pk for pk, (covered, _) in self.scores.items() if all(covered)]
        return CandidateIds(kept.current_generation(), every)

    def candidates(self, every, look_alikes=False):
        """By id: FTS5 matches live in a virtual table the ORM cannot join."""
        return self.documents.filter(
            pk__in=[pk for pk, (covered, _) in self.scores.items() if all(covered) or not every]
        )

    def weights(self, every, locale_size=None):
        width = len(next(iter(self.scores.values()))[0]) if self.scores else 0
        frequencies = [sum(1 for covered, _ in self.scores.values() if covered[i]) for i in range(width)]
        return term_weights(frequencies, locale_size if locale_size is not None else self.documents.count())

    def ranked(self, filtered, every, ranker, wanted, total=None, shown=0, known_ids=None):
        found = filtered.values_list("pk", "title", "lgsl_codes")
        rows = [Row(pk, title, codes, *self.scores[pk]) for pk, title, codes in found]
        return ranker.order(rows), len(rows)


class SqliteFlavour:
    @staticmethod
    def documents(locale):
        return SearchDocument.objects.filter(locale=locale)

    # bm25 weights per FTS column, in FTS_COLUMNS order: the title and service names weigh most.
    weights = (10.0, 8.0, 4.0, 3.0, 1.0)

    @staticmethod
    def has_facet_value(facet, values):
        """The document has one of ``values`` for ``facet`` in its ``facets`` JSON."""
        from django.db.models import BooleanField
        from django.db.models.expressions import RawSQL

        table = connection.ops.quote_name(SearchDocument._meta.db_table)
        placeholders = ", ".join(["%s"] * len(values))
        sql = f"EXISTS (SELECT 1 FROM json_each({table}.facets, %s) v WHERE v.value IN ({placeholders}))"  # noqa: S608
        return RawSQL(sql, [json_path(facet), *values], output_field=BooleanField())  # noqa: S611

    @staticmethod
    def candidate_ids(candidates, kept):
        """The :class:`CandidateIds` of ``candidates`` (a queryset), at ``kept``'s generation: the search's
        transaction reads one snapshot of an SQLite database throughout."""
        return CandidateIds(kept.current_generation(), list(candidates.values_list("pk", flat=True)))

    def term_match(self, term):
        return "(" + " OR ".join(fts_phrase(phrase) for phrase in term.alternatives) + ")"

    def full_match(self, terms):
        return " OR ".join(self.term_match(term) for term in terms)

    def match(self, documents, terms):
        return SqliteMatch(self, documents, terms)

    def _rows(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def scores(self, documents, terms):
        """``{pk: (whether each term matched, rank)}`` of the documents matching any term."""
        locale_sql, locale_params = documents.values("pk").query.sql_with_params()
        weights = ", ".join(str(w) for w in self.weights)
        scores = {}
        rows = self._rows(
            f"SELECT rowid, -bm25({FTS_TABLE}, {weights}) FROM {FTS_TABLE} "  # noqa: S608  (constants only)
            f"WHERE {FTS_TABLE} MATCH %s AND rowid IN ({locale_sql})",
            [self.full_match(terms), *locale_params],
        )
        for pk, rank in rows:
            scores[pk] = max(float(rank), 0.0) / (1 + max(float(rank), 0.0))
        covered = {pk: [False] * len(terms) for pk in scores}
        for i, term in enumerate(terms):
            for (pk,) in self._rows(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s",  # noqa: S608
                [self.term_match(term)],
            ):
                if pk in scores:
                    covered[pk][i] = True
        return {pk: (tuple(covered[pk]), rank) for pk, rank in scores.items()}

    def shown(self, pks, terms):
        """``{pk: (its HIT_FIELDS, marked title, snippet)}`` of the page's documents."""
        marks = self.highlight(pks, terms)
        return {
            document["pk"]: (document, *marks.get(document["pk"], ("", "")))
            for document in SearchDocument.objects.filter(pk__in=pks).values(*HIT_FIELDS)
        }

    def highlight(self, pks, terms):
        placeholders = ", ".join(["%s"] * len(pks))
        # Whole fields marked (FTS5's snippet() would run one passage of the body into the next).
        rows = self._rows(
            f"SELECT rowid, highlight({FTS_TABLE}, 0, %s, %s), "  # noqa: S608
            f"highlight({FTS_TABLE}, 3, %s, %s), highlight({FTS_TABLE}, 4, %s, %s) "
            f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s AND rowid IN ({placeholders})",
            [MARK_START, MARK_END] * 3 + [self.full_match(terms), *pks],
        )
        return {pk: (title, best_passage(summary, body)) for pk, title, summary, body in rows}
