"""The language switcher: a link to the same page in the other locale when that page exists."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

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
            if code in translations:
                links.append(
                    {"code": code, "name": name, "href": translations[code].get_url(request=request), "current": False}
                )
        else:
            links.append(
                {"code": code, "name": name, "href": translate_url(request.get_full_path(), code), "current": False}
            )
    return links
