"""Choose the search engine once, from settings: Elasticsearch when ELASTICSEARCH_URL is set, else the database."""

from functools import cache

from django.conf import settings

from .base import SearchEngine, SearchEngineUnavailable

__all__ = ["SearchEngine", "SearchEngineUnavailable", "get_search_engine"]


@cache
def get_search_engine():
    if settings.ELASTICSEARCH_URL:
        from .elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine(
            settings.ELASTICSEARCH_URL, index_prefix=getattr(settings, "SEARCH_INDEX_PREFIX", "patterns")
        )
    from .database import DatabaseEngine

    return DatabaseEngine()
