"""The language switcher, hreflang links, and whether a page is shown in a language other than its own.

A page with no live Welsh copy is still served at its /cy/ address (in English, with a notice in Welsh:
see ``pattern_pages.i18n``), so the switcher links there rather than dropping Cymraeg. The page's live
translations are looked up once per request and shared by the three tags.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

register = template.Library()


def live_translations(request, page):
    """``{language_code: page}`` for the live, public translations of ``page`` (itself included)."""
    cache = getattr(request, "_library_live_translations", None) if request is not None else None
    if cache is None:
        cache = {}
        if request is not None:
            request._library_live_translations = cache
    if page.pk not in cache:
        cache[page.pk] = {
            other.locale.language_code: other
            for other in page.get_translations(inclusive=True).live().public().select_related("locale")
        }
    return cache[page.pk]


def own_language(request, page):
    for code, other in live_translations(request, page).items():
        if other.pk == page.pk:
            return code
    return page.locale.language_code  # a draft being previewed


def current_language():
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


@register.simple_tag(takes_context=True)
def language_links(context):
    """``[{"code", "name", "href", "current"}]`` for each site language.

    A Wagtail page links to its live translation, or, when there is none, to the same path under the
    other language's prefix (served in English with a notice). A view outside the page tree (services,
    councils) serves every language, so its link is the same path with the other language prefix.
    """
    request = context.get("request")
    if request is None:
        return []
    current = current_language()
    page = context.get("page")
    translations = live_translations(request, page) if isinstance(page, Page) else None
    links = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == current:
            links.append({"code": code, "name": name, "href": request.path, "current": True})
            continue
        if translations is None:
            href = translate_url(request.get_full_path(), code)
        elif code in translations:
            href = translations[code].get_url(request=request)
        else:
            shown = translations.get(own_language(request, page))
            href = translate_url(shown.get_url(request=request), code) if shown is not None else None
        if href:
            links.append({"code": code, "name": name, "href": href, "current": False})
    return links


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context, page=None):
    """``<link rel="alternate" hreflang>`` for each live translation of the page, and x-default (English)."""
    request = context.get("request")
    if not isinstance(page, Page):
        return {"links": []}
    translations = live_translations(request, page)
    links = [
        (code, translations[code].get_full_url(request=request))
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code in translations
    ]
    default = next((url for code, url in links if code == settings.LANGUAGE_CODE), None)
    return {"links": links, "x_default": default}


@register.simple_tag(takes_context=True)
def is_language_fallback(context, page=None):
    """True when ``page`` is shown in a language other than its own (it has no live translation yet)."""
    if not isinstance(page, Page):
        return False
    return own_language(context.get("request"), page) != current_language()
