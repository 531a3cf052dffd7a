"""The search engine the settings name: ``SEARCH_ENGINE = {"ENGINE": "dotted.path", "OPTIONS": {...}}``.

``get_search_engine()`` imports the class with ``import_string`` and makes it with the options, e.g.
``{"ENGINE": "search.engines.elasticsearch.ElasticsearchEngine", "OPTIONS": {"url": "http://search:9200"}}``.
The engine is kept for as long as the setting stays the same, so a test that overrides the setting gets the
engine it names. Callers never ask which engine they have.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from .base import SearchEngine, SearchEngineUnavailable

__all__ = ["SearchEngine", "SearchEngineUnavailable", "get_search_engine", "load_search_engine"]

DEFAULT = {"ENGINE": "search.engines.database.DatabaseEngine", "OPTIONS": {}}

_made = {}


def load_search_engine(config):
    """A new engine from a ``SEARCH_ENGINE``-shaped dict; ImproperlyConfigured names what is wrong."""
    try:
        engine_class = import_string(config["ENGINE"])
    except (KeyError, ImportError) as error:
        raise ImproperlyConfigured(
            f"SEARCH_ENGINE['ENGINE'] must be the dotted path of a search engine: {error}"
        ) from error
    if not (isinstance(engine_class, type) and issubclass(engine_class, SearchEngine)):
        raise ImproperlyConfigured(f"SEARCH_ENGINE['ENGINE'] {config['ENGINE']!r} is not a SearchEngine.")
    return engine_class(**config.get("OPTIONS", {}))


def get_search_engine():
    config = getattr(settings, "SEARCH_ENGINE", DEFAULT)
    key = (config.get("ENGINE"), repr(sorted(config.get("OPTIONS", {}).items())))
    if key not in _made:
        _made.clear()
        _made[key] = load_search_engine(config)
    return _made[key]
