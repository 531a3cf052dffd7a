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

from wagtail import blocks
from wagtail.images.blocks import ImageBlock

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
    if type(block).get_searchable_content is BASE_METHOD:
        return []  # choosers, dates, numbers, URLs…: nothing to search
    if not getattr(block, "search_index", True):
        return []
    if isinstance(block, ImageBlock) and own_method(block, ImageBlock):
        return image_alt_text(block, raw, images)
    if isinstance(block, blocks.StreamBlock) and own_method(block, blocks.StreamBlock):
        return [part for child, value in stream_items(block, raw) for part in searchable_parts(child, value, images)]
    if isinstance(block, blocks.ListBlock) and own_method(block, blocks.ListBlock):
        return [part for value in list_items(raw) for part in searchable_parts(block.child_block, value, images)]
    if isinstance(block, blocks.StructBlock) and own_method(block, blocks.StructBlock) and isinstance(raw, dict):
        parts = []
        for name, child in block.child_blocks.items():
            if name in raw:
                parts.extend(searchable_parts(child, raw[name], images))
            else:  # StructBlock.to_python puts the child's default (a Python value) in its place
                parts.extend(child.get_searchable_content(child.get_default()))
        return parts
    # Text (CharBlock, TextBlock, RichTextBlock, ChoiceBlock): to_python is cheap and needs no database.
    return block.get_searchable_content(block.to_python(raw))


def image_alt_text(block, raw, images):
    """ImageBlock: the alt text in context (none when decorative), when the image still exists."""
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
            yield from image_raw_values(child, value)
    elif isinstance(block, blocks.ListBlock):
        for value in list_items(raw):
            yield from image_raw_values(block.child_block, value)
    elif isinstance(block, blocks.StructBlock) and isinstance(raw, dict):
        for name, child in block.child_blocks.items():
            if name in raw:
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
    from wagtail.images import get_image_model

    ids = image_ids(pages, names_of)
    return get_image_model().objects.in_bulk(ids) if ids else {}


def searchable_text(page, names, images):
    """The strings Wagtail's ``StreamField.get_searchable_content`` gives for each of ``names``, in order."""
    return [
        part for field, raw in stream_fields(page, names) for part in searchable_parts(field.stream_block, raw, images)
    ]


def named_component_ids(page):
    """The ids a service pattern's steps store for their Design System components (existing or not)."""
    ids = set()
    for item in page.steps.raw_data:
        if item.get("type") == "step" and isinstance(item.get("value"), dict):
            ids.update(pk for pk in list_items(item["value"].get("components")) if pk is not None)
    return ids
