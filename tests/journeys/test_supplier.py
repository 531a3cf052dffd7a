"""The supplier's journey (issue 14), in Chromium under production's settings: from the home page follow the
"API" link, read the documentation (Redoc and Swagger UI list every operation, with nothing refused by the
CSP), fetch the schema, generate a client from it, and call it: list, detail, ``fields=``, search and the
change feed."""

import importlib
import json
import re
import shutil
import subprocess
import sys
import urllib.request

import pytest
from django.contrib.auth import get_user_model

from tests.api.test_supplier_client import CONFIG as CLIENT_CONFIG
from tests.api.test_supplier_client import GENERATOR
from tests.journeys.conftest import assert_accessible, assert_no_sideways_scroll

HTTP_METHODS = {"get", "put", "post", "patch", "delete", "head", "options"}


def schema_operations(schema):
    """``{operationId: summary}`` for every operation in the schema."""
    return {
        operation["operationId"]: operation.get("summary", "")
        for item in schema["paths"].values()
        for method, operation in item.items()
        if method in HTTP_METHODS
    }


def fetch_schema(base_url):
    with urllib.request.urlopen(f"{base_url}/api/v1/schema/?format=json") as response:  # noqa: S310
        return json.load(response)


def generate_client(schema_text, directory):
    """``openapi-python-client generate`` from the schema, as a supplier would; returns the imported package."""
    generator = str(GENERATOR) if GENERATOR.exists() else shutil.which("openapi-python-client")
    if not generator:
        pytest.skip("openapi-python-client is not installed (pip install -e '.[dev]')")
    (directory / "schema.json").write_text(schema_text)
    (directory / "config.yaml").write_text(CLIENT_CONFIG)
    result = subprocess.run(  # noqa: S603
        [generator, "generate", "--path", "schema.json", "--config", "config.yaml"]
        + ["--output-path", "client", "--fail-on-warning"],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    sys.path.insert(0, str(directory / "client"))
    return importlib.import_module("supplier_client")


@pytest.fixture
def supplier_client_package(tmp_path):
    """Cleans the generated package out of sys.path and sys.modules afterwards."""
    yield tmp_path
    sys.path[:] = [entry for entry in sys.path if not entry.startswith(str(tmp_path))]
    for name in [name for name in sys.modules if name.startswith("supplier_client")]:
        del sys.modules[name]


@pytest.fixture
def published_library(home_page):
    """Two published patterns and a process, indexed for search, with their change events."""
    from search.engines.database import DatabaseEngine
    from search.indexing import rebuild_index
    from tests import factories

    patterns = factories.PatternIndexPageFactory(parent=home_page, slug="patterns", title="Patterns")
    processes = factories.ProcessIndexPageFactory(parent=home_page, slug="processes", title="Processes")
    service = factories.ServiceFactory(lgsl_code=524, name="Missed bin collection")
    bins = factories.ServicePatternPageFactory(
        parent=patterns,
        title="Report a missed bin",
        slug="report-a-missed-bin",
        summary="How a resident reports a bin that was not collected.",
        live=False,
    )
    bins.services.add(service)
    bins.save_revision().publish()
    school = factories.ServicePatternPageFactory(
        parent=patterns, title="Apply for a school place", slug="apply-for-a-school-place", live=False
    )
    school.save_revision().publish()
    process = factories.ProcessPageFactory(
        parent=processes, title="Collect a missed bin", slug="collect-a-missed-bin", live=False
    )
    process.save_revision().publish()
    rebuild_index(DatabaseEngine())
    return {"bins": bins.specific, "school": school.specific, "process": process.specific}


def test_supplier_finds_the_api_reads_the_docs_and_uses_a_generated_client(
    journey, published_library, supplier_client_package
):
    # 1. From the home page, the header's "API" link leads to a page about the API (before: a JSON 404).
    page = journey.new_page()
    page.goto("/")
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="API", exact=True).click()
    page.wait_for_url(re.compile(r"/api/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "The pattern library API"
    assert_accessible(page)
    for width in (1280, 390):
        landing = journey.new_page(width=width)
        landing.goto("/api/")
        journey.screenshot(landing, "landing")
        assert_no_sideways_scroll(landing)

    # 2. The documentation lists every operation the schema has.
    page.get_by_role("link", name="API documentation").click()
    page.wait_for_url(re.compile(r"/api/v1/docs/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    page.wait_for_selector("[data-section-id^='operation/']", timeout=60_000)
    schema = fetch_schema(journey.url)
    operations = schema_operations(schema)
    sections = page.eval_on_selector_all(
        "[data-section-id^='operation/']", "els => els.map(el => el.getAttribute('data-section-id'))"
    )
    assert {section.removeprefix("operation/") for section in sections} >= set(operations)
    journey.screenshot(page, "redoc")
    swagger = journey.new_page()
    swagger.goto("/api/v1/docs/swagger/")
    assert swagger.locator("html").get_attribute("lang") == "en"
    swagger.wait_for_selector(".opblock", timeout=60_000)
    # Swagger UI's block ids are "operations-<tag>-<operationId>".
    blocks = swagger.eval_on_selector_all(".opblock", "els => els.map(el => el.id)")
    assert {re.sub(r"^operations-[^-]+-", "", block) for block in blocks} >= set(operations)
    journey.screenshot(swagger, "swagger")

    # 3. The schema, by the landing page's link; a client generated from it.
    landing = journey.new_page()
    landing.goto("/api/")
    href = landing.get_by_role("link", name="OpenAPI 3.1 schema").get_attribute("href")
    schema_text = landing.request.get(f"{href}?format=json").text()
    assert json.loads(schema_text)["openapi"].startswith("3.1")
    client_package = generate_client(schema_text, supplier_client_package)

    from supplier_client.api.changes import changes_list
    from supplier_client.api.patterns import patterns_list, patterns_retrieve, patterns_retrieve_by_slug
    from supplier_client.api.processes import processes_list
    from supplier_client.api.search import search as search_operation
    from supplier_client.models import PatternsListFieldsItem, PatternsRetrieveFieldsItem, ProcessesListFieldsItem
    from supplier_client.types import UNSET

    from api.models import ApiKey

    supplier = get_user_model().objects.create_user(username="supplier", password="not-used")
    _key, raw_key = ApiKey.create_for(supplier, "Journey supplier")
    client = client_package.AuthenticatedClient(base_url=journey.url, token=raw_key, raise_on_unexpected_status=True)

    # 4. List, detail, fields=, search and the change feed, each parsed into the generated models.
    listing = patterns_list.sync(client=client, limit=10)
    assert [item.slug for item in listing.results] == ["apply-for-a-school-place", "report-a-missed-bin"]
    bins = listing.results[1]
    assert bins.url == f"{journey.url}/patterns/report-a-missed-bin/"  # on the site's address, not localhost
    assert bins.detail_url == f"{journey.url}/api/v1/patterns/{bins.id}/"

    detail = patterns_retrieve.sync(bins.id, client=client)
    assert detail.title == "Report a missed bin"
    assert patterns_retrieve_by_slug.sync("report-a-missed-bin", client=client).id == bins.id

    narrowed = patterns_list.sync(client=client, fields=[PatternsListFieldsItem.TITLE], limit=10)
    assert [(item.id, item.title) for item in narrowed.results] == [
        (published_library["school"].pk, "Apply for a school place"),
        (published_library["bins"].pk, "Report a missed bin"),
    ]
    assert narrowed.results[0].summary is UNSET  # left out, as asked; the model still reads it
    narrowed_detail = patterns_retrieve.sync(
        bins.id, client=client, fields=[PatternsRetrieveFieldsItem.TITLE, PatternsRetrieveFieldsItem.SERVICES]
    )
    assert narrowed_detail.title == "Report a missed bin" and narrowed_detail.summary is UNSET
    assert [service.lgsl_code for service in narrowed_detail.services] == [524]
    processes = processes_list.sync(client=client, fields=[ProcessesListFieldsItem.SLUG])
    assert processes.results[0].slug == "collect-a-missed-bin"

    found = search_operation.sync(client=client, q="missed bin")
    assert found.total >= 1
    assert found.results[0].url.startswith(journey.url + "/")

    feed = changes_list.sync(client=client)
    published = [event.key for event in feed.results if event.event == "published" or event.event.value == "published"]
    assert "report-a-missed-bin" in published
    assert feed.next_.startswith(f"{journey.url}/api/v1/changes/?since=")
    assert operations  # the docs and the client came from the same schema
