"""Serving the Welsh site: a page not yet translated (or whose Welsh copy is still a draft) is served in
English under /cy/ with a notice in Welsh, never a 404."""

from django.http import Http404
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale


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


def page_path(page, request=None):
    """The page's path below its site root, e.g. 'patterns/apply-for-a-school-place/'."""
    parts = page.get_url_parts(request)
    if parts is None:
        return None
    _site_id, _root_url, path = parts
    # Strip a language prefix Wagtail added for a non-default locale.
    prefix = f"/{page.locale.language_code}/"
    if page.locale_id != Locale.get_default().pk and path.startswith(prefix):
        path = path[len(prefix) - 1 :]
    return path.lstrip("/")


def url_in_language(page, language_code, request=None):
    """Where ``page`` is read in ``language_code``: its live translation, or the same path under that
    language's prefix (served in English with a notice when there is no translation)."""
    try:
        locale = Locale.objects.get(language_code=language_code)
    except Locale.DoesNotExist:
        return None
    translated = page.get_translation_or_none(locale)
    if translated is not None and translated.live:
        return translated.get_url(request)
    path = page_path(page, request)
    if path is None:
        return None
    with translation.override(language_code):
        return reverse("wagtail_serve", args=[path])


def alternates(page, request=None):
    """``[(language_code, url)]`` for the live translations of ``page``, English first: the hreflang links."""
    links = []
    for locale in Locale.objects.all().order_by("pk"):
        translated = page.get_translation_or_none(locale)
        if translated is not None and translated.live:
            url = translated.get_full_url(request)
            if url:
                links.append((locale.language_code, url))
    return links
