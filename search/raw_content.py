"""Searchable text and Design System components read straight from the StreamFields' stored JSON.

``StreamField.get_searchable_content`` and ``page.steps`` first turn every block into its Python value
(a RichText, a StructValue, a snippet fetched from the database), which cost a full index rebuild most
of its time. The walkers here read the raw JSON (``page.<field>.raw_data``) block by block and give the
same strings Wagtail's ``get_searchable_content`` gives, in the same order; the only lookups they need
(images, for their alt text, and the components a pattern names) are made once for a batch of pages.
``tests/search/test_raw_content.py`` holds them equal to the block-based extraction.

A block class whose ``get_searchable_content`` is not one of Wagtail's that are mirrored here is asked
itself, from its Python value, so a new kind of block is never silently left out.
"""

import re
from dataclasses import dataclass
from html import unescape

from django.utils.encoding import force_str
from django.utils.translation import get_language
from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.rich_text import get_text_for_indexing

BASE_METHOD = blocks.Block.get_searchable_content


def own_method(block, cls):
    """Whether ``block`` searches as Wagtail's ``cls`` does (it does not override the method)."""
    return type(block).get_searchable_content is cls.get_searchable_content


def list_items(raw):
    """A ListBlock's raw child values, in either of its stored formats (``[{"type": "item", "value": …,
    "id": …}]`` or the older plain list)."""
    return [
        item["value"]
        if isinstance(item, dict) and "id" in item and "value" in item and item.get("type") == "item"
        else item
        for item in raw or []
    ]


def stream_items(block, raw):
    """``(child block, raw value)`` for each item of a StreamBlock whose type the block still defines."""
    if not isinstance(raw, list):
        return []
    return [
        (block.child_blocks[item["type"]], item.get("value"))
        for item in raw
        if isinstance(item, dict) and item.get("type") in block.child_blocks
    ]


def searchable_parts(block, raw, images):
    """What ``block.get_searchable_content(block.to_python(raw))`` returns, without building the value.

    ``images`` maps the id of each image that exists to the Image (see :func:`image_ids`).
    """
    return extractor(block)(raw, images)


def extractor(block, _compiled={}):  # noqa: B006  (memo: block definitions live as long as the process)
    """``searchable_parts`` for ``block`` as one function of ``(raw, images)``, worked out once per block
    definition: which kind of block it is is decided here, not for every value of every page."""
    if id(block) not in _compiled:
        _compiled[id(block)] = (block, compile_block(block))  # the block is kept so that its id is never reused
    return _compiled[id(block)][1]


def nothing(raw, images):
    return []


def compile_block(block):
    if type(block).get_searchable_content is BASE_METHOD:
        return nothing  # choosers, dates, numbers, URLs…: nothing to search
    if not getattr(block, "search_index", True):
        return nothing
    if isinstance(block, ImageBlock) and own_method(block, ImageBlock):
        return lambda raw, images: image_alt_text(block, raw, images)
    if isinstance(block, blocks.StreamBlock) and own_method(block, blocks.StreamBlock):
        return stream_extractor(block)
    if isinstance(block, blocks.ListBlock) and own_method(block, blocks.ListBlock):
        return list_extractor(block)
    if isinstance(block, blocks.StructBlock) and own_method(block, blocks.StructBlock):
        return struct_extractor(block)
    if isinstance(block, blocks.RichTextBlock) and own_method(block, blocks.RichTextBlock):
        return lambda raw, images: [rich_text_for_indexing(block.to_python(raw).source)]
    if isinstance(block, blocks.CharBlock | blocks.TextBlock) and plain_text_block(block):
        return plain_text
    if isinstance(block, blocks.ChoiceBlock) and fixed_choices(block):
        return choice_extractor(block)
    # Any other text (ChoiceBlock…): to_python is cheap and needs no database.
    return lambda raw, images: block.get_searchable_content(block.to_python(raw))


def plain_text(raw, images):
    """A CharBlock's or TextBlock's text. The walkers below take a string value as it is without calling
    this (``force_str`` of a string is the string): most of what a page holds is such text."""
    return [force_str(raw)]


def plain_text_block(block):
    """A CharBlock or TextBlock that searches and stores its text as Wagtail's do (the value is the raw text)."""
    cls = blocks.CharBlock if isinstance(block, blocks.CharBlock) else blocks.TextBlock
    return own_method(block, cls) and type(block).to_python is blocks.Block.to_python


def fixed_choices(block):
    """A ChoiceBlock searching as Wagtail's does, over a fixed list of choices (not a callable)."""
    choices = block._constructor_kwargs.get("choices", type(block).choices)
    return (
        own_method(block, blocks.ChoiceBlock)
        and type(block).to_python is blocks.ChoiceBlock.to_python
        and not callable(choices)
    )


def choice_extractor(block):
    """A choice's label (in the active language), looked up once per value and language."""
    labels = {}

    def choice_parts(raw, images):
        if not isinstance(raw, str | int | None):
            return block.get_searchable_content(block.to_python(raw))
        key = (get_language(), raw)
        if key not in labels:
            labels[key] = block.get_searchable_content(block.to_python(raw))
        return labels[key]

    return choice_parts


def add_parts(parts, child, value, images):
    """``parts += child(value, images)``; a plain text's string is taken as it is (no list made for it)."""
    if child is plain_text and type(value) is str:
        parts.append(value)
    else:
        parts.extend(child(value, images))


def stream_extractor(block):
    children = {name: extractor(child) for name, child in block.child_blocks.items()}

    def stream_parts(raw, images):
        parts = []
        if not isinstance(raw, list):
            return parts
        for item in raw:
            if isinstance(item, dict):
                child = children.get(item.get("type"))
                if child is not None:
                    add_parts(parts, child, item.get("value"), images)
        return parts

    return stream_parts


def list_extractor(block):
    child = extractor(block.child_block)

    def list_parts(raw, images):
        parts = []
        for value in raw or []:  # list_items, inline
            if isinstance(value, dict) and "id" in value and "value" in value and value.get("type") == "item":
                value = value["value"]
            add_parts(parts, child, value, images)
        return parts

    return list_parts


MISSING = object()


def struct_extractor(block):
    # StructBlock.to_python puts a missing child's default (a Python value) in its place. A child that
    # gives nothing, present or missing, is left out.
    children = []
    for name, child in block.child_blocks.items():
        walk, default = extractor(child), child.get_searchable_content(child.get_default())
        if walk is not nothing or default:
            children.append((name, walk, default))

    def struct_parts(raw, images):
        if not isinstance(raw, dict):
            return block.get_searchable_content(block.to_python(raw))
        parts = []
        for name, child, default in children:
            value = raw.get(name, MISSING)
            if value is MISSING:
                parts.extend(default)
            else:
                add_parts(parts, child, value, images)
        return parts

    return struct_parts


# Rich text as Draftail stores it: tags with double-quoted attributes, and named or numbered entities.
# Text that is anything else goes through Wagtail's own function (an HTML parser, ten times slower).
SIMPLE_HTML = re.compile(
    r"(?:[^<&]++|<(?:/?[a-zA-Z][a-zA-Z0-9]*+(?:\s++[a-zA-Z_:][-a-zA-Z0-9_:.]*+(?:=\"[^\"<>]*+\")?+)*+\s*+/?)>"
    r"|&(?:[a-zA-Z]++|#[0-9]++|#[xX][0-9a-fA-F]++);)*+"
)
RAW_TEXT_ELEMENT = re.compile(r"<(?:script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)", re.I)
TAG = re.compile(r"<[^<>]*>")
# Wagtail puts a space after each of these before it drops the tags; here each is replaced by a space.
BLOCK_END_OR_BREAK = re.compile(r"</(?:p|h\d|li|blockquote)>|<(?:br|hr)\s*/>", re.IGNORECASE)


def rich_text_for_indexing(source):
    """``wagtail.rich_text.get_text_for_indexing(source)``, the same string, without an HTML parser for the
    simple HTML rich text fields store: ``"<p>Pay <b>now</b></p><p>Or later</p>"`` → ``"Pay now Or later"``."""
    source = force_str(source)
    if "<" not in source and "&" not in source:
        return source.strip()
    # In text SIMPLE_HTML reads, every "<" opens a whole tag: a space after a tag changes neither test.
    if RAW_TEXT_ELEMENT.search(source) or not SIMPLE_HTML.fullmatch(source):
        return get_text_for_indexing(source)
    return unescape(TAG.sub("", BLOCK_END_OR_BREAK.sub(" ", source)).strip())


class DeferredImages:
    """``images`` for a walk that does not know yet which images exist: each image block's text is left as a
    placeholder, and the ids it names are collected, so that a batch of pages is walked once, the images
    looked up in one query, and the placeholders then replaced (:meth:`resolve`)."""

    def __init__(self):
        self.ids = set()
        self.count = 0

    def defer(self, block, raw):
        self.ids.update(pk for pk in image_raw_values(block, raw) if isinstance(pk, int))
        self.count += 1
        return PendingImage(block, raw)

    def resolve(self, parts, images):
        """``parts`` with each placeholder replaced by the image block's text, now that ``images`` (``{id:
        Image}`` of those that exist) is known."""
        if not self.count:
            return parts
        out = []
        for part in parts:
            if type(part) is PendingImage:
                out.extend(image_alt_text(part.block, part.raw, images))
            else:
                out.append(part)
        return out


@dataclass(frozen=True)
class PendingImage:
    block: object
    raw: object


def image_alt_text(block, raw, images):
    """ImageBlock: the alt text in context (none when decorative), when the image still exists."""
    if type(images) is DeferredImages:
        return [images.defer(block, raw)]
    if raw is None or isinstance(raw, int):  # stored by an ImageChooserBlock before it became an ImageBlock
        image = images.get(raw)
        alt_text = image.default_alt_text if image else ""
    elif isinstance(raw, dict):
        image = images.get(raw["image"]) if "image" in raw else block.child_blocks["image"].get_default()
        decorative = raw["decorative"] if "decorative" in raw else block.child_blocks["decorative"].get_default()
        alt_text = raw["alt_text"] if "alt_text" in raw else block.child_blocks["alt_text"].get_default()
        alt_text = "" if decorative else alt_text
    else:
        return block.get_searchable_content(block.to_python(raw))
    if not image:
        return []
    return block.child_blocks["alt_text"].get_searchable_content(alt_text)


def holds_images(block, _known={}):  # noqa: B006  (memo: block definitions live as long as the process)
    """Whether an ImageBlock can be found under ``block``."""
    if id(block) not in _known:
        if isinstance(block, ImageBlock):
            found = True
        elif isinstance(block, blocks.StreamBlock | blocks.StructBlock):
            found = any(holds_images(child) for child in block.child_blocks.values())
        elif isinstance(block, blocks.ListBlock):
            found = holds_images(block.child_block)
        else:
            found = False
        _known[id(block)] = (block, found)  # the block is kept so that its id is never reused
    return _known[id(block)][1]


def image_raw_values(block, raw):
    """The raw image ids stored under ``block`` (for one batched lookup)."""
    if not holds_images(block):
        return
    if isinstance(block, ImageBlock):
        if raw is None or isinstance(raw, int):
            yield raw
        elif isinstance(raw, dict):
            yield raw.get("image")
    elif isinstance(block, blocks.StreamBlock):
        for child, value in stream_items(block, raw):
            if holds_images(child):  # asked before the call: no generator for each text block
                yield from image_raw_values(child, value)
    elif isinstance(block, blocks.ListBlock):
        for value in list_items(raw):
            yield from image_raw_values(block.child_block, value)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            if name in raw and holds_images(child):
                yield from image_raw_values(child, raw[name])


def stream_fields(page, names):
    """``(field, raw JSON)`` for each of ``names`` that is a StreamField of ``page``."""
    from wagtail.fields import StreamField

    for name in names:
        field = page._meta.get_field(name)
        if isinstance(field, StreamField):
            yield field, list(getattr(page, name).raw_data)


def image_ids(pages, names_of):
    """The ids of the images named in ``pages``' StreamFields (``names_of(page)`` of each)."""
    return {
        pk
        for page in pages
        for field, raw in stream_fields(page, names_of(page))
        for pk in image_raw_values(field.stream_block, raw)
        if isinstance(pk, int)
    }


def existing_images(pages, names_of):
    """``{id: Image}`` for the images named in the pages' StreamFields that still exist: one query, or none."""
    return existing_images_by_id(image_ids(pages, names_of))


def existing_images_by_id(ids):
    """``{id: Image}`` for those of ``ids`` that exist: one query, or none."""
    from wagtail.images import get_image_model

    return get_image_model().objects.in_bulk(ids) if ids else {}


def searchable_text(page, names, images):
    """The strings Wagtail's ``StreamField.get_searchable_content`` gives for each of ``names``, in order."""
    return [
        part for field, raw in stream_fields(page, names) for part in searchable_parts(field.stream_block, raw, images)
    ]


def named_component_ids(page):
    """The ids a service pattern's steps store for their Design System components (existing or not)."""
    return component_ids_in(page.steps.raw_data)


def component_ids_in(raw_steps):
    """``named_component_ids`` from the steps' stored JSON (a list of ``{"type": "step", "value": …}``)."""
    ids = set()
    for item in raw_steps or []:
        if item.get("type") == "step" and isinstance(item.get("value"), dict):
            ids.update(pk for pk in list_items(item["value"].get("components")) if pk is not None)
    return ids
