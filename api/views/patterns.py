"""/api/v1/patterns/: service patterns."""

from pattern_pages.models import ServicePatternPage

from ..filters.pages import PatternFilterSet
from ..serializers.pages import PatternDetailSerializer, PatternListSerializer
from .pages import JSONLDMixin, PageViewSet, page_schema, pattern_as_government_service


@page_schema
class PatternViewSet(JSONLDMixin, PageViewSet):
    model = ServicePatternPage
    select = ("locale", "pattern_type", "owner_council")
    prefetch = ("services", "life_events")
    change_resources = ("pattern",)
    serializer_class = PatternListSerializer
    detail_serializer_class = PatternDetailSerializer
    filterset_class = PatternFilterSet
    as_jsonld = staticmethod(pattern_as_government_service)

    schema_name = "patterns"
    summaries = ("List service patterns", "Fetch a service pattern")
    descriptions = (
        "Live, public service patterns in English and Welsh (narrow with locale). Each item has the "
        "listing fields; fetch one for its content. Drafts never appear here.",
        "One live service pattern, by id or by slug (with locale), its content as typed blocks. "
        "version=draft returns the latest draft to a key or editor allowed to edit it.",
    )
    fields_examples = ("title,summary,maturity", "title,summary,steps")
