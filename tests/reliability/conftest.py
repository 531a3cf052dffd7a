import json
import os
from pathlib import Path

import pytest
from django.core.cache import cache


@pytest.fixture
def record_figures():
    """Write a test's figures to $RELIABILITY_FIGURES (a JSON file `make reliability` reads), if it is set."""

    def record(name, figures):
        path = os.environ.get("RELIABILITY_FIGURES")
        if not path:
            return
        target = Path(path)
        data = json.loads(target.read_text()) if target.exists() else {}
        data[name] = dict(figures)
        target.write_text(json.dumps(data, indent=2, sort_keys=True))

    return record


@pytest.fixture(autouse=True)
def unthrottled_api(settings):
    """The reliability tests read the API thousands of times from one address: no rate limit (DRF takes a
    rate of None as none), so that a 429 never stands in for an answer whose content is being checked."""
    settings.API_THROTTLE_RATES = {"anon": None, "key": None}
    cache.clear()
