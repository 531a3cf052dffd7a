"""/api/v1/changes/: the ordered feed of published, unpublished, deleted and moved events.

A mirror keeps ``next_cursor`` and asks again with ``?since=<cursor>``; because event ids become
visible in order (see ``api.changes``), it never misses one.
"""

from django.utils.http import urlencode
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics
from rest_framework.response import Response

from library.site_url import absolute

from ..changes import RESOURCES
from ..exceptions import InvalidParameter
from ..models import ChangeEvent
from ..pagination import DEFAULT_LIMIT, MAX_LIMIT, read_limit
from ..parameters import read_number, shown
from ..serializers.changes import ChangeEventSerializer, ChangeFeedSerializer
from .base import EPOCH, ERROR_RESPONSES, NOT_MODIFIED, ResourceMixin

PAGE_RESOURCES = {"pattern", "process"}


def redact_page_events(results):
    """Show page events with the page's live title, and no title of a page that is not live and public
    now: an old event must not reveal the text of a page since unpublished or made private, nor an earlier
    revision's. The event, its key (the slug, which mirrors match on) and its URL stay, so a mirror still
    applies it."""
    from wagtail.models import Page

    ids = {item["object_id"] for item in results if item["resource"] in PAGE_RESOURCES}
    if not ids:
        return results
    visible = {page.pk: page for page in Page.objects.live().public().filter(pk__in=ids)}
    for item in results:
        if item["resource"] not in PAGE_RESOURCES:
            continue
        page = visible.get(item["object_id"])
        item["title"] = page.title if page else ""
    return results


@extend_schema_view(
    get=extend_schema(
        operation_id="changes_list",
        summary="The change feed",
        description=(
            "Published, unpublished, deleted and moved events for patterns, processes and taxonomy items, in "
            "order. Keep next_cursor and pass it as since: ids become visible in order, so none is skipped."
        ),
        parameters=[
            OpenApiParameter(
                "since",
                OpenApiTypes.STR,
                OpenApiParameter.QUERY,
                description="The next_cursor of the previous page; absent or 0 to start from the beginning.",
                examples=[OpenApiExample("since", value="1042")],
            ),
            OpenApiParameter(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT},
                OpenApiParameter.QUERY,
                description=f"How many events to return, 1 to {MAX_LIMIT} (default {DEFAULT_LIMIT}).",
                examples=[OpenApiExample("limit", value=100)],
            ),
            OpenApiParameter(
                "resource",
                OpenApiTypes.STR,
                OpenApiParameter.QUERY,
                enum=RESOURCES,
                description="Only events about this kind of item.",
                examples=[OpenApiExample("resource", value="pattern")],
            ),
        ],
        responses={200: ChangeFeedSerializer, **NOT_MODIFIED, **ERROR_RESPONSES},
        tags=["changes"],
    )
)
class ChangeFeedView(ResourceMixin, generics.GenericAPIView):
    serializer_class = ChangeEventSerializer
    pagination_class = None
    filter_backends = []
    cache_control = "public, max-age=5"

    def allowed_parameters(self):
        return {"since", "limit", "resource", "format"}

    def read_fields(self, request):
        return None

    def get(self, request):
        since_raw = request.query_params.get("since", "0")
        since = read_number(
            "since",
            since_raw,
            gettext("'%(value)s' is not a cursor from this feed: use its next_cursor.") % {"value": shown(since_raw)},
        )
        limit = read_limit(request)
        events = ChangeEvent.objects.filter(id__gt=since).order_by("id")
        resource = request.query_params.get("resource")
        if resource is not None:
            if resource not in RESOURCES:
                raise InvalidParameter(
                    "resource",
                    gettext("'%(value)s' is not one of: %(known)s.")
                    % {"value": resource, "known": ", ".join(RESOURCES)},
                )
            events = events.filter(resource=resource)
        events = list(events[:limit])
        next_cursor = str(events[-1].id if events else since)
        self.last_modified = events[-1].occurred_at if events else EPOCH
        query = {"since": next_cursor, "limit": limit}
        if resource:
            query["resource"] = resource
        return Response(
            {
                "results": redact_page_events(ChangeEventSerializer(events, many=True).data),
                "next_cursor": next_cursor,
                "next": absolute(f"{request.path}?{urlencode(query)}"),
            }
        )
