"""Reads a query parameter's whole number. Every integer parameter of the API goes through here, so a
number too large for the database is a 400 naming the parameter, never a 500 (see pattern_pages.numbers)."""

from pattern_pages.numbers import MAX_STORED_INTEGER, whole_number

from .exceptions import InvalidParameter


def shown(raw, length=20):
    """The start of a value for an error message: a 40-digit number is not repeated in full."""
    text = str(raw)
    return text if len(text) <= length else text[:length] + "…"


def read_number(name, raw, message, minimum=0, maximum=MAX_STORED_INTEGER, too_high=None):
    """``raw`` as an int from ``minimum`` to ``maximum``, else a 400 naming ``name`` that says ``message``.

    ``too_high`` is ``(code, message)`` for a well-formed number above ``maximum``, when that deserves its
    own answer (``?limit=500`` is ``limit_too_high``).
    """
    try:
        return whole_number(raw, minimum=minimum, maximum=maximum)
    except ValueError:
        text = str(raw)
        if too_high and text.isascii() and text.isdigit() and len(text) < 4000 and int(text) > maximum:
            code, high = too_high
            raise InvalidParameter(name, high, code=code) from None
        raise InvalidParameter(name, message) from None
