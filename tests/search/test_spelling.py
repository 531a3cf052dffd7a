"""'Did you mean': the closest known word, found faster than difflib alone but always difflib's answer."""

import difflib
import random
from pathlib import Path

from search.engines.base import SPELLING_CUTOFF, closest_word, suggest_spelling
from search.synonyms import words

SYNONYMS = Path(__file__).resolve().parents[2] / "search" / "synonyms.txt"


def vocabulary():
    """The synonym list's words and some of their longer and shorter forms: about a thousand words."""
    known = set(words(SYNONYMS.read_text()))
    known |= {word + ending for word in list(known) for ending in ("s", "ing", "ed") if len(word) > 3}
    known |= {word[:-1] for word in list(known) if len(word) > 5}
    return known


def typo(word, rnd):
    """``word`` with one letter dropped, added, changed or two swapped."""
    letters, at = list(word), rnd.randrange(len(word))
    change = rnd.randrange(4)
    if change == 0 and len(letters) > 1:
        del letters[at]
    elif change == 1:
        letters.insert(at, rnd.choice("abcdefghijklmnopqrstuvwxyz"))
    elif change == 2:
        letters[at] = rnd.choice("abcdefghijklmnopqrstuvwxyz")
    elif at + 1 < len(letters):
        letters[at], letters[at + 1] = letters[at + 1], letters[at]
    return "".join(letters)


def test_closest_word_is_difflibs_choice_for_every_typo():
    known = vocabulary()
    assert len(known) > 500
    rnd = random.Random(17)  # noqa: S311 (seeded: the same 2,000 words every run)
    candidates = sorted(known)
    tried = corrected = 0
    for _ in range(2000):
        word = typo(rnd.choice(candidates), rnd)
        expected = difflib.get_close_matches(word, known, n=1, cutoff=SPELLING_CUTOFF)
        assert closest_word(word, known) == (expected[0] if expected else None), word
        tried += 1
        corrected += bool(expected)
    # Most typos have a correction, and some have none: both branches were compared.
    assert corrected > tried / 2 and corrected < tried


def test_a_word_exactly_at_the_cutoff_is_still_found():
    # 2 × 3 matching letters / (4 + 4) = 0.75, difflib's cutoff exactly.
    assert difflib.SequenceMatcher(None, "bins", "bint").ratio() == SPELLING_CUTOFF
    assert closest_word("bint", {"bins", "house"}) == "bins"
    assert suggest_spelling("missed bint", {"missed", "bins"}) == "missed bins"


def test_ties_go_the_way_difflib_breaks_them():
    # "cat" is as close to "bat" as to "cab"; difflib keeps the greater string.
    known = {"bat", "cab"}
    assert difflib.get_close_matches("cat", known, n=1, cutoff=0.6) == ["cab"]
    assert closest_word("cat", known, cutoff=0.6) == "cab"
