"""The language switcher, hreflang links, and whether a page is shown in a language other than its own.

A page with no live Welsh copy is still served at its /cy/ address (in English, with a notice in Welsh:
see ``pattern_pages.i18n``), so the switcher links there rather than dropping Cymraeg. The page's live
translations are looked up once per request and shared by the three tags.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from wagtail.models import Page

from library.site_url import absolute
from pattern_pages.i18n import current_language, lang_attribute, live_translations

register = template.Library()


def own_language(request, page):
    for code, other in live_translations(page).items():
        if other.pk == page.pk:
            return code
    return page.locale.language_code  # a draft being previewed


def language_hrefs(request, page):
    """``[(code, name, href, current)]``: where each site language shows what the reader is looking at.

    A Wagtail page links to its live translation, or, when there is none, to the same path under the
    other language's prefix (served in English with a notice). A view outside the page tree (services,
    councils, search) serves every language, so its link is the same path with the other language prefix.
    Worked out once per request, page and language: the switcher and the hreflang links both ask, and each
    other-language address is a URL resolved and reversed again.
    """
    current = current_language()
    found = getattr(request, "_language_hrefs", None)
    if found is None or found[0] is not page or found[1] != current:
        found = request._language_hrefs = (page, current, work_out_hrefs(request, page, current))
    return found[2]


def work_out_hrefs(request, page, current):
    translations = live_translations(page) if isinstance(page, Page) else None
    hrefs = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == current:
            href = request.path
        elif translations is None:
            href = translate_url(request.get_full_path(), code)
        elif code in translations:
            href = translations[code].get_url(request=request)
        else:
            shown = translations.get(own_language(request, page))
            href = translate_url(shown.get_url(request=request), code) if shown is not None else None
        if href:
            hrefs.append((code, name, href, code == current))
    return hrefs


@register.simple_tag(takes_context=True)
def language_links(context):
    """``[{"code", "name", "href", "current"}]`` for each site language, for the switcher."""
    request = context.get("request")
    if request is None:
        return []
    return [
        {"code": code, "name": name, "href": href, "current": current}
        for code, name, href, current in language_hrefs(request, context.get("page"))
    ]


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context, page=None):
    """``<link rel="alternate" hreflang>`` for every site language, and x-default (English), on every page.

    Every public address is served in each language (a page not yet translated in English, with a notice),
    so each language has an alternate: the same links as the switcher's, without the query string.
    """
    request = context.get("request")
    if request is None:
        return {"links": []}
    # Absolute on the site's address (SITE_URL), not the request's Host.
    links = [(code, absolute(href.split("?")[0])) for code, _name, href, _current in language_hrefs(request, page)]
    default = next((url for code, url in links if code == settings.LANGUAGE_CODE), None)
    return {"links": links, "x_default": default}


@register.simple_tag(takes_context=True)
def is_language_fallback(context, page=None):
    """True when ``page`` is shown in a language other than its own (it has no live translation yet)."""
    if not isinstance(page, Page):
        return False
    return own_language(context.get("request"), page) != current_language()


@register.simple_tag(takes_context=True)
def content_lang(context, obj):
    """`` lang="en"`` for text of ``obj`` shown in another language than the page's (a life event, pattern
    type or page not yet translated), so that screen readers pronounce it as what it is (WCAG 3.1.2)."""
    return lang_attribute(obj)
