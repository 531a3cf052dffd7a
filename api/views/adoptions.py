"""The adoption register: which councils use which patterns and processes. Only adoptions an editor
has approved, of pages that are live, are shown."""

from django.db.models import Q
from drf_spectacular.utils import extend_schema, extend_schema_view

from contributions.models import Adoption

from .. import filters, serializers
from .base import (
    DETAIL_ERROR_RESPONSES,
    ERROR_RESPONSES,
    NOT_MODIFIED,
    DetailView,
    ListView,
    fields_parameter,
    ordering_parameter,
)

ADOPTION_ORDERING = ["adopted_on", "id"]


class AdoptionQuerysetMixin:
    def get_queryset(self):
        live_pages = (Q(pattern__isnull=True) | Q(pattern__live=True)) & (
            Q(process__isnull=True) | Q(process__live=True)
        )
        return (
            Adoption.objects.public()
            .filter(live_pages)
            .select_related("council", "pattern", "process")
            .prefetch_related("services")
        )


@extend_schema_view(
    get=extend_schema(
        operation_id="adoptions_list",
        summary="List adoptions",
        description="Councils' statements that they use a pattern or process, approved by the library's editors.",
        parameters=[
            *filters.AdoptionFilterSet.openapi_parameters(),
            fields_parameter("council,pattern,status"),
            ordering_parameter(ADOPTION_ORDERING),
        ],
        responses={200: serializers.AdoptionSerializer(many=True), **NOT_MODIFIED, **ERROR_RESPONSES},
        tags=["adoptions"],
    )
)
class AdoptionListView(AdoptionQuerysetMixin, ListView):
    serializer_class = serializers.AdoptionSerializer
    filterset_class = filters.AdoptionFilterSet
    ordering_fields = ADOPTION_ORDERING
    ordering = ["-adopted_on"]


@extend_schema_view(
    get=extend_schema(
        operation_id="adoptions_retrieve",
        summary="Fetch an adoption",
        responses={200: serializers.AdoptionSerializer, **NOT_MODIFIED, **DETAIL_ERROR_RESPONSES},
        tags=["adoptions"],
    )
)
class AdoptionDetailView(AdoptionQuerysetMixin, DetailView):
    serializer_class = serializers.AdoptionSerializer
    detail_parameters = set()
