"""/api/v1/patterns/: service patterns."""

from drf_spectacular.utils import extend_schema, extend_schema_view

from pattern_pages.models import ServicePatternPage

from ..filters import PatternFilterSet
from ..serializers import PatternDetailSerializer, PatternListSerializer
from .base import (
    DETAIL_ERROR_RESPONSES,
    ERROR_RESPONSES,
    NOT_MODIFIED,
    fields_parameter,
    ordering_parameter,
)
from .pages import (
    JSONLD_PARAMETER,
    LOCALE_PARAMETER,
    PAGE_ORDERING,
    VERSION_PARAMETER,
    JSONLDMixin,
    PageDetailView,
    PageListView,
    pattern_as_government_service,
    with_jsonld,
)


class PatternQueryset:
    model = ServicePatternPage
    select = ("locale", "pattern_type", "owner_council")
    prefetch = ("services", "life_events")
    change_resources = ("pattern",)


@extend_schema_view(
    get=extend_schema(
        operation_id="patterns_list",
        summary="List service patterns",
        description=(
            "Live, public service patterns in English and Welsh (narrow with locale). Each item has the "
            "listing fields; fetch one for its content. Drafts never appear here."
        ),
        parameters=[
            *PatternFilterSet.openapi_parameters(),
            fields_parameter("title,summary,maturity", PatternListSerializer),
            ordering_parameter(PAGE_ORDERING),
            JSONLD_PARAMETER,
        ],
        responses={**with_jsonld(PatternListSerializer(many=True), many=True), **NOT_MODIFIED, **ERROR_RESPONSES},
        tags=["patterns"],
    )
)
class PatternListView(JSONLDMixin, PatternQueryset, PageListView):
    serializer_class = PatternListSerializer
    filterset_class = PatternFilterSet
    as_jsonld = staticmethod(pattern_as_government_service)


def detail_schema(operation_id):
    return extend_schema(
        operation_id=operation_id,
        summary="Fetch a service pattern",
        description=(
            "One live service pattern, by id or by slug (with locale), its content as typed blocks. "
            "version=draft returns the latest draft to a key or editor allowed to edit it."
        ),
        parameters=[
            fields_parameter("title,summary,steps", PatternDetailSerializer),
            VERSION_PARAMETER,
            LOCALE_PARAMETER,
            JSONLD_PARAMETER,
        ],
        responses={**with_jsonld(PatternDetailSerializer), **NOT_MODIFIED, **DETAIL_ERROR_RESPONSES},
        tags=["patterns"],
    )


@extend_schema_view(get=detail_schema("patterns_retrieve"))
class PatternDetailView(JSONLDMixin, PatternQueryset, PageDetailView):
    serializer_class = PatternDetailSerializer
    as_jsonld = staticmethod(pattern_as_government_service)


@extend_schema_view(get=detail_schema("patterns_retrieve_by_slug"))
class PatternBySlugView(PatternDetailView):
    pass
