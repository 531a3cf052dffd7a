"""A supplier's view: generate a Python client from /api/v1/schema/ with openapi-python-client and use it
against a running server. Generation takes about 10 seconds, so the test runs in CI; it skips only
when the generator is not installed."""

import importlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from api.models import ApiKey

GENERATOR = Path(sys.executable).with_name("openapi-python-client")
CONFIG = """\
project_name_override: supplier-client
package_name_override: supplier_client
post_hooks: []
content_type_overrides:
  application/x-ndjson: application/octet-stream
"""


@pytest.fixture
def generated_client(live_server, tmp_path):
    if not GENERATOR.exists() and not shutil.which("openapi-python-client"):
        pytest.skip("openapi-python-client is not installed (pip install -e '.[dev]')")
    import urllib.request

    with urllib.request.urlopen(f"{live_server.url}/api/v1/schema/?format=json") as response:  # noqa: S310
        (tmp_path / "schema.json").write_bytes(response.read())
    (tmp_path / "config.yaml").write_text(CONFIG)
    result = subprocess.run(  # noqa: S603
        [str(GENERATOR if GENERATOR.exists() else shutil.which("openapi-python-client")), "generate"]
        + ["--path", "schema.json", "--config", "config.yaml", "--output-path", "client", "--fail-on-warning"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sys.path.insert(0, str(tmp_path / "client"))
    try:
        yield importlib.import_module("supplier_client")
    finally:
        sys.path.remove(str(tmp_path / "client"))
        for name in [name for name in sys.modules if name.startswith("supplier_client")]:
            del sys.modules[name]


@pytest.mark.django_db(transaction=True)
def test_generated_client_lists_and_fetches_patterns(generated_client, live_server, school_pattern, bins_pattern):
    """A client generated from the schema lists patterns, pages with a filter, and fetches one by slug."""
    from supplier_client.api.patterns import patterns_list, patterns_retrieve, patterns_retrieve_by_slug
    from supplier_client.models import PaginatedPatternListList, PatternDetail

    api_key, raw_key = ApiKey.create_for(school_pattern.owner or _user(), "Supplier test")
    client = generated_client.AuthenticatedClient(base_url=live_server.url, token=raw_key)

    listing = patterns_list.sync(client=client, limit=10)
    assert isinstance(listing, PaginatedPatternListList)
    assert [item.title for item in listing.results] == ["Apply for a school place", "Report a missed bin"]
    filtered = patterns_list.sync(client=client, service=[524])
    assert [item.slug for item in filtered.results] == ["report-a-missed-bin"]

    detail = patterns_retrieve_by_slug.sync("apply-for-a-school-place", client=client)
    assert isinstance(detail, PatternDetail)
    assert detail.owner_council.gss_code == "E10000012"
    step = detail.steps[0]
    assert step.type_ == "step" or getattr(step.type_, "value", None) == "step"
    assert step.value.components[0].slug == "date-input"
    assert patterns_retrieve.sync(school_pattern.pk, client=client).title == detail.title

    missing = patterns_retrieve_by_slug.sync_detailed("no-such-pattern", client=client)
    assert missing.status_code == 404
    assert json.loads(missing.content)["error"]["code"] == "not_found"


def _user():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user(username="supplier", password="x")
