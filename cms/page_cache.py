"""Rendered public pages, kept for anonymous readers until the library changes.

A public page is the same for every reader without a session: it depends on the library's content, the
address (path and query), the host and scheme (Wagtail's site, absolute links) and the language, never on
who asks. So the HTML of a page served to such a reader is kept in the ``pages`` cache under those and the
library version (``library.version.current()``), which goes up in the same transaction as any change that can
show on the site: publishing, unpublishing, a taxonomy edit, an adoption or assessment approved. A reader
after the change asks under the new version, so an edit shows at once, and old entries age out.

Only what is safe is kept: a 200 from Wagtail's page serving or one of the public views in ``CACHED_VIEWS``,
for a GET with no session, messages or Authorization, whose response sets no cookie (a form's CSRF token
sets one) and is not marked private. Search results (any ``q``), the contribute forms, the admin, previews
and the API are never kept.

The Content-Security-Policy nonce is per request. A kept page holds no nonce: its body is stored split
where the nonce stood, and joined with the new request's nonce on the way out, so the CSP middleware (outside
this one) puts that same nonce in the header.
"""

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.translation import get_language_from_path

from library import version

CACHE_ALIAS = version.PAGES_CACHE

# Views whose 200 responses are the same for every anonymous reader (dotted module.name).
CACHED_VIEWS = frozenset(
    {
        "wagtail.views.serve",  # home, index, pattern, process and content pages
        "cms.views.cookies",
        "pattern_pages.views.service_index",
        "pattern_pages.views.service_detail",
        "pattern_pages.views.life_event_index",
        "pattern_pages.views.life_event_detail",
        "pattern_pages.views.council_index",
        "pattern_pages.views.council_detail",
        "pattern_pages.views.pattern_type_index",
        "pattern_pages.views.pattern_type_detail",
        "pattern_pages.screen_views.component_detail",
    }
)
# Never looked up: nothing under them is kept, so a lookup would only cost time.
SKIPPED_PREFIXES = ("/admin/", "/api/", "/documents/", "/static/", "/media/", "/search/", "/cy/search/")
UNCACHEABLE_CACHE_CONTROL = ("private", "no-store", "no-cache")


def page_key(request):
    """The cache key of a page: library version, scheme, host, language and full path (with the query)."""
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    return version.cache_key("page", request.scheme, request.get_host(), language, request.get_full_path())


def anonymous_get(request):
    """Whether the request may be answered from, or fill, the cache: a GET from a reader with no session."""
    if request.method != "GET" or request.path_info.startswith(SKIPPED_PREFIXES):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def storable(request, response):
    """Whether a response to an anonymous GET is the same for every anonymous reader of that address."""
    if not getattr(request, "_page_cache_view", False) or getattr(request, "is_preview", False):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # a CSRF token is in the page
        return False
    cache_control = response.get("Cache-Control", "")
    if any(directive in cache_control for directive in UNCACHEABLE_CACHE_CONTROL):
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


class PublicPageCacheMiddleware:
    """Answer anonymous GETs of public pages from the ``pages`` cache; keep what such requests render.

    It sits inside the CSP middleware (which writes the nonce of the answer into the header) and outside the
    session, locale, CSRF, authentication and messages middleware, which a kept page does not need.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.cache = caches[CACHE_ALIAS]

    def __call__(self, request):
        if not anonymous_get(request):
            return self.get_response(request)
        key = page_key(request)
        kept = self.cache.get(key)
        if kept is not None:
            return self.replay(request, kept)
        response = self.get_response(request)
        if storable(request, response):
            self.cache.set(key, self.keep(request, response))
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        name = getattr(view_func, "__name__", "")  # a callable object (the Atom feed) has none
        request._page_cache_view = f"{view_func.__module__}.{name}" in CACHED_VIEWS

    @staticmethod
    def keep(request, response):
        """``(body split at the nonce, headers, the view's CSP changes)``; the nonce itself is never kept.

        A view's changes to the policy (a live example allows framing by the site itself) are applied by the
        CSP middleware outside this one, so they are kept with the page and given back on replay.
        """
        nonce = getattr(request, "_csp_nonce", None)
        body = response.content
        chunks = body.split(nonce.encode()) if isinstance(nonce, str) else [body]
        return chunks, list(response.items()), getattr(response, "_csp_replace", None)

    @staticmethod
    def replay(request, kept):
        chunks, headers, csp_replace = kept if len(kept) == 3 else (*kept, None)
        body = chunks[0] if len(chunks) == 1 else str(request.csp_nonce).encode().join(chunks)
        response = HttpResponse(body)
        for name, value in headers:
            response[name] = value
        response["Content-Length"] = str(len(body))
        if csp_replace:
            response._csp_replace = csp_replace
        return response
