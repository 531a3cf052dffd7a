"""The API's JSON parser: DRF's, with control characters removed and no server error on deep nesting."""

from rest_framework import parsers
from rest_framework.exceptions import ParseError

from pattern_pages.text import JSON_MAX_DEPTH, strip_control_characters_deep


class JSONParser(parsers.JSONParser):
    """Parses a JSON body; every string in it loses its C0 control characters (tab and line breaks stay).

    ``cms.middleware.RefuseDeepJsonMiddleware`` refuses bodies nested more than 64 deep before any view;
    this catches the recursion error too, should the parser ever be reached some other way.
    """

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            data = super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(f"JSON parse error - nested more than {JSON_MAX_DEPTH} levels deep.") from None
        return strip_control_characters_deep(data)
