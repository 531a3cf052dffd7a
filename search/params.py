"""One reading of a search's query string, for the search page and the search API alike.

``read_search(request.GET, locale="en")`` → ``(SearchQuery, problems)``. What is wrong is corrected (a long
``q`` is cut, a bad page number becomes 1) and described in a :class:`Problem` naming the parameter: the
search page shows the problems above its results, the API answers 400 with the first one. A query of too
many words is not corrected (dropping words would answer another question): the page shows the problem and
searches nothing.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .documents import FACETS
from .query import MAX_RESULTS, PAGE_SIZE, SearchQuery, last_page
from .synonyms import analyse_query

MAX_QUERY_LENGTH = 200
# Words that count in a query (stopwords such as "the" do not; a synonym phrase is one): each is matched and
# ranked on its own, and 25 common words cost 1.3 s of database CPU at 10,000 pages (issue 17). The judged
# queries have at most 4; a resident's sentence, e.g. "how do I report a bin that was not collected on my
# street last tuesday", has 9.
MAX_QUERY_WORDS = 12
# Values ticked in one facet: each is tested against every candidate, and 1,000 of them cost seven seconds of
# database CPU for "council" at 10,000 pages (issue 17); a results page shows a facet's ten commonest values.
MAX_FACET_VALUES = 50
MAX_PAGE_SIZE = 50
# The highest page number at all (one result a page): a page further than MAX_RESULTS is refused.
MAX_PAGE = last_page(1)


@dataclass(frozen=True)
class Problem:
    parameter: str
    message: str
    # Nothing is searched: correcting it would change what was asked (too many words; none is dropped).
    refused: bool = False
    # A page past the deepest that can be shown (MAX_RESULTS): not worth saying when the results end sooner.
    past_the_limit: bool = False


def read_whole_number(params, name, default, maximum=None):
    """``(number, problem)``: ``params[name]`` as a whole number from 1 (to ``maximum``), else ``default``.

    ``read_whole_number({"page": "2"}, "page", 1)`` → ``(2, None)``; ``"two"`` → ``(1, Problem("page", …))``.
    """
    raw = params.get(name)
    if raw in (None, ""):
        return default, None
    if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
        if name == "page":
            message = _("The page number must be a whole number, 1 or more, not “%(value)s”.")
        else:
            message = _("%(name)s must be a whole number, 1 or more, not “%(value)s”.")
        return default, Problem(name, message % {"name": name, "value": raw[:20]})
    if maximum and int(raw) > maximum:
        return maximum, Problem(name, _("%(name)s can be at most %(maximum)s.") % {"name": name, "maximum": maximum})
    return int(raw), None


def read_search(params, locale, page_sizes=False):
    """The search ``params`` ask for (``q``, ``page``, the facets, and ``page_size`` with ``page_sizes``)."""
    problems = []
    text = params.get("q", "").strip()
    if len(text) > MAX_QUERY_LENGTH:
        problems.append(
            Problem(
                "q",
                ngettext(
                    "Search for %(max)s character or fewer; you typed %(length)s.",
                    "Search for %(max)s characters or fewer; you typed %(length)s.",
                    MAX_QUERY_LENGTH,
                )
                % {"max": MAX_QUERY_LENGTH, "length": len(text)},
            )
        )
        text = text[:MAX_QUERY_LENGTH]
    significant = len(analyse_query(text))
    if significant > MAX_QUERY_WORDS:
        problems.append(
            Problem(
                "q",
                ngettext(
                    "Search for %(max)s word or fewer (words such as “the” and “for” are not counted); "
                    "you typed %(count)s.",
                    "Search for %(max)s words or fewer (words such as “the” and “for” are not counted); "
                    "you typed %(count)s.",
                    MAX_QUERY_WORDS,
                )
                % {"max": MAX_QUERY_WORDS, "count": significant},
                refused=True,
            )
        )
    page_size, size_problem = PAGE_SIZE, None
    if page_sizes:
        page_size, size_problem = read_whole_number(params, "page_size", PAGE_SIZE, MAX_PAGE_SIZE)
    # A page past the first MAX_RESULTS results is refused (the page shows the last one it can).
    page, problem = read_whole_number(params, "page", 1)
    if not problem and page > last_page(page_size):
        page = last_page(page_size)
        problem = Problem(
            "page",
            ngettext(
                "Only the first %(max)s result can be shown, so the last page is %(last)s: add words or "
                "choose filters to find the rest.",
                "Only the first %(max)s results can be shown, so the last page is %(last)s: add words or "
                "choose filters to find the rest.",
                MAX_RESULTS,
            )
            % {"max": f"{MAX_RESULTS:,}", "last": page},
            past_the_limit=True,
        )
    problem = problem or size_problem
    problems += [problem] if problem else []
    filters = {}
    for name in FACETS:
        values = list(dict.fromkeys(params.getlist(name)))
        if len(values) > MAX_FACET_VALUES:
            problems.append(
                Problem(
                    name,
                    ngettext(
                        "Choose %(max)s %(name)s value or fewer; you chose %(count)s.",
                        "Choose %(max)s %(name)s values or fewer; you chose %(count)s.",
                        MAX_FACET_VALUES,
                    )
                    % {"max": MAX_FACET_VALUES, "name": name, "count": len(values)},
                )
            )
            values = values[:MAX_FACET_VALUES]
        if values:
            filters[name] = values
    return SearchQuery(text, filters=filters, locale=locale, page=page, page_size=page_size), problems
