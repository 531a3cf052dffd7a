"""``fields=`` and the schema agree (issue 14): a narrowed item holds ``id`` and the fields asked for, and the
schema requires only ``id`` on the items of every operation that takes ``fields``. Repeated ``fields=`` and
``ordering=`` are joined; any other parameter given twice is a 400 naming it."""

import pytest

HTTP_METHODS = {"get", "post", "put", "patch", "delete"}


@pytest.fixture
def schema(api, db):
    return api.get("/api/v1/schema/?format=json").json()


def item_schema(schema, operation):
    components = schema["components"]["schemas"]
    body = operation["responses"]["200"]["content"]["application/json"]["schema"]
    body = components[body["$ref"].rsplit("/", 1)[-1]] if "$ref" in body else body
    items = body.get("properties", {}).get("results", {}).get("items")
    ref = (items or body).get("$ref")
    return components[ref.rsplit("/", 1)[-1]] if ref else (items or body)


def operations_with_fields(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            if method in HTTP_METHODS and any(p["name"] == "fields" for p in operation.get("parameters", [])):
                yield path, operation


def test_schema_requires_only_id_where_fields_can_narrow(schema):
    """Before: every property was required, so a narrowed answer broke the schema (schemathesis) and clients."""
    found = list(operations_with_fields(schema))
    assert len(found) >= 20
    for path, operation in found:
        item = item_schema(schema, operation)
        assert item["required"] == ["id"], (path, item.get("required"))
        assert len(item["properties"]) > 1


@pytest.mark.parametrize("path", ["/api/v1/patterns/", "/api/v1/processes/", "/api/v1/services/", "/api/v1/councils/"])
def test_narrowed_items_hold_id_and_the_fields_asked_for(api, schema, school_pattern, process_page, path):
    operation = schema["paths"][path]["get"]
    properties = [name for name in item_schema(schema, operation)["properties"] if name != "id"]
    for name in properties:
        body = api.get(f"{path}?fields={name}").json()
        assert body["results"], path
        for item in body["results"]:
            assert set(item) == {"id", name}, (path, name)


def test_repeated_fields_and_ordering_are_joined(api, school_pattern, bins_pattern):
    repeated = api.get("/api/v1/patterns/?fields=title&fields=slug&ordering=-title&ordering=id").json()
    joined = api.get("/api/v1/patterns/?fields=title,slug&ordering=-title,id").json()
    assert repeated["results"] == joined["results"]
    assert [item["slug"] for item in repeated["results"]] == ["report-a-missed-bin", "apply-for-a-school-place"]
    assert set(repeated["results"][0]) == {"id", "title", "slug"}


@pytest.mark.parametrize(
    "query, name",
    [
        ("limit=1&limit=2", "limit"),
        ("offset=0&offset=1", "offset"),
        ("locale=en&locale=cy", "locale"),
        ("maturity=stable&maturity=beta", "maturity"),
    ],
)
def test_other_parameters_given_twice_are_refused_naming_them(api, school_pattern, query, name):
    """Before: the last value won and the first was dropped without a word."""
    response = api.get(f"/api/v1/patterns/?{query}")
    assert response.status_code == 400
    assert response.json()["error"]["field"] == name
    assert response.json()["error"]["code"] == "repeated_parameter"


def test_repeatable_filters_still_take_several_values(api, school_pattern, bins_pattern):
    response = api.get("/api/v1/patterns/?service=13&service=524")
    assert response.status_code == 200
    assert len(response.json()["results"]) == 2
    assert api.get("/api/v1/search/?q=bin&type=pattern&type=service").status_code == 200
    assert api.get("/api/v1/search/?q=bin&q=school").json()["error"]["field"] == "q"
