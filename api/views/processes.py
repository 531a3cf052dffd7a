"""/api/v1/processes/: how services are delivered behind the scenes."""

from pattern_pages.models import ProcessPage

from ..filters.pages import ProcessFilterSet
from ..serializers.pages import ProcessDetailSerializer, ProcessListSerializer
from .pages import PageViewSet, page_schema


@page_schema
class ProcessViewSet(PageViewSet):
    model = ProcessPage
    select = ("locale", "owner_council")
    prefetch = ("services",)
    change_resources = ("process",)
    serializer_class = ProcessListSerializer
    detail_serializer_class = ProcessDetailSerializer
    filterset_class = ProcessFilterSet

    schema_name = "processes"
    summaries = ("List processes", "Fetch a process")
    descriptions = (
        "Live, public processes in English and Welsh (narrow with locale). Drafts never appear here.",
        "One live process, by id or by slug (with locale): roles, systems, steps, legislation and data "
        "as typed blocks. version=draft returns the latest draft to a key or editor allowed to edit it.",
    )
    fields_examples = ("title,summary,trigger", "title,steps,legislation")
