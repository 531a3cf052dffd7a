"""Serving the Welsh site: a page not yet translated (or whose Welsh copy is still a draft) is served in
English under /cy/ with a notice in Welsh, never a 404."""

import functools
from contextvars import ContextVar

from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.utils.html import format_html
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from library import kept
from library.fixed import FixedQuery

# What a link to a page needs of it (its address, title and language): pages fetched only to be linked to are
# read with these columns, not all of Page's.
LINKED_PAGE_FIELDS = ("id", "title", "slug", "url_path", "path", "depth", "live", "translation_key", "locale")

# The locales, read once for the request being served (None outside one): see request_locales().
_request_locales = ContextVar("pattern_pages_request_locales", default=None)
# True while serving a request for which the page cache found no view restriction anywhere (see known_for_request).
_request_unrestricted = ContextVar("pattern_pages_request_unrestricted", default=False)


def start_request(**kwargs):
    _request_locales.set({})
    _request_unrestricted.set(False)


def end_request(**kwargs):
    _request_locales.set(None)
    _request_unrestricted.set(False)


def known_for_request(locales, unrestricted):
    """What the page cache read once for the library version the request is served under (``cms.page_cache``):
    every locale (``{language code: Locale}``), and whether no page has a view restriction. Locales and view
    restrictions move the library version, so both hold for the whole request."""
    memo = _request_locales.get()
    if memo is None:  # not serving a request
        return
    memo.update(locales)
    _request_unrestricted.set(unrestricted)


def unrestricted():
    """Whether the request being served knows that no page has a view restriction (so ``.public()`` and Wagtail's
    check of the page's restrictions would find none): see ``known_for_request``."""
    return _request_unrestricted.get()


def request_locales():
    """``{language code: Locale}`` of every locale, read once per request (each time outside a request, so no
    locale outlives the request that read it: a test's flush recreates them)."""
    memo = _request_locales.get()
    if memo:
        return memo
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    if memo is not None:
        memo.update(locales)
    return locales


def content_language(obj):
    """The language code of ``obj``'s own content (a page or a translatable snippet), e.g. 'cy', whatever the
    reader's language: from its locale when fetched with it, else from the request's locales (no query of its
    own); the default language for an object with no locale yet."""
    if "locale" in obj._state.fields_cache:
        return obj.locale.language_code
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return settings.LANGUAGE_CODE
    return next((code for code, locale in request_locales().items() if locale.pk == locale_id), settings.LANGUAGE_CODE)


def current_language():
    """The reader's language code, e.g. 'cy'."""
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def other_language(obj):
    """The language code of ``obj`` (a page or a translatable snippet) when it is not the reader's, else ''."""
    if getattr(obj, "locale_id", None) is None:
        return ""
    code = content_language(obj)
    return code if code != current_language() else ""


def lang_attribute(obj):
    """`` lang="en"`` for text of ``obj`` shown in another language than the page's (a life event, pattern
    type or page not yet translated), so that screen readers pronounce it as what it is (WCAG 3.1.2)."""
    code = other_language(obj)
    return format_html(' lang="{}"', code) if code else ""


def active_locale():
    """The Wagtail locale of the active language, or the default locale when it has none (``Locale.get_active()``).

    A pattern page asks for it for every link it shows (``linked_page``), and Wagtail's ``Locale.get_active()``
    is a query each time: nine on a pattern page; this is one query a request, shared with ``request_locales``.
    """
    locales = request_locales()
    for code in (translation.get_language(), settings.LANGUAGE_CODE):
        try:
            locale = locales.get(get_supported_content_language_variant(code))
        except LookupError:
            continue
        if locale is not None:
            return locale
    raise Locale.DoesNotExist("No locale for the active language nor the default one")


def public(pages):
    """``pages.public()``, which reads every view restriction to exclude the pages below them: ``pages`` as they are
    when the request knows there are none (``unrestricted``)."""
    return pages if unrestricted() else pages.public()


def route_with_english_fallback(home, request, path_components, route):
    """Route from a home page; when that fails in another language, route the same path from the English home.

    ``route`` is the home page's ordinary routing (``super().route``).
    """
    try:
        return route(request, path_components)
    except Http404:
        default = Locale.get_default()
        if home.locale_id == default.pk:
            raise
        english_home = home.get_translation_or_none(default)
        if english_home is None:
            raise
        return english_home.specific.route(request, path_components)


def live_translations(page):
    """``{language code: page}`` for the live, public translations of ``page`` (itself included), read once
    per page object: the language links, hreflang tags and the process page's "led from" steps share it."""
    memo = page.__dict__.get("_library_live_translations")
    kept.depends_on(f"tk:{page.translation_key}")  # a translation published later
    if memo is None:
        if unrestricted():
            found = _live_translations(type(page)).run(page.translation_key)
        else:
            found = live_translations_of(page.translation_key, model=type(page), restricted=True)
        memo = page.__dict__["_library_live_translations"] = {other.locale.language_code: other for other in found}
    return memo


def live_translations_of(translation_key, model, restricted):
    """The live pages of ``model`` with ``translation_key`` (public ones when some page has a view restriction),
    each with its locale and the columns a link needs (what ``page.get_translations(inclusive=True).live()``
    reads)."""
    translations = model.objects.filter(translation_key=translation_key).live()
    if restricted:
        translations = translations.public()
    return translations.select_related("locale").only(*LINKED_PAGE_FIELDS, "locale__language_code")


@functools.cache  # by page model: the same statement for every page of a type when no page has a view restriction
def _live_translations(model):
    return FixedQuery(lambda key: live_translations_of(key, model=model, restricted=False))
