"""The language switcher, hreflang links, and whether a page is shown in a language other than its own.

A page with no live Welsh copy is still served at its /cy/ address (in English, with a notice in Welsh:
see ``pattern_pages.i18n``), so the switcher links there rather than dropping Cymraeg.
"""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from pattern_pages.i18n import alternates, url_in_language

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """``[{"code", "name", "href", "current"}]`` for each site language that has this page.

    A Wagtail page links to its live translations only; a view outside the page tree (services,
    councils) serves every language, so its link is the same path with the other language prefix.
    """
    request = context.get("request")
    if request is None:
        return []
    current = translation.get_language() or settings.LANGUAGE_CODE
    page = context.get("page")
    translations = None
    if isinstance(page, Page):
        translations = {
            other.locale.language_code: other
            for other in page.get_translations(inclusive=True).live().public().select_related("locale")
        }
    links = []
    for code, name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if code == current:
            links.append({"code": code, "name": name, "href": request.path, "current": True})
        elif translations is not None:
            href = (
                translations[code].get_url(request=request)
                if code in translations
                else url_in_language(page, code, request)
            )
            if href:
                links.append({"code": code, "name": name, "href": href, "current": False})
        else:
            links.append(
                {"code": code, "name": name, "href": translate_url(request.get_full_path(), code), "current": False}
            )
    return links


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context, page=None):
    """``<link rel="alternate" hreflang>`` for each live translation of the page, and x-default (English)."""
    if not isinstance(page, Page):
        return {"links": []}
    links = alternates(page, context.get("request"))
    default = next((url for code, url in links if code == settings.LANGUAGE_CODE), None)
    return {"links": links, "x_default": default}


@register.simple_tag(takes_context=True)
def is_language_fallback(context, page=None):
    """True when ``page`` is shown in a language other than its own (it has no live translation yet)."""
    if not isinstance(page, Page):
        return False
    return page.locale.language_code != (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
