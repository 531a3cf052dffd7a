"""Template helpers for the public site: navigation, breadcrumbs, links that follow the active language."""

import functools

from django import template
from django.core.signals import setting_changed
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from library import kept, version
from library.fixed import FixedQuery
from pattern_pages.i18n import LINKED_PAGE_FIELDS, active_locale

register = template.Library()

MATURITY_TAG_CLASSES = {
    "experimental": "govuk-tag--yellow",
    "beta": "govuk-tag--blue",
    "stable": "govuk-tag--green",
    "deprecated": "govuk-tag--red",
}


def language_prefix():
    """'' for English (served at /), '/cy' for Welsh: the prefix i18n_patterns gives the active language."""
    from django.conf import settings

    language = translation.get_language() or settings.LANGUAGE_CODE
    return "" if language == settings.LANGUAGE_CODE else f"/{language}"


def _reverse_or(name, fallback):
    try:
        return reverse(name)
    except NoReverseMatch:
        return fallback


@register.simple_tag
def search_url():
    """The search page in the active language (the search app names its view ``search:search``)."""
    return _reverse_or("search:search", f"{language_prefix()}/search/")


@register.simple_tag
def api_url():
    """The supplier API's landing page (an HTML page about the API; /api/v1/ itself is JSON)."""
    return _reverse_or("api:landing", "/api/")


def _index_pages(request):
    """The live pattern and process index pages in the active locale, fetched once per request."""
    cache = getattr(request, "_library_index_pages", None) if request else None
    if cache is not None:
        return cache
    from pattern_pages.models import PatternIndexPage, ProcessIndexPage

    pages = Page.objects.live().public().type(PatternIndexPage, ProcessIndexPage).select_related("content_type")
    try:
        pages = pages.filter(locale=active_locale())
    except Locale.DoesNotExist:  # no locale at all yet
        pass
    found = {}
    for page in pages:
        found.setdefault(page.content_type.model, page)
    cache = {
        "patterns": found.get("patternindexpage"),
        "processes": found.get("processindexpage"),
    }
    if request is not None:
        request._library_index_pages = cache
    return cache


def _navigation_links(request):
    """The header's ``[(text, href)]`` in the active language, looking up the index pages' addresses."""
    indexes = _index_pages(request) if request is not None else {}
    prefix = language_prefix()

    def page_href(page, fallback):
        if page is None:
            return fallback
        return page.get_url(request=request) or fallback

    return [
        (_("Patterns"), page_href(indexes.get("patterns"), f"{prefix}/patterns/")),
        (_("Processes"), page_href(indexes.get("processes"), f"{prefix}/processes/")),
        (_("Services"), _reverse_or("services", f"{prefix}/services/")),
        (_("Life events"), _reverse_or("life_events", f"{prefix}/life-events/")),
        (_("Councils"), _reverse_or("councils", f"{prefix}/councils/")),
        (_("Reuse"), _reverse_or("contributions:reuse", f"{prefix}/reuse/")),
        (_("Contribute"), _reverse_or("contributions:start", f"{prefix}/contribute/")),
        (_("Search"), search_url()),
        (_("API"), api_url()),
    ]


def _kept_navigation_links(request):
    """The links, kept until the library changes (they name index pages) for each language and host.

    Every page the cache of rendered pages does not answer (search results, forms, pages after a change) shows
    them, and finding the index pages and their addresses is a few queries.
    """
    from django.core.cache import caches

    key = version.cache_key("navigation", translation.get_language() or "", request.get_host())
    cache = caches[version.PAGES_CACHE]
    links = cache.get(key)
    if links is None:
        links = [(str(text), href) for text, href in _navigation_links(request)]
        cache.set(key, links)
    return links


@register.simple_tag(takes_context=True)
def site_navigation(context):
    """The header's navigation items: ``[{"text", "href", "active"}]``, the current section marked."""
    request = context.get("request")
    links = _navigation_links(None) if request is None else _kept_navigation_links(request)
    path = request.path if request is not None else ""
    return [{"text": text, "href": href, "active": bool(path) and path.startswith(href)} for text, href in links]


@functools.cache  # by depth: the same statement for the breadcrumbs of every page as deep (library.fixed)
def _ancestors(depth):
    """The statement that reads a page's ancestors below the home page (``page.get_ancestors().filter(depth__gt=2)``)
    with the columns a link needs, for a page whose path has ``depth`` steps: ``.run(page.pk, *its ancestor paths
    and its own)``."""
    return FixedQuery(
        lambda pk, *paths: (
            Page.objects.filter(Q(path__in=paths) & ~Q(pk=pk))
            .filter(depth__gt=2)
            .select_related("locale")
            .only(*LINKED_PAGE_FIELDS, "locale__language_code")
        )
    )


def _remembered_ancestors(pk, paths):
    """The ancestors of the page at ``paths[-1]`` (``pk``) below the home page, read once per library version for
    each place in the tree (``library.version.remembered``): every pattern page's breadcrumbs name the same index
    page. What a kept rendering depends on is declared as reading them would have (``library.kept``)."""
    remembered = version.remembered("ancestors")
    if remembered is None:  # not a page the page cache serves
        return _ancestors(len(paths)).run(pk, *paths)
    key = tuple(paths[:-1])  # the page itself is never among them (its own path, left out by its pk)
    found = remembered.get(key)
    if found is None:
        with kept.collecting() as loaded:
            kept.complete()
            ancestors = _ancestors(len(paths)).run(pk, *paths)
        found = remembered[key] = (ancestors, frozenset(loaded.tags))
    kept.depends_on(*found[1])
    return found[0]


@register.simple_tag(takes_context=True)
def page_breadcrumbs(context, page):
    """Breadcrumbs for a Wagtail page: its ancestors below the home page (the template adds "Home")."""
    request = context.get("request")
    from pattern_pages.i18n import other_language

    step = page.steplen
    paths = [page.path[0:end] for end in range(step, len(page.path) + 1, step)]  # Wagtail's ancestor_of_q
    ancestors = _remembered_ancestors(page.pk, paths)
    return [
        {"text": ancestor.title, "href": ancestor.get_url(request=request), "lang": other_language(ancestor)}
        for ancestor in ancestors
    ]


@register.simple_tag(takes_context=True)
def home_url(context):
    return f"{language_prefix()}/"


@register.filter
def maturity_tag_class(maturity):
    return MATURITY_TAG_CLASSES.get(str(maturity), "govuk-tag--grey")


@register.simple_tag
def govuk_frontend_config():
    """GOV.UK Frontend's component texts in the active language, for ``initAll`` (None in English)."""
    from pattern_pages.frontend_i18n import frontend_config

    return frontend_config()


# Bumped when a setting changes (tests override URLs, static files, languages): every kept fragment is made again.
_fragment_generation = [0]


def _forget_fragments(**kwargs):
    _fragment_generation[0] += 1


setting_changed.connect(_forget_fragments, dispatch_uid="library_tags.forget_fragments")


class SameForLanguageNode(template.Node):
    """Renders its contents once per language and process, then gives back that HTML (see ``same_for_language``)."""

    def __init__(self, nodelist):
        self.nodelist = nodelist
        self.rendered = {}
        self.generation = _fragment_generation[0]

    def render(self, context):
        if self.generation != _fragment_generation[0]:
            self.rendered, self.generation = {}, _fragment_generation[0]
        language = translation.get_language()
        html = self.rendered.get(language)
        if html is None:
            html = self.rendered[language] = mark_safe(self.nodelist.render(context))  # noqa: S308 (rendered by it)
        return html


@register.tag
def same_for_language(parser, token):
    """``{% same_for_language %}…{% end_same_for_language %}``: a part of a template that shows only texts,
    static files and addresses in the active language (the header's and footer's texts, the stylesheets), made
    once per language in each process instead of on every page: a page's footer alone is a dozen translations
    and reversed addresses. Nothing inside may read the page, the request or the library (the nonce, the
    navigation, the breadcrumbs stay outside)."""
    nodelist = parser.parse(("end_same_for_language",))
    parser.delete_first_token()
    return SameForLanguageNode(nodelist)
