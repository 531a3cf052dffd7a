"""Workarounds for wagtail-localize 1.14's segment extraction.

- An empty optional ImageBlock inside a StructBlock (a pattern step without an example screen) crashes
  extraction, because its raw value is None. Such a block has nothing to translate, so it yields no segments
  and is left as it is when translations are applied.
- A ListBlock inside a StructBlock inside a StructBlock (a process step's decision and its answers) was
  never offered for translation: the extractor reads a StructBlock's raw value as ``{"type", "value", "id"}``,
  the shape of a stream or list child, but a StructBlock's own child StructBlock is stored bare, so the list
  inside it had no raw value and was skipped as if it were in the pre-2.16 list format."""

from wagtail_localize.segments.extract import StreamFieldSegmentExtractor
from wagtail_localize.segments.ingest import StreamFieldSegmentsWriter


def patch_empty_image_blocks():
    extract = StreamFieldSegmentExtractor.handle_image_block
    ingest = StreamFieldSegmentsWriter.handle_image_block
    if getattr(extract, "handles_empty_image_blocks", False):
        return

    def handle_image_block(self, block, image_block_value, raw_value=None):
        if image_block_value is None or raw_value is None:
            return []
        return extract(self, block, image_block_value, raw_value=raw_value)

    def write_image_block(self, block, image_block_value, segments):
        if image_block_value is None:
            return None
        return ingest(self, block, image_block_value, segments)

    handle_image_block.handles_empty_image_blocks = True
    StreamFieldSegmentExtractor.handle_image_block = handle_image_block
    StreamFieldSegmentsWriter.handle_image_block = write_image_block


def is_wrapped(raw_value):
    """Whether a StructBlock's raw value is a stream or list child (``{"type": …, "value": {…}, "id": …}``)
    rather than the bare dict of a StructBlock nested in another StructBlock."""
    return (
        isinstance(raw_value, dict)
        and isinstance(raw_value.get("value"), dict)
        and set(raw_value) <= {"type", "value", "id"}
    )


def patch_nested_struct_blocks():
    extract = StreamFieldSegmentExtractor.handle_struct_block
    if getattr(extract, "handles_nested_struct_blocks", False):
        return

    def handle_struct_block(self, struct_block, raw_value=None):
        if isinstance(raw_value, dict) and not is_wrapped(raw_value):
            raw_value = {"value": raw_value}
        return extract(self, struct_block, raw_value=raw_value)

    handle_struct_block.handles_nested_struct_blocks = True
    StreamFieldSegmentExtractor.handle_struct_block = handle_struct_block


def patch_empty_text_blocks():
    """The same for an optional CharBlock or TextBlock left empty whose stored value is None (a screen's
    component parameter that was not given): no segment out, and the None kept when translations come in."""
    from wagtail import blocks

    extract = StreamFieldSegmentExtractor.handle_block
    ingest = StreamFieldSegmentsWriter.handle_block
    if getattr(extract, "handles_empty_text_blocks", False):
        return
    text_blocks = (blocks.CharBlock, blocks.TextBlock, blocks.BlockQuoteBlock)

    def handle_block(self, block_type, block_value, raw_value=None):
        if block_value is None and isinstance(block_type, text_blocks):
            return []
        return extract(self, block_type, block_value, raw_value=raw_value)

    def write_block(self, block_type, block_value, segments):
        if block_value is None and not segments and isinstance(block_type, text_blocks):
            return None
        return ingest(self, block_type, block_value, segments)

    handle_block.handles_empty_text_blocks = True
    StreamFieldSegmentExtractor.handle_block = handle_block
    StreamFieldSegmentsWriter.handle_block = write_block
