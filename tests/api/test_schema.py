"""The OpenAPI 3.1 contract and its docs."""

import json

import pytest
from django.core.management import call_command


def test_schema_validates_without_warnings(db, tmp_path):
    """manage.py spectacular --validate --fail-on-warn passes."""
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yaml"))
    assert "openapi: 3.1.0" in (tmp_path / "schema.yaml").read_text()


def test_schema_documents_parameters_blocks_and_errors(api, db):
    """The schema has every filter with an example, the block types and the error shape."""
    schema = api.get("/api/v1/schema/?format=json").json()
    assert schema["openapi"] == "3.1.0"
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/patterns/"]["get"]["parameters"]}
    for name in ["service", "life_event", "pattern_type", "component", "council", "maturity", "locale"]:
        assert parameters[name].get("examples") or parameters[name].get("example"), name
    for name in ["updated_since", "q", "limit", "offset", "cursor", "fields", "ordering"]:
        assert name in parameters
    detail = schema["components"]["schemas"]["PatternDetail"]["properties"]["steps"]
    assert detail["items"]["properties"]["value"]["properties"]["components"]["items"]["required"] == [
        "id",
        "slug",
        "title",
        "url",
    ]
    assert "Error" in schema["components"]["schemas"]
    assert "400" in schema["paths"]["/api/v1/patterns/"]["get"]["responses"]


@pytest.mark.parametrize("url", ["/api/v1/docs/", "/api/v1/docs/swagger/"])
def test_docs_use_local_static_files_only(api, db, url):
    """The docs pages load their scripts from this site's static files, never a CDN."""
    html = api.get(url).content.decode()
    assert "/static/drf_spectacular_sidecar/" in html
    assert "https://" not in html


def test_json_ld_lists_keep_their_shape_each_time_the_schema_is_generated(api, db):
    """A list's JSON-LD answer is a schema.org ItemList in every generation of the schema, not only the first
    (the hook once edited the view's own schema object, so the second request got the JSON page shape)."""
    for _ in range(2):
        schema = api.get("/api/v1/schema/", {"format": "json"}).json()
        responses = schema["paths"]["/api/v1/services/"]["get"]["responses"]["200"]["content"]
        ld_schema = responses["application/ld+json"]["schema"]
        assert "count" not in ld_schema.get("properties", {}), ld_schema
        assert "itemListElement" in json.dumps(ld_schema)
