"""Whole numbers read from addresses and query strings, kept within what the databases can store.

SQLite and PostgreSQL store integers in at most 64 bits. A larger number sent in a query is an error in
the database driver (on SQLite ``OverflowError: Python int too large to convert to SQLite INTEGER``, a
500), and Django's range check covers only plain ``exact``/``gt``/``lt`` lookups on integer fields, not
``__in`` or a page's primary key (a one-to-one link). So every number a request carries is read here:
in a path through the ``number`` converter (a number out of range matches no route: the API's JSON 404,
the site's 404 page), in a query parameter through :func:`read_whole_number` (a 400 naming it).
"""

from django.urls import register_converter

# The largest integer SQLite and PostgreSQL (bigint) store; no id, LGSL code or offset comes near it.
MAX_STORED_INTEGER = 2**63 - 1


class OutOfRange(ValueError):
    """A whole number larger than any the library stores."""


def whole_number(raw, minimum=0, maximum=MAX_STORED_INTEGER):
    """``int(raw)`` for ASCII digits from ``minimum`` to ``maximum``; ``ValueError`` (``OutOfRange`` when
    the number is well formed but too large or small) for anything else.

    >>> whole_number("524")
    524
    """
    text = str(raw)
    # Python refuses to read more than 4,300 digits; anything that long is out of range anyway.
    if not (text.isascii() and text.isdigit()):
        raise ValueError(f"'{text[:20]}' is not a whole number")
    if len(text.lstrip("0")) > len(str(maximum)):
        raise OutOfRange(f"'{text[:20]}…' is too large")
    number = int(text)
    if number < minimum or number > maximum:
        raise OutOfRange(f"{number} is not from {minimum} to {maximum}")
    return number


class NumberConverter:
    """Like Django's ``int`` converter, but a number no database row can have matches no route."""

    regex = "[0-9]+"

    def to_python(self, value):
        return whole_number(value)

    def to_url(self, value):
        return str(value)


register_converter(NumberConverter, "number")
