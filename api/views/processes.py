"""/api/v1/processes/: how services are delivered behind the scenes."""

from drf_spectacular.utils import extend_schema, extend_schema_view

from pattern_pages.models import ProcessPage

from ..filters import ProcessFilterSet
from ..serializers import ProcessDetailSerializer, ProcessListSerializer
from .base import (
    DETAIL_ERROR_RESPONSES,
    ERROR_RESPONSES,
    NOT_MODIFIED,
    fields_parameter,
    ordering_parameter,
)
from .pages import (
    LOCALE_PARAMETER,
    PAGE_ORDERING,
    VERSION_PARAMETER,
    PageDetailView,
    PageListView,
)


class ProcessQueryset:
    model = ProcessPage
    select = ("locale", "owner_council")
    prefetch = ("services",)
    change_resources = ("process",)


@extend_schema_view(
    get=extend_schema(
        operation_id="processes_list",
        summary="List processes",
        description="Live, public processes in English and Welsh (narrow with locale). Drafts never appear here.",
        parameters=[
            *ProcessFilterSet.openapi_parameters(),
            fields_parameter("title,summary,trigger", ProcessListSerializer),
            ordering_parameter(PAGE_ORDERING),
        ],
        responses={200: ProcessListSerializer(many=True), **NOT_MODIFIED, **ERROR_RESPONSES},
        tags=["processes"],
    )
)
class ProcessListView(ProcessQueryset, PageListView):
    serializer_class = ProcessListSerializer
    filterset_class = ProcessFilterSet


def detail_schema(operation_id):
    return extend_schema(
        operation_id=operation_id,
        summary="Fetch a process",
        description=(
            "One live process, by id or by slug (with locale): roles, systems, steps, legislation and data "
            "as typed blocks. version=draft returns the latest draft to a key or editor allowed to edit it."
        ),
        parameters=[
            fields_parameter("title,steps,legislation", ProcessDetailSerializer),
            VERSION_PARAMETER,
            LOCALE_PARAMETER,
        ],
        responses={200: ProcessDetailSerializer, **NOT_MODIFIED, **DETAIL_ERROR_RESPONSES},
        tags=["processes"],
    )


@extend_schema_view(get=detail_schema("processes_retrieve"))
class ProcessDetailView(ProcessQueryset, PageDetailView):
    serializer_class = ProcessDetailSerializer


@extend_schema_view(get=detail_schema("processes_retrieve_by_slug"))
class ProcessBySlugView(ProcessDetailView):
    pass
