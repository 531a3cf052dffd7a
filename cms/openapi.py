"""OpenAPI schema hooks (drf-spectacular)."""


def public_api_only(endpoints, **kwargs):
    """Keep the supplier API under /api/ in the schema; leave out the admin's internal APIs.

    Wagtail's admin and wagtail-localize expose DRF views under /admin/ that are not part of the
    public API and that the schema generator cannot describe (``check --deploy`` would warn).
    """
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]


def jsonld_lists_are_not_paginated(result, **kwargs):
    """A list's JSON-LD response is one schema.org ItemList, not the JSON page wrapper around it.

    drf-spectacular wraps every 200 response of a list view in the paginator's schema; the JSON-LD one
    (``api.views.pages.with_jsonld``, marked ``x-jsonld-list``) is unwrapped here.
    """
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            content = operation.get("responses", {}).get("200", {}).get("content", {})
            schema = content.get("application/ld+json", {}).get("schema", {})
            items = schema.get("properties", {}).get("results", {}).get("items", {})
            if items.get("x-jsonld-list"):
                # A copy without the marker: ``items`` is the view's own schema object, and the next
                # generation of the schema (another request for it) must find the marker again.
                content["application/ld+json"]["schema"] = {k: v for k, v in items.items() if k != "x-jsonld-list"}
    return result


def request_bodies_are_closed(result, **kwargs):
    """A body the API accepts holds only the fields it declares: an unknown field is refused, never ignored,
    so a misspelt field cannot be lost without a word (``additionalProperties: false``)."""
    for name, schema in result.get("components", {}).get("schemas", {}).items():
        if name.endswith("Request") and schema.get("type") == "object":
            schema["additionalProperties"] = False
    return result


def narrowed_items_require_only_id(result, **kwargs):
    """With ``fields=``, an item holds only the fields asked for, and always ``id`` (api.serializers.base.FieldsMixin):
    the items of every operation taking ``fields`` require ``id`` alone, so that a narrowed answer fits the
    schema and a client generated from it reads one (the other fields are still described, as optional).
    """
    components = result.get("components", {}).get("schemas", {})

    def component(schema):
        ref = (schema or {}).get("$ref", "")
        return components.get(ref.rsplit("/", 1)[-1]) if ref.startswith("#/components/schemas/") else None

    narrowed = {}
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict):
                continue
            if not any(p.get("name") == "fields" and p.get("in") == "query" for p in operation.get("parameters", [])):
                continue
            schema = operation.get("responses", {}).get("200", {}).get("content", {}).get("application/json", {})
            body = component(schema.get("schema")) or schema.get("schema") or {}
            items = body.get("properties", {}).get("results", {}).get("items")
            item = component(items) if items else body
            if item is not None:
                narrowed[id(item)] = item
    for item in narrowed.values():
        if "id" in item.get("properties", {}):
            item["required"] = ["id"]
    return result
