"""The public search page (works without JavaScript) and the JSON endpoint its autocomplete calls."""

import json
from urllib.parse import urlencode

from django.http import HttpResponse, QueryDict
from django.shortcuts import render
from django.utils.translation import get_language, ngettext
from django.views.decorators.http import require_GET

from .answers import answered
from .documents import FACETS
from .engines import SearchEngineUnavailable, get_search_engine
from .facets import FACET_HEADINGS
from .params import MAX_QUERY_LENGTH, read_search
from .query import SearchQuery


def current_locale():
    return (get_language() or "en").split("-")[0]


@require_GET
def search(request):
    """The search page, kept for the next anonymous reader who asks the same (``search.answers``)."""
    return answered(request, current_locale(), ("page",), lambda: render_search(request))


def render_search(request):
    """``(the page, whether it may be kept)``: not when it shows a problem with the search or the engine."""
    query, problems = read_search(request.GET, current_locale())
    errors = [problem.message for problem in problems]
    text, filters, page = query.text, query.filters, query.page

    unavailable, refused = False, any(problem.refused for problem in problems)
    results = None
    try:
        if not refused:
            results = get_search_engine().search(query)
    except SearchEngineUnavailable:
        unavailable = True

    if results and page > results.page_count:
        # The results end before the page asked for: a page past the deepest that can be shown (MAX_RESULTS)
        # need not be mentioned, as there are not that many results.
        errors = [problem.message for problem in problems if not problem.past_the_limit]
        if results.total:
            errors.append(
                ngettext(
                    "There is only %(count)s page of results; showing page %(count)s.",
                    "There are only %(count)s pages of results; showing page %(count)s.",
                    results.page_count,
                )
                % {"count": results.page_count}
            )
            query = SearchQuery(text, filters=filters, locale=query.locale, page=results.page_count)
            results = get_search_engine().search(query)

    context = {
        "query": query,
        "results": results,
        "errors": errors,
        # Shown again beside the search box, as the GOV.UK error pattern asks (the summary links to it).
        "q_errors": [problem.message for problem in problems if problem.parameter == "q"],
        "unavailable": unavailable,
        "refused": refused,
        "facet_groups": facet_groups(results),
        "has_filters": bool(filters),
        "selected_count": sum(len(values) for values in filters.values()),
        "pagination": pagination(request, results) if results else None,
        "suggestion_url": with_params(request, q=results.suggestion, page=None)
        if results and results.suggestion
        else "",
        "clear_filters_url": "?" + urlencode({"q": text}) if text else "?",
    }
    response = render(request, "search/search.html", context, status=503 if unavailable else 200)
    return response, not (errors or unavailable)


def facet_groups(results):
    """The facets to show as checkbox groups, in a fixed order, skipping any with no values."""
    if not results:
        return []
    return [
        {"name": name, "heading": FACET_HEADINGS[name], "values": results.facets[name]}
        for name in FACETS
        if results.facets.get(name)
    ]


def with_params(request, **changes):
    """The current URL's query string with ``changes`` applied (None removes a parameter)."""
    params = request.GET.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return "?" + params.urlencode()


def pagination(request, results):
    """GOV.UK pagination: previous/next and the page numbers around the current one, with ellipses."""
    current, last = results.query.page, results.page_count
    if last <= 1:
        return None
    href = page_href(request)
    numbers = sorted({1, last, current - 1, current, current + 1} & set(range(1, last + 1)))
    items, previous = [], 0
    for number in numbers:
        if number - previous > 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "href": href(number), "current": number == current})
        previous = number
    return {
        "items": items,
        "previous": href(current - 1) if current > 1 else "",
        "next": href(current + 1) if current < last else "",
    }


def page_href(request):
    """``href(number)``: what ``with_params(request, page=number)`` gives, the rest of the query string encoded
    once for every page link rather than copied and encoded again for each."""
    params = list(request.GET.lists())
    at = next((index for index, (key, _values) in enumerate(params) if key == "page"), len(params))
    before, after = (encoded(part) for part in (params[:at], params[at + 1 :]))
    return lambda number: "?" + "&".join(part for part in (before, urlencode({"page": number}), after) if part)


def encoded(params):
    """``[(key, [value])]`` as ``QueryDict.urlencode`` writes them."""
    found = QueryDict(mutable=True)
    for key, values in params:
        found.setlist(key, values)
    return found.urlencode()


@require_GET
def suggest(request):
    """Autocomplete: ``/search/suggest/?q=blu`` → ``{"query": "blu", "suggestions": [{"title", "url", "kind"}]}``."""
    text = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    try:
        suggestions = get_search_engine().autocomplete(text, current_locale())
    except SearchEngineUnavailable:
        suggestions = []
    # <, > and & as \u escapes: the same JSON to a parser, but never markup if the query echoed back
    # is hostile and something renders the response as HTML.
    body = json.dumps({"query": text, "suggestions": suggestions})
    body = body.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return HttpResponse(body, content_type="application/json")
