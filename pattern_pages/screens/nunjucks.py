"""A screen as render parts (for the Node renderer) and as the Nunjucks a designer copies.

Parts are HTML we write ourselves (escaped here) or macro calls::

    [{"html": "<h1 class=\\"govuk-heading-l\\">Your address</h1>"},
     {"macro": "govukInput", "component": "input", "params": {"name": "postcode", …}}]

The Nunjucks is the same calls written as the Design System writes them, e.g.
``{{ govukInput({ name: "postcode", label: { text: "Postcode" } }) }}``; the equality test renders it with
the real macros and compares it with the stored HTML.
"""

import re

from django.conf import settings
from django.utils import translation
from django.utils.html import escape

from .blocks import COMPONENT_BLOCKS, RenderCall
from .frontend_texts import call_with_texts, needs_texts

HEADING_SIZES = {"1": "govuk-heading-l", "2": "govuk-heading-m", "3": "govuk-heading-s"}
_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")


class Expr(str):
    """A Nunjucks expression written as is in a literal, e.g. ``data["full-name"]`` (never user text)."""


def text_html(text):
    """Text as HTML that is also inert as Nunjucks source: escaped, with braces as character references."""
    return escape(text.strip()).replace("{", "&#123;").replace("}", "&#125;")


def screen_parts(screen, language=None):
    """The render parts of one screen value (a ``ScreenBlock`` value) of a page in ``language``."""
    parts = []
    components = list(screen.get("components") or [])
    has_heading = any(child.block.page_heading(child.value) for child in components)
    if not has_heading:
        parts.append({"html": heading_html("1", screen.get("title") or "")})
    for child in components:
        parts.append(component_part(child.block_type, child.block, child.value, language))
    return parts


def component_part(block_type, block, value, language=None):
    """One component as a render part, its texts in ``language`` (the page's; English when not given).

    Texts we write (a summary list's 'Change') and the macros' English defaults the editor left empty
    (``frontend_texts``) are in the page's language, whoever is reading: the reader's language is the
    interface's, not the example's.
    """
    if block_type == "heading":
        return {"html": heading_html(str(value.get("level") or "2"), value.get("text") or "")}
    if block_type == "paragraph":
        size = value.get("size") or "govuk-body"
        return {"html": f'<p class="{size}">{text_html(value.get("text") or "")}</p>'}
    with translation.override(language or settings.LANGUAGE_CODE):
        part = {"macro": block.macro, "component": block.component, "params": block.macro_params(value)}
        if hasattr(block, "inner_calls"):
            part["caller"] = [dict(call) for call in block.inner_calls(value)]
        if needs_texts(language):
            part = call_with_texts(part)
    return part


def heading_html(level, text):
    return f'<h{level} class="{HEADING_SIZES.get(level, "govuk-heading-m")}">{text_html(text)}</h{level}>'


# ----- Nunjucks source --------------------------------------------------------------------------


def quote(text):
    """A Nunjucks string literal (its lexer understands only these backslash escapes)."""
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"'


def literal(value, indent=0, hoisted=None):
    """A Python value as a Nunjucks literal, keys unquoted where they can be, two-space indented."""
    pad = "  " * (indent + 1)
    end = "  " * indent
    if isinstance(value, RenderCall) or (isinstance(value, dict) and set(value) == {"macro", "component", "params"}):
        name = f"conditional{len(hoisted) + 1}Html"
        hoisted.append((name, value))
        return name
    if isinstance(value, Expr):
        return str(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = [
            f"{pad}{key if _IDENTIFIER.match(key) else quote(key)}: {literal(item, indent + 1, hoisted)}"
            for key, item in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        return "[\n" + ",\n".join(f"{pad}{literal(item, indent + 1, hoisted)}" for item in value) + "\n" + end + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int | float):
        return str(value)
    return quote(str(value))


def call_source(part, hoisted):
    return "{{ " + part["macro"] + "(" + literal(part["params"], 0, hoisted) + ") }}"


def parts_source(parts):
    """The Nunjucks template for render parts: imports, then each part in order."""
    imports = []
    for part in _walk_calls(parts):
        line = f'{{% from "govuk/components/{part["component"]}/macro.njk" import {part["macro"]} %}}'
        if line not in imports:
            imports.append(line)
    body = []
    for part in parts:
        if "html" in part:
            body.append(part["html"])
            continue
        hoisted = []
        if part.get("caller"):
            inner = "\n".join("  " + _indent(call_source(call, hoisted), 1) for call in part["caller"])
            source = (
                "{% call "
                + part["macro"]
                + "("
                + literal(part["params"], 0, hoisted)
                + ") %}\n"
                + inner
                + "\n{% endcall %}"
            )
        else:
            source = call_source(part, hoisted)
        sets = []
        position = 0
        while position < len(hoisted):  # a hoisted call may hoist calls of its own
            name, call = hoisted[position]
            sets.append(f"{{% set {name} %}}\n{call_source(call, hoisted)}\n{{% endset -%}}")
            position += 1
        body.extend(sets)
        body.append(source)
    return "\n".join(imports) + ("\n\n" if imports else "") + "\n\n".join(body) + "\n"


def _indent(text, levels):
    return text.replace("\n", "\n" + "  " * levels)


def _walk_calls(parts):
    for part in parts:
        if "macro" in part:
            yield from _nested_calls(part["params"])
            yield part
            for call in part.get("caller") or []:
                yield from _nested_calls(call["params"])
                yield call


def _nested_calls(value):
    if isinstance(value, dict):
        if set(value) == {"macro", "component", "params"}:
            yield from _nested_calls(value["params"])
            yield value
            return
        for item in value.values():
            yield from _nested_calls(item)
    elif isinstance(value, list):
        for item in value:
            yield from _nested_calls(item)


def components_used(screen):
    """The Design System slugs of a screen's components, e.g. ['radios', 'button']."""
    slugs = []
    for child in screen.get("components") or []:
        block = COMPONENT_BLOCKS.get(child.block_type)
        if block is None:
            continue
        slug = block.design_system_slug
        if slug not in slugs:
            slugs.append(slug)
        if child.value.get("errorMessage") and "error-message" not in slugs:
            slugs.append("error-message")
        if child.block_type in {"radios", "checkboxes"}:
            if any((item.get("conditional") or {}).get("name") for item in child.value.get("items") or []):
                if "text-input" not in slugs:
                    slugs.append("text-input")
        if child.block_type == "fieldset" and "text-input" not in slugs:
            slugs.append("text-input")
    return slugs
