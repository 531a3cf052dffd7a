"""Service standards and published service assessments. Drafted assessments never appear."""

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes

from assessments.models import AssessmentOutcome, ServiceStandard, StandardPoint
from assessments.summary import published_assessments

from ..filters.assessments import AssessmentFilterSet, StandardFilterSet
from ..serializers.assessments import AssessmentSerializer, StandardSerializer
from .base import RecordViewSet, record_schema
from .taxonomy import TaxonomyViewSet, taxonomy_schema


@taxonomy_schema
class StandardViewSet(TaxonomyViewSet):
    model = ServiceStandard
    prefetch = (Prefetch("points", queryset=StandardPoint.objects.select_related("standard").order_by("number")),)
    serializer_class = StandardSerializer
    filterset_class = StandardFilterSet
    change_resources = ("standard",)
    schema_name = "standards"
    key_schema = (OpenApiTypes.STR, "govuk-service-standard")


@record_schema
class AssessmentViewSet(RecordViewSet):
    """Only published assessments: drafted ones never appear."""

    serializer_class = AssessmentSerializer
    filterset_class = AssessmentFilterSet
    ordering_fields = ["date", "id"]
    ordering = ["-date"]
    schema_name = "assessments"
    summaries = ("List published service assessments", "Fetch a published service assessment")
    description = (
        "Councils' assessments of their services against a service standard, point by point. "
        "Only published assessments are listed."
    )
    fields_example = "council,service,result"

    def get_queryset(self):
        return (
            published_assessments()
            .select_related("council", "service", "pattern", "standard")
            .prefetch_related(
                Prefetch(
                    "outcomes", queryset=AssessmentOutcome.objects.select_related("point").order_by("point__number")
                )
            )
        )
