"""StreamField content as the API shows it, and the JSON Schema of each block type.

Content is returned as typed blocks, ``{"type": "step", "id": "…", "value": {…}}``. References to
pages and snippets expand to ``{id, slug, title, url}``; rich text is rendered to HTML with internal
links resolved to public URLs. The schema is derived from the same block definitions, so the
OpenAPI document cannot drift from what the API returns.
"""

import datetime
import re

from wagtail import blocks
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.rich_text import expand_db_html
from wagtail.snippets.blocks import SnippetChooserBlock

from library.site_url import page_url, site_url

REFERENCE_SCHEMA = {
    "type": ["object", "null"],
    "description": "A reference to another page or item; null when it is not published.",
    "properties": {
        "id": {"type": "integer", "examples": [42]},
        "slug": {"type": "string", "examples": ["apply-for-a-school-place"]},
        "title": {"type": "string", "examples": ["Apply for a school place"]},
        "url": {"type": "string", "format": "uri", "examples": ["https://patterns.example.gov.uk/patterns/apply/"]},
    },
    "required": ["id", "slug", "title", "url"],
}
IMAGE_SCHEMA = {
    "type": ["object", "null"],
    "properties": {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "alt": {"type": "string"},
        "url": {"type": "string"},
        "width": {"type": "integer"},
        "height": {"type": "integer"},
    },
    "required": ["id", "title", "alt", "url", "width", "height"],
}
_HREF = re.compile(r'href="(/[^"]*)"')


class Representer:
    """Turns block values into API data for one request; links are absolute on SITE_URL."""

    def __init__(self, request=None):
        self.request = request

    # ----- references ---------------------------------------------------------------------------

    def root_url(self):
        return site_url()

    def page(self, page):
        """``{id, slug, title, url}`` for a live page, else None so that drafts never leak."""
        if page is None or not page.live:
            return None
        return {"id": page.pk, "slug": page.slug, "title": page.title, "url": page_url(page, self.request)}

    def snippet(self, item):
        if item is None:
            return None
        slug = getattr(item, "slug", "")
        title = getattr(item, "name", None) or str(item)
        url = getattr(item, "url", "") if isinstance(getattr(item, "url", ""), str) else ""
        return {"id": item.pk, "slug": slug, "title": title, "url": url}

    def rich_text(self, source):
        html = expand_db_html(source or "")
        root = self.root_url()
        return _HREF.sub(lambda m: f'href="{root}{m.group(1)}"', html) if root else html

    def image(self, image):
        if image is None:
            return None
        return {
            "id": image.pk,
            "title": image.title,
            "alt": getattr(image, "contextual_alt_text", None) or image.default_alt_text or "",
            "url": image.file.url,
            "width": image.width,
            "height": image.height,
        }

    # ----- blocks -------------------------------------------------------------------------------

    def stream(self, stream_value):
        return [
            {"type": child.block_type, "id": child.id, "value": self.block(child.block, child.value)}
            for child in stream_value
        ]

    def block(self, block, value):
        if isinstance(block, blocks.StreamBlock):
            return self.stream(value)
        if isinstance(block, ImageBlock):
            return self.image(value)
        if isinstance(block, blocks.StructBlock):
            return {name: self.block(child, value.get(name)) for name, child in block.child_blocks.items()}
        if isinstance(block, blocks.ListBlock):
            return [self.block(block.child_block, item) for item in value or []]
        if isinstance(block, blocks.PageChooserBlock):
            return self.page(value)
        if isinstance(block, ImageChooserBlock):
            return self.image(value)
        if isinstance(block, SnippetChooserBlock):
            return self.snippet(value)
        if isinstance(block, blocks.RichTextBlock):
            return self.rich_text(value.source if value is not None else "")
        if isinstance(block, blocks.BooleanBlock):
            # A tick box added after a block was saved has no stored value: unticked, as the editor shows it.
            return bool(value)
        if isinstance(value, datetime.date | datetime.datetime | datetime.time):
            return value.isoformat()
        return block.get_prep_value(value)


def stream_schema(stream_block, title=None):
    """The JSON Schema (OpenAPI 3.1) of a StreamField: an array of typed blocks."""
    variants = []
    for name, child in stream_block.child_blocks.items():
        variants.append(
            {
                "type": "object",
                "title": f"{title or ''}{name.title().replace('_', '')}Block",
                "description": str(getattr(child.meta, "description", "") or ""),
                "properties": {
                    "type": {"type": "string", "enum": [name]},
                    "id": {"type": "string", "format": "uuid"},
                    "value": block_schema(child),
                },
                "required": ["type", "id", "value"],
            }
        )
    items = variants[0] if len(variants) == 1 else {"oneOf": variants}
    return {"type": "array", "items": items}


def block_schema(block):
    if isinstance(block, blocks.StreamBlock):
        return stream_schema(block)
    if isinstance(block, ImageBlock | ImageChooserBlock):
        return dict(IMAGE_SCHEMA)
    if isinstance(block, blocks.StructBlock):
        return {
            "type": "object",
            "properties": {name: block_schema(child) for name, child in block.child_blocks.items()},
            "required": list(block.child_blocks),
        }
    if isinstance(block, blocks.ListBlock):
        return {"type": "array", "items": block_schema(block.child_block)}
    if isinstance(block, blocks.PageChooserBlock | SnippetChooserBlock):
        return dict(REFERENCE_SCHEMA)
    if isinstance(block, blocks.RichTextBlock):
        return {"type": "string", "description": "HTML, with internal links resolved to public URLs."}
    if isinstance(block, blocks.ChoiceBlock):
        choices = [str(value) for value, _label in block.field.choices if value != ""]
        # An optional choice may be stored empty, and "" may itself be a choice (a button's primary style).
        empty = (
            ["", None] if not block.required or any(value == "" for value, _label in block.field.choices) else [None]
        )
        return {"type": ["string", "null"], "enum": [*choices, *empty]}
    if isinstance(block, blocks.IntegerBlock):
        return {"type": ["integer", "null"]}
    if isinstance(block, blocks.DateBlock):
        return {"type": ["string", "null"], "format": "date"}
    if isinstance(block, blocks.BooleanBlock):
        return {"type": "boolean"}
    if isinstance(block, blocks.URLBlock):
        return {"type": "string"}
    return {"type": ["string", "null"]}
