"""Querysets of one shape, their SQL built by the ORM once per process and run again with new values.

Building a statement's SQL (``SQLCompiler.as_sql``) costs more CPU than PostgreSQL spends running most of the
statements a public page makes: 0.5–1.4 ms each, about ten a pattern page (issue 17, target 5). A statement
whose shape does not change from one request to the next (the page's history, its adoptions, its breadcrumbs)
need not be built again: :class:`FixedQuery` builds it once, with marker values in place of the request's, finds
where each marker went among the statement's parameters, and afterwards runs the same SQL with the request's
values in those places. The rows still become model instances through the ORM's own iterables (``select_related``,
``only``, ``values_list`` and ``prefetch_related`` behave as on the queryset), so ``post_init`` sees every row
loaded (``library.kept``) and templates get the same objects::

    HISTORY = FixedQuery(lambda page_id: PageLogEntry.objects.filter(page_id=page_id).values_list("timestamp"))
    HISTORY.run(page.pk)  # what list(the queryset for page.pk) gives

A shape the markers cannot be found in (a value the ORM changes before it is sent, such as ``startswith``'s
``%``; a list, whose length changes the SQL) is run through the ORM each time, as before.
"""

import copy
import uuid

from django.db import DEFAULT_DB_ALIAS, connections

_UNFIT = object()
_MARKABLE = (int, str, uuid.UUID)


def _markable(value):
    """Whether ``value`` can be given a marker: an int, a string or a UUID (not a boolean, which cannot be told
    apart from a constant; not None)."""
    return isinstance(value, _MARKABLE) and not isinstance(value, bool)


def _marker(index, value):
    """A value of ``value``'s type (:func:`_markable`) that no real row or request uses, to find in the statement's
    parameters."""
    if isinstance(value, int):
        return -2_000_000_000 - index
    if isinstance(value, uuid.UUID):
        return uuid.UUID(int=0xF1CED000_0000_4000_8000_000000000000 + index)
    if isinstance(value, str):
        return f"\x1ffixed-{index}\x1f"
    raise TypeError(f"no marker for a {type(value).__name__}")


def _slot(param, markers):
    """``(index of the value, convert)`` when ``param`` is one of ``markers`` as the database takes it, else None."""
    for index, marker in enumerate(markers):
        if type(param) is type(marker) and param == marker:
            return index, None
        if isinstance(marker, uuid.UUID) and param in (marker.hex, str(marker)):  # a UUID on a database without one
            return index, (lambda value: uuid.UUID(str(value)).hex) if param == marker.hex else str
    return None


class FixedQuery:
    """``build(*values)`` returns the queryset for ``values`` (ints, strings, UUIDs); ``run(*values)`` returns
    ``list(build(*values))``, its SQL built once per process and database (see the module's docstring)."""

    def __init__(self, build):
        self.build = build
        self.prepared = {}

    def run(self, *values, using=DEFAULT_DB_ALIAS):
        if not all(map(_markable, values)):  # e.g. None (a page being previewed before it was saved)
            return list(self.build(*values).using(using))
        prepared = self.prepared.get(using)
        if prepared is None:
            markers = [_marker(index, value) for index, value in enumerate(values)]
            prepared = self.prepared[using] = self.prepare(markers, using)
        if prepared is _UNFIT:
            return list(self.build(*values).using(using))
        queryset, compiler, sql, params, slots = prepared
        params = list(params)
        for position, index, convert in slots:
            params[position] = values[index] if convert is None else convert(values[index])
        statement = copy.copy(compiler)
        statement.connection = connections[using]  # this thread's connection
        statement.as_sql = lambda *args, **kwargs: (sql, tuple(params))
        chained = queryset._chain()
        chained.query.get_compiler = lambda *args, **kwargs: statement
        return list(chained)

    def prepare(self, markers, using):
        """``(queryset, compiler, sql, params, slots)`` built with ``markers``, or ``_UNFIT``."""
        queryset = self.build(*markers).using(using)
        compiler = queryset.query.get_compiler(using=using)
        sql, params = compiler.as_sql()
        slots, found = [], []
        for position, param in enumerate(params):
            slot = _slot(param, markers)
            if slot is not None:
                slots.append((position, *slot))
                found.append(slot[0])
        if sorted(found) != list(range(len(markers))):  # a marker changed on its way, missing or used twice
            return _UNFIT
        return queryset, compiler, sql, params, slots
