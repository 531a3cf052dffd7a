"""The query every engine takes and the results every engine returns."""

from dataclasses import dataclass, field
from functools import cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .documents import FACETS

# Highlight markers the engines put around matched words; :func:`marked_to_html` turns them into
# <mark> after escaping, so page text can never inject markup into the results page.
MARK_START = "\x02"
MARK_END = "\x03"

PAGE_SIZE = 10
# The deepest result a search shows: a page further on is refused, and the reader asked to narrow the
# search (totals stay exact). Finding the last page of "council" (8,578 matches) put every match in order,
# 339 ms of CPU at 10,000 pages (issue 17); GOV.UK's finders and most search engines stop at such a depth.
MAX_RESULTS = 1000


def last_page(page_size):
    """The highest page whose results are all within ``MAX_RESULTS``: ``last_page(10) == 100``."""
    return max(1, MAX_RESULTS // page_size)


class SearchQueryError(ValueError):
    """A query the user can fix, e.g. an unknown facet; the message names the parameter."""


@dataclass(frozen=True)
class SearchQuery:
    """What someone asked for, e.g. ``SearchQuery("bins", filters={"type": ["pattern"]}, locale="en")``."""

    text: str = ""
    filters: dict = field(default_factory=dict)  # {facet: [values]}: any value within a facet, every facet
    facets: tuple = FACETS
    locale: str = "en"
    page: int = 1
    page_size: int = PAGE_SIZE

    def __post_init__(self):
        unknown = [name for name in list(self.filters) + list(self.facets) if name not in FACETS]
        if unknown:
            raise SearchQueryError(
                f"Unknown facet {unknown[0]!r}: use one of {', '.join(FACETS)}."  # noqa: B907
            )
        if self.page < 1:
            raise SearchQueryError(f"page must be 1 or more, not {self.page}.")
        object.__setattr__(self, "filters", {k: list(v) for k, v in self.filters.items() if v})

    @property
    def offset(self):
        return (self.page - 1) * self.page_size


@dataclass
class SearchHit:
    """One result: the document's stored fields, its score and highlighted title and snippet."""

    key: str
    kind: str
    title: str
    url: str
    score: float
    title_marked: str = ""
    snippet_marked: str = ""
    summary: str = ""
    slug: str = ""
    page_id: int | None = None
    service_id: int | None = None
    lgsl_codes: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)

    @property
    def kind_label(self):
        return kind_labels().get(self.kind, self.kind)

    @property
    def title_html(self):
        return marked_to_html(self.title_marked or self.title)

    @property
    def snippet_html(self):
        return marked_to_html(self.snippet_marked or self.summary)


@cache
def kind_labels():
    """``{kind: its label}`` (lazy, so each in the reader's language), read once: ``DocumentKind.values`` builds
    its lists again on every call."""
    from .models import DocumentKind

    return dict(DocumentKind.choices)


@dataclass
class FacetCount:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    query: SearchQuery
    hits: list
    total: int
    facets: dict = field(default_factory=dict)  # {facet: [FacetCount]}
    suggestion: str = ""  # "did you mean"

    @property
    def page_count(self):
        """The pages a reader can ask for: every result's, up to ``MAX_RESULTS`` results."""
        return min(max(1, -(-self.total // self.query.page_size)), last_page(self.query.page_size))


SNIPPET_WORDS = 32


def best_passage(*marked_fields, max_words=SNIPPET_WORDS):
    """The passage (a line of one field) with the most matched words, cut to ``max_words`` around its first.

    ``marked_fields`` are whole fields with the engine's markers, most telling first (the summary, then
    the body); a tie goes to the earlier passage. "" when no passage has a match.

    >>> best_passage("A summary", "Step one\nReport \x02flooding\x03 here")
    'Report \x02flooding\x03 here'
    """
    passages = [line.strip() for text in marked_fields for line in (text or "").splitlines() if MARK_START in line]
    if not passages:
        return ""
    best = max(passages, key=lambda line: line.count(MARK_START))  # max keeps the first of equals
    tokens = best.split()
    if len(tokens) <= max_words:
        return best
    first = next(i for i, token in enumerate(tokens) if MARK_START in token)
    start = max(0, min(first - max_words // 4, len(tokens) - max_words))
    window = tokens[start : start + max_words]
    # A highlight cut by the window is closed (or opened) at the cut.
    if window[0].find(MARK_END) != -1 and (
        MARK_START not in window[0] or window[0].find(MARK_END) < window[0].find(MARK_START)
    ):
        window[0] = MARK_START + window[0]
    text = " ".join(window)
    if text.count(MARK_START) > text.count(MARK_END):
        text += MARK_END
    return ("… " if start else "") + text + (" …" if start + max_words < len(tokens) else "")


def marked_to_html(text):
    """Escape ``text`` and turn the engines' markers into ``<mark>``.

    ``"\\x02bin\\x03 <b>"`` becomes ``<mark>bin</mark> &lt;b&gt;``.
    """
    # Adjacent matched words read as one highlight: "<mark>blue badge</mark>", not two.
    text = (text or "").replace(f"{MARK_END} {MARK_START}", " ")
    html = escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(html)  # noqa: S308  (escaped above; only our own tags are added)
