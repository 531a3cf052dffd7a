"""Serving the Welsh site: a page not yet translated (or whose Welsh copy is still a draft) is served in
English under /cy/ with a notice in Welsh, never a 404."""

from django.http import Http404
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
