"""A workaround for wagtail-localize 1.14: an empty optional ImageBlock inside a StructBlock (a pattern
step without an example screen) crashes segment extraction, because its raw value is None. Such a block
has nothing to translate, so it yields no segments and is left as it is when translations are applied."""

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
