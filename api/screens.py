"""A pattern's screens as the API shows them beside its steps: each screen's components as the GOV.UK
Frontend macro and its parameters, its rendered HTML and Nunjucks, and the Prototype Kit export's links.

The steps' own typed blocks (``steps[].value.screens``) hold the same content as stored, one JSON Schema per
component; this view is what a form builder needs to rebuild the journey without knowing the blocks.
"""

from pattern_pages.screen_usage import component_usage
from pattern_pages.screens.blocks import COMPONENT_BLOCKS
from pattern_pages.screens.nunjucks import component_part

MACRO_CALL_SCHEMA = {
    "type": "object",
    "properties": {
        "component": {"type": "string", "enum": [*COMPONENT_BLOCKS, "heading", "paragraph"]},
        "macro": {
            "type": ["string", "null"],
            "enum": [*(block.macro for block in COMPONENT_BLOCKS.values()), None],
            "description": "The GOV.UK Frontend Nunjucks macro; null for a heading or paragraph.",
        },
        "params": {
            "type": "object",
            "description": "The macro's parameters as GOV.UK Frontend documents them (text only, never html).",
            "examples": [{"name": "contact", "items": [{"value": "email", "text": "Email"}]}],
        },
    },
    "required": ["component", "macro", "params"],
}
SCREEN_SCHEMA = {
    "type": "object",
    "properties": {
        "number": {"type": "integer", "description": "1 for the pattern's first screen, in step order."},
        "step": {"type": "integer", "description": "The number of the step the screen belongs to (from 1)."},
        "title": {"type": "string"},
        "components": {"type": "array", "items": MACRO_CALL_SCHEMA},
        "html": {"type": ["string", "null"], "description": "The screen's HTML from GOV.UK Frontend's macros."},
        "nunjucks": {"type": "string", "description": "The same screen as Nunjucks macro calls."},
        "example_url": {"type": "string", "format": "uri", "description": "The live example page."},
    },
    "required": ["number", "step", "title", "components", "html", "nunjucks", "example_url"],
}
EXPORT_SCHEMA = {
    "type": ["object", "null"],
    "description": "The GOV.UK Prototype Kit export (npm install the .tgz); null for a pattern without screens.",
    "properties": {"tgz": {"type": "string", "format": "uri"}, "zip": {"type": "string", "format": "uri"}},
}


def screen_data(screen, request):
    components = []
    for child in screen.value.get("components") or []:
        block = COMPONENT_BLOCKS.get(child.block_type)
        if block is None:
            components.append({"component": child.block_type, "macro": None, "params": dict_params(child)})
        else:
            # The same parameters as the screen's HTML and Nunjucks (Frontend's texts in the page's language).
            params = component_part(child.block_type, block, child.value, screen.language)["params"]
            components.append({"component": child.block_type, "macro": block.macro, "params": params})
    return {
        "number": screen.number,
        "step": screen.step_number,
        "title": screen.title,
        "components": components,
        "html": screen.html,
        "nunjucks": screen.nunjucks,
        "example_url": absolute(request, screen.example_url()),
    }


def dict_params(child):
    return {key: value for key, value in child.value.items() if value not in ("", None)}


def export_links(page, request):
    if not page.screens():
        return None
    base = page.url
    return {kind: absolute(request, f"{base}prototype-kit.{kind}") for kind in ("tgz", "zip")}


def absolute(request, url):
    return request.build_absolute_uri(url) if request is not None else url


USAGE_SCHEMA = {
    "type": "object",
    "properties": {
        "pattern": {
            "type": "object",
            "properties": {
                "id": {"type": "integer"},
                "slug": {"type": "string"},
                "title": {"type": "string"},
                "url": {"type": "string", "format": "uri"},
            },
        },
        "steps": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "number": {"type": "integer"},
                    "title": {"type": "string"},
                    "screens": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {"number": {"type": "integer"}, "title": {"type": "string"}},
                        },
                    },
                },
            },
        },
    },
}


def usage_data(component, request):
    return [
        {
            "pattern": {
                "id": entry["pattern"].pk,
                "slug": entry["pattern"].slug,
                "title": entry["pattern"].title,
                "url": absolute(request, entry["pattern"].url),
            },
            "steps": [
                {
                    "number": step["number"],
                    "title": step["title"],
                    "screens": [{"number": number, "title": title} for number, title in step["screens"]],
                }
                for step in entry["steps"]
            ],
        }
        for entry in component_usage(component)
    ]
