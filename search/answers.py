"""Search answers kept for the next anonymous reader who asks the same: the search page and the search API.

Matching, counting and rendering a search costs about 25 ms even when its counts are kept (``KeptCounts``); a
search asked again is answered from what the first one rendered, in a few. Both the page (``/search/``,
``/cy/search/``) and the API (``/api/v1/search/``) answer through :func:`answered`.

An answer is kept like the search's counts, by :class:`~search.engines.database.KeptCounts` (so under the
library version *and* the index's generation: the worker writes the index after the library changes, so under
the version alone an answer made in between would be kept), in the bounded ``search`` cache of each process.
Both are read at most once a second (``API_LIBRARY_VERSION_TTL``), so a kept answer costs no query most of the
time, and a change or an index write is seen by every process at most that long afterwards.
Its key holds everything the answer is made from: which answer (page or API, and the API's media type), the
language, the scheme and host, and the path with its query string as given (the page's links repeat the query
string, so two spellings of one search are two answers).

Only an answer the same for every anonymous reader is kept (``library.responses``): never one for a signed-in
reader or an API key, one that sets a cookie, an error, a refusal or a 503. A kept page holds no CSP nonce.
Only an engine whose index writes move the generation (``SearchEngine.keeps_answers``) has its answers kept.

``bench.probe`` sees the lookup as a kept count (a kept answer is logged as a hit), and ``BENCH_SEARCH_CACHE=off``
turns it off with the counts.
"""

import time

from django.conf import settings
from django.db import connection
from django.utils.translation import get_language

from library import responses

from .engines import get_search_engine
from .engines.database import KeptCounts, index_generation

CACHE_ALIAS = "search"


# The index's generation as this process last read it, and until when it may answer from it.
_remembered = {"generation": None, "alias": None, "until": 0.0}


def remembered_generation():
    """The index's generation, read at most once per ``API_LIBRARY_VERSION_TTL`` seconds, as the library version
    is (``library.version.current``): an index the worker writes is seen at most that long afterwards."""
    now = time.monotonic()
    if _remembered["alias"] == connection.alias and now < _remembered["until"]:
        return _remembered["generation"]
    generation = index_generation()
    until = now + getattr(settings, "API_LIBRARY_VERSION_TTL", 1.0)
    _remembered.update(generation=generation, alias=connection.alias, until=until)
    return generation


class KeptAnswers(KeptCounts):
    cache_alias = CACHE_ALIAS

    def __init__(self, locale):
        super().__init__(locale)
        self.generation = remembered_generation()
        self.keys = {}

    def key(self, what):
        # Read once: the answer is kept under the version it was looked up under, never a newer one read later.
        if what not in self.keys:
            self.keys[what] = super().key(what)
        return self.keys[what]


def answered(request, locale, what, render):
    """The answer kept for this request, or ``render()``'s, kept when every anonymous reader may have it.

    ``render()`` returns ``(response, keepable)``, the response rendered (its content read), ``keepable`` False
    for an answer that is not a search's results (a problem with the query is shown); ``what`` is the answer's
    kind, e.g. ``("api", "application/json")``.
    """
    if not responses.anonymous(request) or not get_search_engine().keeps_answers:
        return render()[0]
    rendered = []
    session = getattr(request, "session", None)

    def render_and_keep():
        response, keepable = render()
        rendered.append(response)
        if not keepable or (session is not None and session.modified):
            return None
        if not responses.same_for_everyone(request, response):
            return None
        # Whether the session was read (the session middleware then says Vary: Cookie), to say so again.
        return responses.keep(request, response), session is not None and session.accessed

    full_path = request.get_full_path()
    kept = KeptAnswers(locale).get_or_count(
        ("answer", *what, get_language() or "", request.scheme, request.get_host(), full_path), render_and_keep
    )
    if rendered:
        return rendered[0]
    response, session_read = kept
    if session_read:
        session.accessed = True
    return responses.replay(request, response)
