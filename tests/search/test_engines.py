"""The search engine is the one the SEARCH_ENGINE setting names, loaded by dotted path with its options."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from search.engines import SearchEngine, get_search_engine
from search.engines.database import DatabaseEngine
from search.engines.elasticsearch import ElasticsearchEngine


class RecordingEngine(SearchEngine):
    """A stand-in engine, to show any SearchEngine subclass can be named with its options."""

    name = "recording"

    def __init__(self, greeting="hello"):
        self.greeting = greeting


def test_the_database_engine_by_default():
    """Without Elasticsearch configured the library searches its database."""
    assert isinstance(get_search_engine(), DatabaseEngine)


def test_the_setting_names_the_engine_and_its_options(settings):
    """A changed setting gives the engine it names at once, with its options (no cache to clear)."""
    settings.SEARCH_ENGINE = {
        "ENGINE": "search.engines.elasticsearch.ElasticsearchEngine",
        "OPTIONS": {"url": "http://127.0.0.1:9", "index_prefix": "test-engines"},
    }
    engine = get_search_engine()
    assert isinstance(engine, ElasticsearchEngine) and engine.alias("en") == "test-engines-en"
    assert get_search_engine() is engine, "kept while the setting stays the same"
    settings.SEARCH_ENGINE = {"ENGINE": f"{__name__}.RecordingEngine", "OPTIONS": {"greeting": "shwmae"}}
    assert get_search_engine().greeting == "shwmae"


@pytest.mark.parametrize(
    "config",
    [{"ENGINE": "search.engines.nowhere.Engine"}, {"ENGINE": "search.query.SearchQuery"}, {"OPTIONS": {}}],
)
def test_a_wrong_setting_says_what_is_wrong(settings, config):
    """An engine that cannot be imported, or is not a SearchEngine, is a configuration error naming the setting."""
    settings.SEARCH_ENGINE = config
    with pytest.raises(ImproperlyConfigured, match="SEARCH_ENGINE"):
        get_search_engine()
