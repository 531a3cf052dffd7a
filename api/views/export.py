"""Bulk export: every live pattern (or process) as JSON Lines, streamed, for suppliers who mirror
the whole library. Each line is the item's full detail representation."""

import json

from django.http import StreamingHttpResponse
from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from ..authentication import ApiKeyAuthentication, SessionAuthentication
from ..exceptions import InvalidParameter
from ..filters.base import LOCALE_CODES, LOCALES
from ..serializers.pages import PatternDetailSerializer, ProcessDetailSerializer
from ..throttling import AnonThrottle, KeyThrottle
from .base import ERROR_RESPONSES
from .patterns import PatternViewSet
from .processes import ProcessViewSet

CHUNK_SIZE = 100


class ExportView(APIView):
    authentication_classes = [ApiKeyAuthentication, SessionAuthentication]
    throttle_classes = [AnonThrottle, KeyThrottle]
    renderer_classes = [JSONRenderer]
    queryset_source = None  # the resource's viewset: its model, select and prefetch
    serializer_class = None

    def get(self, request):
        for name in request.query_params:
            if name != "locale":
                raise InvalidParameter(
                    name,
                    gettext("'%(name)s' is not a parameter of this endpoint. Use: %(known)s.")
                    % {"name": name, "known": "locale"},
                )
        source = self.queryset_source
        queryset = (
            source.model.objects.select_related(*source.select)
            .prefetch_related(*source.prefetch)
            .live()
            .public()
            .order_by("pk")
        )
        locale = request.query_params.get("locale")
        if locale is not None:
            if locale not in dict(LOCALES):
                raise InvalidParameter(
                    "locale", gettext("'%(value)s' is not a locale: use en or cy.") % {"value": locale}
                )
            queryset = queryset.filter(locale__language_code=locale)
        context = {"request": request}

        def lines():
            # iterator() with chunk_size keeps memory flat and still applies the prefetches per chunk.
            for page in queryset.iterator(chunk_size=CHUNK_SIZE):
                yield json.dumps(self.serializer_class(page, context=context).data, default=str) + "\n"

        response = StreamingHttpResponse(lines(), content_type="application/x-ndjson")
        response["Cache-Control"] = "public, max-age=300"
        return response


EXPORT_LOCALE = OpenApiParameter(
    "locale",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    enum=LOCALE_CODES,
    description="Only this locale's pages.",
    examples=[OpenApiExample("locale", value="en")],
)


@extend_schema_view(
    get=extend_schema(
        operation_id="export_patterns",
        summary="Every live service pattern, one JSON object a line",
        responses={(200, "application/x-ndjson"): OpenApiResponse(OpenApiTypes.STR), **ERROR_RESPONSES},
        parameters=[EXPORT_LOCALE],
        tags=["export"],
    )
)
class PatternExportView(ExportView):
    queryset_source = PatternViewSet
    serializer_class = PatternDetailSerializer


@extend_schema_view(
    get=extend_schema(
        operation_id="export_processes",
        summary="Every live process, one JSON object a line",
        responses={(200, "application/x-ndjson"): OpenApiResponse(OpenApiTypes.STR), **ERROR_RESPONSES},
        parameters=[EXPORT_LOCALE],
        tags=["export"],
    )
)
class ProcessExportView(ExportView):
    queryset_source = ProcessViewSet
    serializer_class = ProcessDetailSerializer
