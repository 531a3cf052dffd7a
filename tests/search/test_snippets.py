"""Search snippets: one passage of one field, cut around what matched."""

from search.documents import join_passages, passage_text
from search.query import MARK_END, MARK_START, best_passage, marked_to_html


def mark(word):
    return f"{MARK_START}{word}{MARK_END}"


def test_each_block_field_and_paragraph_is_its_own_passage():
    """Table cells, fields and rich-text paragraphs become separate lines of the body, blanks dropped."""
    assert join_passages(["Assessment report", " 4 weeks ", "", "Does the report support eligibility?"]) == (
        "Assessment report\n4 weeks\nDoes the report support eligibility?"
    )
    assert passage_text("<p>First paragraph</p><p>Second</p><ul><li>One</li><li>Two</li></ul>").splitlines() == [
        "First paragraph",
        "Second",
        "One",
        "Two",
    ]


def test_best_passage_prefers_the_most_matches_then_the_summary():
    """The passage with most matched words wins; on a tie the summary's comes first."""
    summary = f"Tell the council about {mark('flooding')}"
    body = f"Step one\nWhere is the {mark('flooding')} on the {mark('road')}\n{mark('road')} name"
    assert best_passage(summary, body) == f"Where is the {mark('flooding')} on the {mark('road')}"
    assert best_passage(summary, f"Some {mark('flooding')}") == summary
    assert best_passage("nothing", "matched here") == ""


def test_long_passage_is_cut_around_its_first_match_with_ellipses():
    """A long passage shows the words around the first match, with an ellipsis where it was cut."""
    words = [f"w{i}" for i in range(100)]
    words[50] = mark("flood")
    snippet = best_passage(" ".join(words), max_words=20)
    assert snippet.startswith("… w45 ") and snippet.endswith(" …")
    assert len(snippet.split()) == 22
    assert marked_to_html(snippet).count("<mark>") == 1


def test_a_highlight_cut_by_the_window_stays_balanced():
    """A highlight spanning the cut is closed within the snippet, so the HTML has no stray tags."""
    words = [f"w{i}" for i in range(40)]
    words[2] = MARK_START + "a"
    words[3] = "b" + MARK_END
    snippet = best_passage(" ".join(words), max_words=3)
    html = str(marked_to_html(snippet))
    assert html.count("<mark>") == html.count("</mark>") == 1


def test_the_lines_marked_first_are_those_that_can_hold_the_most_matches():
    """Issue 17: a line can hold no more matches than places where a stem starts, in any case; the three that
    can hold the most are marked first (the first of equals), in order, and the rest are kept for later."""
    from search.engines.database import lines_to_mark, stem_starts

    body = "Nothing\nBirth here\nREGISTER a birth\nbirths, births and births\nregistrar\nBirth again"
    chosen, others = lines_to_mark(body, stem_starts(["birt", "regis"]))
    assert chosen == [(1, "Birth here", 1), (2, "REGISTER a birth", 2), (3, "births, births and births", 3)]
    assert others == [(4, "registrar", 1), (5, "Birth again", 1)]
    assert lines_to_mark("", stem_starts(["birt"])) == ([], [])
    assert lines_to_mark(body, stem_starts([])) == ([], [])


def test_case_is_ignored_letter_by_letter_as_postgresql_lowers_it():
    """ "İ" lower-cased by Python is two characters, and a final "Σ" becomes "ς"; PostgreSQL maps each letter
    alone. The places are found either way, where they are in the text as written."""
    from search.engines.database import places, stem_starts

    assert places("Apply, APPLIED, reapply", stem_starts(["appl"])) == [0, 7, 18]
    assert places("İstanbul apply", stem_starts(["appl"])) == [9]
    assert places("ΟΔΟΣ οδοσ", stem_starts(["οδοσ"])) == [0, 5]


def test_a_line_not_marked_can_only_be_passed_over_when_it_cannot_beat_the_best():
    """Issue 17: the marked lines give the snippet only when no line left unmarked could hold more matches, or
    as many and come before the best one; otherwise None (the caller marks the rest)."""
    from search.engines.database import best_of_marked

    summary = f"A {mark('birth')} summary"
    lines = [(2, f"{mark('Register')} a {mark('birth')}"), (5, f"One {mark('birth')}")]
    # Fewer matches possible, or as many after the best line: decided.
    assert best_of_marked(summary, lines, [(7, "birth birth", 2), (1, "birth", 1)]) == lines[0][1]
    # As many before it: it could be the first of equals.
    assert best_of_marked(summary, lines, [(1, "birth birth", 2)]) is None
    # More than the best: could be better.
    assert best_of_marked(summary, lines, [(9, "birth birth birth", 3)]) is None
    # The summary's passage comes first: a body line as good as it never beats it.
    assert best_of_marked(summary, [], [(0, "birth", 1)]) == summary
    # Nothing marked yet and a line that may match: undecided.
    assert best_of_marked("", [(3, "registrar")], [(4, "birth", 1)]) is None
    # Two passages in one line (a line separator inside): counted apart, as best_passage reads them.
    split = [(2, f"{mark('birth')}\u2028{mark('birth')}")]
    assert best_of_marked("", split, [(3, "birth birth", 2)]) is None


def test_a_place_where_two_stems_start_is_one_place():
    """Issue 17: the query "register a birth" (and its synonym "birth registration") has the stems "regist"
    and "registr", so "regis" and "regist" both start at "Register": one word, one match at most, not two
    (counting it twice had every line marked for that query)."""
    from search.engines.database import lines_to_mark, places, stem_starts

    starts = stem_starts(["regis", "regist", "birt"])
    assert places("Register a birth", starts) == [0, 11]
    assert lines_to_mark("Register a birth", starts) == ([(0, "Register a birth", 2)], [])
