"""Facet counts from each facet value's documents, kept in this process as bit sets (issue 17).

For one locale at one generation of the index, every ``"facet:value"`` term has the set of its documents as a
Python ``int``: bit ``i`` is the locale's ``i``-th document by id. A search's candidates (their ids, read
with the index's generation in one statement) become such a set too, and a value's count is the number of
bits the two sets share (``(a & b).bit_count()``), whatever the query. At 10,000 pages that is about 500 ANDs
of 1.2 KB each for every facet value, well under a millisecond; counting each candidate's facet terms in SQL
was 3 to 12 ms of the database's CPU for a common word (a pattern has about 30 terms, "school admission
appeal" 32,000 among 1,266 candidates). This is what a search engine's per-segment doc values do.

The sets are made from one statement when a search first needs them at a generation (about 30 to 60 ms at
10,000 pages, in each worker, after each write to the index), and replaced when the generation moves: a
count is always of the documents as the candidates' own statement saw them, so it stays exact.
"""

import sys
from array import array
from dataclasses import dataclass, field
from datetime import UTC
from functools import cached_property

from django.db import connection
from django.utils.dateparse import parse_datetime

from ..models import SearchDocument, SearchIndexState

# {(database alias, locale): FacetSets} of this process: only the newest generation is kept.
_kept = {}


def generation_text(generation, changed_at):
    """The index's generation as :func:`search.engines.database.index_generation` gives it (``"0"`` if
    never written), from its row's two columns as a cursor reads them (SQLite's time as text, in UTC).

    >>> generation_text(3, "2026-12-02 12:00:01.5")
    '3@2026-12-02 12:00:01.500000+00:00'
    """
    if generation is None:
        return "0"
    if isinstance(changed_at, str):
        changed_at = parse_datetime(changed_at)
        if changed_at.tzinfo is None:
            changed_at = changed_at.replace(tzinfo=UTC)
    return f"{generation}@{changed_at}"


@dataclass
class FacetSets:
    """Each facet value's documents among the ``ids`` (sorted) of one locale, at ``generation``."""

    generation: str
    ids: list
    values: dict = field(default_factory=dict)  # {facet: {value: bit set}}

    @classmethod
    def from_positions(cls, generation, ids, positions):
        """From the documents' ``ids`` in order and ``{"facet:value": [position of each of its documents]}``.

        >>> sets = FacetSets.from_positions("1@…", [4, 9], {"type:pattern": [0, 1], "council:E1": [1]})
        >>> sets.values
        {'type': {'pattern': 3}, 'council': {'E1': 2}}
        """
        values = {}
        size = (len(ids) + 7) // 8
        for term, found in positions.items():
            facet, _, value = term.partition(":")
            values.setdefault(facet, {})[value] = bit_set(found, size)
        return cls(generation, list(ids), values)

    def everything(self):
        """The bit set of every document."""
        return (1 << len(self.ids)) - 1

    def bits(self, ids):
        """The bit set of ``ids`` (an id not among this generation's documents is not one)."""
        place = self.place
        return bit_set([place[pk] for pk in ids if pk in place], (len(self.ids) + 7) // 8)

    @cached_property
    def place(self):
        """``{id: its bit}``."""
        return {pk: i for i, pk in enumerate(self.ids)}

    def passing(self, filters):
        """``{facet: bit set}``: the documents with any of each filter's values."""
        passes = {}
        for facet, selected in filters.items():
            known = self.values.get(facet, {})
            bits = 0
            for value in selected:
                bits |= known.get(value, 0)
            passes[facet] = bits
        return passes

    def counts(self, candidates, filters, facets):
        """``{facet: {value: documents}}`` of each of ``facets`` over the ``candidates`` (a bit set) passing
        every filter but the facet's own, so ticking "pattern" under Type still shows how many processes
        there are, as GOV.UK finders do. Values of no candidate are left out, and facets with none.

        >>> terms = {"type:pattern": [0], "maturity:beta": [0], "type:process": [1]}
        >>> sets = FacetSets.from_positions("1", [1, 2], terms)
        >>> sets.counts(sets.everything(), {"type": ["pattern"]}, ["type", "maturity"])
        {'type': {'pattern': 1, 'process': 1}, 'maturity': {'beta': 1}}
        """
        passes = self.passing(filters)
        counted = {}
        for facet in facets:
            within = candidates
            for other, passing in passes.items():
                if other != facet:
                    within &= passing
            found = {}
            if within:
                for value, bits in self.values.get(facet, {}).items():
                    count = (within & bits).bit_count()
                    if count:
                        found[value] = count
            if found:
                counted[facet] = found
        return counted


def bit_set(positions, size):
    """The ``int`` with the bits at ``positions`` set, ``size`` bytes long at most.

    >>> bin(bit_set([0, 3, 9], 2))
    '0b1000001001'
    """
    buffer = bytearray(size)
    for position in positions:
        buffer[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(buffer, "little")


def facet_sets(locale, generation):
    """The locale's :class:`FacetSets` at ``generation`` (the one a search's candidates were read at): kept in
    this process, made again when the index has moved on. If the index moves again while they are made (a
    write between the candidates' statement and this one), the sets made are returned and the caller reads
    its candidates again (:meth:`FacetSets.generation` differs)."""
    key = (connection.alias, locale)
    sets = _kept.get(key)
    if sets is None or sets.generation != generation:
        sets = load(locale)
        _kept[key] = sets
    return sets


def known_size(locale, generation):
    """How many documents ``locale`` has at ``generation``, when this process's sets were made at it; else None."""
    sets = _kept.get((connection.alias, locale))
    return len(sets.ids) if sets is not None and sets.generation == generation else None


def forget():
    """Empty this process's sets (tests: a rolled-back transaction winds the generation back)."""
    _kept.clear()


def load(locale):
    """Every document of ``locale``'s facet terms, read in one statement with the generation it saw: the ids
    in order, and for each term the positions of its documents among them, grouped in SQL (one row a term,
    not one a document: at 10,000 pages, 487 rows instead of 9,853 arrays of 157,000 terms in all)."""
    table = connection.ops.quote_name(SearchDocument._meta.db_table)
    state = connection.ops.quote_name(SearchIndexState._meta.db_table)
    postgres = connection.vendor == "postgresql"
    if postgres:  # ids as 8 bytes each, positions as 4, big-endian (int8send, int4send)
        documents = f"SELECT id, facet_terms, (row_number() OVER (ORDER BY id) - 1)::int AS n FROM {table}"  # noqa: S608
        ids = "string_agg(int8send(d.id), '' ORDER BY d.id)"
        terms = "SELECT t.term, string_agg(int4send(d.n), '') FROM d, unnest(d.facet_terms) t (term) GROUP BY t.term"
        nothing = "NULL::text, NULL::bytea"
    else:  # SQLite: as text; the terms from the facets JSON, as migration 0005's function makes them
        documents = f"SELECT id, facets, row_number() OVER (ORDER BY id) - 1 AS n FROM {table}"  # noqa: S608
        ids = "group_concat(d.id)"
        terms = (
            "SELECT f.key || ':' || v.value, group_concat(DISTINCT d.n) FROM d, json_each(d.facets) f, "
            "json_each(f.value) v WHERE f.type = 'array' GROUP BY 1"
        )
        nothing = "NULL, NULL"
    sql = (
        f"WITH d AS ({documents} WHERE locale = %s) "  # noqa: S608  (names only)
        f"SELECT 0, {nothing}, g.generation, g.changed_at FROM {state} g WHERE g.id = 1 "
        f"UNION ALL SELECT 1, NULL, (SELECT {ids} FROM d), NULL, NULL "
        f"UNION ALL SELECT 2, * , NULL, NULL FROM ({terms}) t"
    )
    generation, found, positions = "0", [], {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [locale])
        for kind, term, data, number, changed_at in cursor.fetchall():
            if kind == 0:
                generation = generation_text(number, changed_at)
            elif kind == 1:
                found = ids_from_bytes(data, 8) if postgres else sorted(int(pk) for pk in (data or "").split(",") if pk)
            else:
                positions[term] = ids_from_bytes(data, 4) if postgres else [int(n) for n in data.split(",")]
    return FacetSets.from_positions(generation, found, positions)


def ids_from_bytes(data, width=8):
    """The numbers PostgreSQL sent as ``string_agg(int8send(id), '')`` (``width`` bytes each, big-endian)."""
    ids = array("q" if width == 8 else "i")
    ids.frombytes(bytes(data or b""))
    if sys.byteorder == "little":
        ids.byteswap()
    return ids
