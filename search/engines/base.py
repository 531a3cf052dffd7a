"""The interface every search engine implements; callers get one from :func:`search.engines.get_search_engine`."""

import difflib

from rapidfuzz import fuzz, process

from ..synonyms import STOPWORDS, english_stem, words


class SearchEngineUnavailable(Exception):
    """The engine cannot be reached; the update is kept pending and retried."""


class SearchEngine:
    """Base class: subclasses implement every method (the contract suite in tests/search checks them)."""

    name = "base"
    # Whether every write to the index moves its generation (``SearchIndexState``), so that answers may be kept
    # under it (``search.answers``); an engine whose index changes without it never has its answers kept.
    keeps_answers = False

    def search(self, query):
        """Run a :class:`~search.query.SearchQuery` and return :class:`~search.query.SearchResults`."""
        raise NotImplementedError

    def autocomplete(self, prefix, locale, limit=8):
        """Titles starting with (a word starting with) ``prefix``, best first."""
        raise NotImplementedError

    def upsert(self, entries):
        """Add or replace :class:`~search.documents.IndexEntry` objects."""
        raise NotImplementedError

    def delete(self, keys):
        """Remove documents by key; a key that is not indexed is not an error."""
        raise NotImplementedError

    def rebuild(self, entries, progress=None, recompute_vectors=False):
        """Replace the whole index with ``entries`` without the search ever going empty.

        ``recompute_vectors``: analyse every document's text again even where it has not changed (an engine
        that keeps the analysis of unchanged text, as the database engine does on PostgreSQL, reuses it
        otherwise); an engine that analyses everything on every rebuild ignores it."""
        raise NotImplementedError

    def ping(self):
        """Raise :class:`SearchEngineUnavailable` when the engine cannot be reached."""
        raise NotImplementedError


def suggest_spelling(text, vocabulary, stems=frozenset()):
    """The query with each unknown word replaced by the closest known one, or "" when nothing changes.

    A word is known when the library holds it or another form of it (its English stem is in ``stems``),
    so "flooding" is never "corrected" to "food" in a library that says "flood".

    >>> suggest_spelling("missed bisn", {"missed", "bins"})
    'missed bins'
    """
    changed = False
    out = []
    for word in words(text):
        if word in vocabulary or word in STOPWORDS or word.isdigit() or len(word) < 3 or english_stem(word) in stems:
            out.append(word)
            continue
        match = closest_word(word, vocabulary)
        if match:
            out.append(match)
            changed = True
        else:
            out.append(word)
    return " ".join(out) if changed else ""


SPELLING_CUTOFF = 0.75


def closest_word(word, vocabulary, cutoff=SPELLING_CUTOFF):
    """The word of ``vocabulary`` ``difflib.get_close_matches(word, vocabulary, n=1, cutoff)`` picks, or None.

    The same answer, faster: difflib's ratio (2M / total length, M the characters of its matching blocks) is at
    most the Indel similarity (2 × the longest common subsequence / total length), since the blocks are a common
    subsequence. So the words within ``cutoff`` are among those whose Indel similarity (rapidfuzz, in C) reaches
    it, a few of 10,000, and only they are compared by difflib (9 ms → well under 1 ms for one word).
    """
    # A hair under the cutoff: rapidfuzz's score is a float in percent, and a candidate lost to rounding would
    # change the answer.
    near = process.extract(word, vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff * 100 - 1e-6, limit=None)
    match = difflib.get_close_matches(word, [candidate for candidate, _, _ in near], n=1, cutoff=cutoff)
    return match[0] if match else None
