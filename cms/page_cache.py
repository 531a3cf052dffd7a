"""Rendered public pages, kept for anonymous readers until the library changes.

A public page is the same for every reader without a session: it depends on the library's content, the
address (path and query), the host and scheme (Wagtail's site, absolute links) and the language, never on
who asks. So the HTML of a page served to such a reader is kept in the ``pages`` cache under those and the
library version (``library.version.current()``), which goes up in the same transaction as any change that can
show on the site: publishing, unpublishing, a taxonomy edit, an adoption or assessment approved. A reader
after the change asks under the new version, so an edit shows at once, and old entries age out.

Only what is safe is kept: a 200 from Wagtail's page serving or one of the public views in ``CACHED_VIEWS``,
for a GET with no session, messages or Authorization, whose response sets no cookie (a form's CSRF token
sets one) and is not marked private (``library.responses``). The contribute forms, the admin, previews and the
API are never kept here, nor the search page: its answers depend on the search index too, which the worker
writes after the library changes, so the search keeps them itself (``search.answers``).

Behind this per-process cache, pattern and process pages (which declare what they depend on) are also kept in
the table shared by every process (``library.kept``), for addresses without a query string: a change deletes
only the pages it touches, so after a publish the other pages are served from the table (one query, then
this process's cache again), and the worker renders the deleted ones again (``render_pages``) so their first
reader does not pay. Within such a page the body is kept once per published revision (``{% kept_body %}``),
written with the page in one transaction when the request ends (``library.kept.put_pending``).

The Content-Security-Policy nonce is per request. A kept page holds no nonce: its body is stored split
where the nonce stood, and joined with the new request's nonce on the way out (``library.responses.keep``,
``replay``), so the CSP middleware (outside this one) puts that same nonce in the header.
"""

import json
import logging

from django.conf import settings
from django.core.cache import caches
from django.utils.translation import get_language_from_path
from django_tasks import task

from library import kept, responses, version

logger = logging.getLogger(__name__)

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


def address_parts(request):
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    return request.scheme, request.get_host(), language, request.get_full_path()


def page_key(request):
    """The cache key of a page: library version, scheme, host, language and full path (with the query)."""
    return version.cache_key("page", *address_parts(request))


def kept_page_key(request):
    """The key of a page in the shared table of kept renderings (``library.kept``): no library version."""
    return kept.entry_key("page", *address_parts(request))


def shared(request):
    """Whether the page at this address may be kept in the shared table: no query string (so the table holds
    one row per page and language, not one per made-up query)."""
    return not request.META.get("QUERY_STRING")


def anonymous_get(request):
    """Whether the request may be answered from, or fill, the cache: a GET from a reader with no session."""
    return not request.path_info.startswith(SKIPPED_PREFIXES) and responses.anonymous(request)


def storable(request, response):
    """Whether a response to an anonymous GET is the same for every anonymous reader of that address."""
    if not getattr(request, "_page_cache_view", False) or getattr(request, "is_preview", False):
        return False
    return responses.same_for_everyone(request, response)


# What every page served under one library version shares, read once for that version: Wagtail's Site for each
# host and port (with its root page), the locales, and whether any page has a view restriction.
_sites = {"version": None, "by_address": {}, "locales": None, "unrestricted": False, "homes": {}}


def remember_site(request, library_version):
    """Give the request Wagtail's site (``Site.find_for_request``), the locales and whether any page has a view
    restriction, as read under this library version.

    Finding the site is a query of its own on every page Wagtail serves (with a CASE ranking that costs more to
    build than to run), then its root page's specific row; the locales are a query on every page
    (``pattern_pages.i18n.request_locales``), and view restrictions three: Wagtail's check before serving (the
    page's ancestors, then their restrictions) and ``.public()`` on the page's translations, which reads them
    all. A site, a locale, a view restriction or a page that can have children changed (and any move) moves the
    library version (``library.signals``), so what was found stays right until the version moves; the root page
    and the locales are shared read-only.
    """
    from django.http.request import split_domain_port
    from wagtail.models import Locale, PageViewRestriction, Site

    from pattern_pages import i18n

    if not library_version or library_version == "0":  # a library that never changed: nothing to key it on
        return
    if _sites["version"] != library_version:
        _sites.update(version=library_version, by_address={}, locales=None, unrestricted=False, homes={})
    address = (split_domain_port(request._get_raw_host())[0], request.get_port())
    site = _sites["by_address"].get(address)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            _sites["by_address"][address] = site
    request._wagtail_site = site
    request._library_site_remembered = site is not None
    if _sites["locales"] is None:
        _sites["unrestricted"] = not PageViewRestriction.objects.exists()
        _sites["locales"] = {locale.language_code: locale for locale in Locale.objects.all()}
    i18n.known_for_request(_sites["locales"], _sites["unrestricted"])


def route_from_remembered_home(request, path):
    """Route a page Wagtail serves (``Page.route_for_request``, whose answer it keeps on the request) from the
    site's home page in the active language as found once for the library version (``remember_site``).

    Wagtail's way asks ``site.root_page.localized.specific`` on every page: the active locale (a query), and in
    Welsh the home page's translation and its specific row (two more). A home page and its translations can have
    children, so a change to them moves the library version, and what was found stays right until it moves."""
    from django.http import Http404
    from django.utils import translation

    from pattern_pages import i18n

    site = request._wagtail_site
    key = (site.pk, translation.get_language())
    home = _sites["homes"].get(key)
    if home is None:
        home = _sites["homes"][key] = site.root_page.localized.specific
    # What Wagtail's way read on every page (the active locale, and a translated home): what is kept depends on them
    # as it did then (a change to either changes every page anyway).
    kept.depends_on(kept.row_tag(i18n.active_locale()))
    if home.pk != site.root_page_id:
        kept.depends_on(kept.row_tag(home))
    try:
        request._wagtail_route_for_request = home.route(request, [part for part in path.split("/") if part])
    except Http404:
        request._wagtail_route_for_request = None


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
        found = self.cache.get(key)
        if found is not None:
            return responses.replay(request, found)
        shared_key = kept_page_key(request) if shared(request) else None
        if shared_key is not None:
            found = self.load(shared_key)
            if found is not None:
                self.cache.set(key, found)
                return responses.replay(request, found)
        # What is rendered now is kept only if the library did not change while it rendered (library.kept).
        request._kept_version = kept.read_version()
        remember_site(request, request._kept_version)
        request._kept_pending = []  # what the page keeps of itself (its body), written with the page
        with kept.collecting() as dependencies, version.serving(request._kept_version):
            response = self.get_response(request)
        entry = None
        if storable(request, response):
            page = responses.keep(request, response)
            self.cache.set(key, page)
            if shared_key is not None and kept.INCOMPLETE not in dependencies.tags:
                entry = self.entry(request, shared_key, page, dependencies.tags)
        if entry is not None or request._kept_pending:
            kept.put_pending(request, *([entry] if entry is not None else []))
        return response

    @staticmethod
    def load(shared_key):
        content = kept.get(shared_key)
        if content is None:
            return None
        chunks, headers, csp_replace = json.loads(content)
        return [chunk.encode() for chunk in chunks], headers, csp_replace

    @staticmethod
    def entry(request, shared_key, page, tags):
        """The page as an entry of the shared table (``library.kept.put_many``), or None if it cannot be."""
        chunks, headers, csp_replace = page
        try:
            content = json.dumps([[chunk.decode() for chunk in chunks], headers, csp_replace])
        except (UnicodeDecodeError, TypeError):
            return None
        return (shared_key, "page", content.encode(), tags, request.build_absolute_uri())

    def process_view(self, request, view_func, view_args, view_kwargs):
        name = getattr(view_func, "__name__", "")  # a callable object (the Atom feed) has none
        view = f"{view_func.__module__}.{name}"
        request._page_cache_view = view in CACHED_VIEWS
        if view == "wagtail.views.serve" and getattr(request, "_library_site_remembered", False):
            path = view_kwargs["path"] if "path" in view_kwargs else (view_args[0] if view_args else None)
            if path is not None:  # serve(request, path), as Wagtail's URL patterns call it
                route_from_remembered_home(request, path)


# The most pages a change sends the worker to render again (the rest are rendered by their next reader).
RENDER_AGAIN_LIMIT = 500


def render_again(addresses):
    """After a change: the worker renders the kept pages it deleted, so their first reader does not pay."""
    addresses = list(addresses)[: getattr(settings, "PAGE_CACHE_RENDER_AGAIN_LIMIT", RENDER_AGAIN_LIMIT)]
    if addresses:
        try:
            render_pages.enqueue(addresses)
        except Exception:  # the pages are rendered by their next reader anyway
            logger.exception("Could not enqueue the rendering of %d pages", len(addresses))


@task()
def render_pages(addresses):
    """Request each address as an anonymous reader would, through the whole stack, so it is kept again."""
    from urllib.parse import urlsplit

    from django.test import Client

    rendered = 0
    for address in addresses:
        parts = urlsplit(address)
        client = Client(raise_request_exception=False, HTTP_HOST=parts.netloc)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if client.get(path, secure=parts.scheme == "https").status_code == 200:
            rendered += 1
    return rendered
