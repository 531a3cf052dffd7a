"""Pagination: limit/offset for browsing, or a cursor for sync.

``?limit=20&offset=40`` browses (at most 100 a page; more is a 400). ``?cursor=`` (empty to start)
switches to keyset pages in id order, stable while content changes: a mirror walks them once, then
follows the change feed.
"""

from django.utils.translation import gettext
from rest_framework.pagination import BasePagination, CursorPagination, LimitOffsetPagination

from library.site_url import on_site
from pattern_pages.numbers import MAX_STORED_INTEGER

from .exceptions import InvalidParameter
from .parameters import read_number, shown

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


def read_limit(request, default=DEFAULT_LIMIT):
    raw = request.query_params.get("limit")
    if raw is None:
        return default
    return read_number(
        "limit",
        raw,
        gettext("'%(value)s' is not a limit: use a whole number from 1 to %(maximum)s.")
        % {"value": shown(raw), "maximum": MAX_LIMIT},
        minimum=1,
        maximum=MAX_LIMIT,
        too_high=(
            "limit_too_high",
            gettext("The limit can be at most %(maximum)s, not %(value)s.")
            % {"maximum": MAX_LIMIT, "value": shown(raw)},
        ),
    )


class _Offset(LimitOffsetPagination):
    default_limit = DEFAULT_LIMIT
    max_limit = MAX_LIMIT

    def get_limit(self, request):
        return read_limit(request)

    def get_offset(self, request):
        raw = request.query_params.get("offset", "0")
        return read_number(
            "offset",
            raw,
            gettext("'%(value)s' is not an offset: use a whole number, 0 or more.") % {"value": shown(raw)},
        )


class _Cursor(CursorPagination):
    ordering = "id"
    page_size = DEFAULT_LIMIT

    def get_page_size(self, request):
        return read_limit(request)

    def get_ordering(self, request, queryset, view):
        # Always id order, whatever the view's default ordering: ids never change, titles do.
        return ("id",)

    def decode_cursor(self, request):
        try:
            return super().decode_cursor(request)
        except Exception as exc:  # DRF raises NotFound for a cursor it cannot read
            raise InvalidParameter("cursor", gettext("The cursor is not one this API gave out.")) from exc


class LibraryPagination(BasePagination):
    """Chooses limit/offset or cursor pagination per request, with one response shape for both."""

    def paginate_queryset(self, queryset, request, view=None):
        if "cursor" in request.query_params:
            if "offset" in request.query_params or "ordering" in request.query_params:
                raise InvalidParameter("cursor", gettext("A cursor cannot be combined with offset or ordering."))
            self.delegate = _Cursor()
        else:
            self.delegate = _Offset()
        return self.delegate.paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        from rest_framework.response import Response

        delegate = self.delegate
        return Response(
            {
                "count": delegate.count if isinstance(delegate, _Offset) else None,
                # DRF builds them from the request's host; suppliers get the site's address (SITE_URL).
                "next": on_site(delegate.get_next_link()),
                "previous": on_site(delegate.get_previous_link()),
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "next", "previous", "results"],
            "properties": {
                "count": {
                    "type": ["integer", "null"],
                    "description": "How many items match; null in cursor mode.",
                    "examples": [123],
                },
                "next": {"type": ["string", "null"], "format": "uri"},
                "previous": {"type": ["string", "null"], "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": "limit",
                "in": "query",
                "required": False,
                "description": f"How many items a page holds, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
                "example": 50,
            },
            {
                "name": "offset",
                "in": "query",
                "required": False,
                "description": "How many items to skip (browsing).",
                "schema": {"type": "integer", "minimum": 0, "maximum": MAX_STORED_INTEGER},
                "example": 40,
            },
            {
                "name": "cursor",
                "in": "query",
                "required": False,
                "description": "Sync mode: pass it empty to start, then follow `next`. Items come in id order.",
                "schema": {"type": "string"},
                "example": "cD0xMjM%3D",
            },
        ]
