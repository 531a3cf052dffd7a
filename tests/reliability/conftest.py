import json
import os
from pathlib import Path

import pytest


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
