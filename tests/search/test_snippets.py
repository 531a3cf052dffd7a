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
