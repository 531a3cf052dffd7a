"""Service standards and published service assessments. Drafted assessments never appear."""

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view

from assessments.models import Assessment, AssessmentOutcome, ServiceStandard, StandardPoint

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
from .taxonomy import taxonomy_views

StandardListView, StandardDetailView = taxonomy_views(
    "standards",
    ServiceStandard,
    serializers.StandardSerializer,
    filters.StandardFilterSet,
    "slug",
    OpenApiTypes.STR,
    "govuk-service-standard",
    ["name", "slug", "id"],
    resource="standard",
    prefetch=(Prefetch("points", queryset=StandardPoint.objects.select_related("standard").order_by("number")),),
)

ASSESSMENT_ORDERING = ["date", "id"]


class AssessmentQuerysetMixin:
    def get_queryset(self):
        return (
            Assessment.objects.filter(live=True)
            .select_related("council", "service", "pattern", "standard")
            .prefetch_related(
                Prefetch(
                    "outcomes", queryset=AssessmentOutcome.objects.select_related("point").order_by("point__number")
                )
            )
        )


@extend_schema_view(
    get=extend_schema(
        operation_id="assessments_list",
        summary="List published service assessments",
        description="Councils' assessments of their services against a service standard, point by point. "
        "Only published assessments are listed.",
        parameters=[
            *filters.AssessmentFilterSet.openapi_parameters(),
            fields_parameter("council,service,result"),
            ordering_parameter(ASSESSMENT_ORDERING),
        ],
        responses={200: serializers.AssessmentSerializer(many=True), **NOT_MODIFIED, **ERROR_RESPONSES},
        tags=["assessments"],
    )
)
class AssessmentListView(AssessmentQuerysetMixin, ListView):
    serializer_class = serializers.AssessmentSerializer
    filterset_class = filters.AssessmentFilterSet
    ordering_fields = ASSESSMENT_ORDERING
    ordering = ["-date"]


@extend_schema_view(
    get=extend_schema(
        operation_id="assessments_retrieve",
        summary="Fetch a published service assessment",
        responses={200: serializers.AssessmentSerializer, **NOT_MODIFIED, **DETAIL_ERROR_RESPONSES},
        tags=["assessments"],
    )
)
class AssessmentDetailView(AssessmentQuerysetMixin, DetailView):
    serializer_class = serializers.AssessmentSerializer
    detail_parameters = set()
