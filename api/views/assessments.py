"""Service standards and published service assessments. Drafted assessments never appear."""

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes

from assessments.models import Assessment, AssessmentOutcome, ServiceStandard, StandardPoint

from .. import filters, serializers
from .base import record_views
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


def published_assessments():
    return (
        Assessment.objects.filter(live=True)
        .select_related("council", "service", "pattern", "standard")
        .prefetch_related(
            Prefetch("outcomes", queryset=AssessmentOutcome.objects.select_related("point").order_by("point__number"))
        )
    )


AssessmentListView, AssessmentDetailView = record_views(
    "assessments",
    published_assessments,
    serializers.AssessmentSerializer,
    filters.AssessmentFilterSet,
    ["date", "id"],
    ["-date"],
    ("List published service assessments", "Fetch a published service assessment"),
    "Councils' assessments of their services against a service standard, point by point. "
    "Only published assessments are listed.",
    "council,service,result",
)
