"""Service patterns and processes: live, public pages; drafts only for those who may edit them."""

import copy

from django.http import Http404
from django.utils.translation import gettext
from drf_spectacular.drainage import isolate_view_method
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.response import Response
from wagtail.fields import StreamField

from library.site_url import page_url

from ..exceptions import InvalidParameter
from ..filters.base import LOCALE_CODES
from ..renderers import JSONLDRenderer
from .base import (
    DETAIL_ERROR_RESPONSES,
    ERROR_RESPONSES,
    NOT_MODIFIED,
    ResourceViewSet,
    fields_parameter,
    ordering_parameter,
)

PAGE_ORDERING = ["title", "first_published_at", "last_published_at", "id"]

VERSION_PARAMETER = OpenApiParameter(
    "version",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    enum=["live", "draft"],
    description=(
        "draft: the latest saved revision (headless preview). Only for a key or signed-in editor allowed to "
        "edit the page; anyone else gets 404."
    ),
    examples=[OpenApiExample("version", value="draft")],
)
LOCALE_PARAMETER = OpenApiParameter(
    "locale",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    enum=LOCALE_CODES,
    description="With a slug: the locale of the page to fetch (default en).",
    examples=[OpenApiExample("locale", value="cy")],
)


class PageViewSet(ResourceViewSet):
    """Live, public pages of one model, by id (the router's detail route) or by slug and locale
    (``retrieve_by_slug``, the router's slug route); a draft only for those who may edit the page."""

    model = None
    select = ("locale",)
    prefetch = ()
    lookup_value_converter = "number"
    ordering_fields = PAGE_ORDERING
    ordering = ["title"]
    detail_parameters = {"locale", "version"}

    def base_queryset(self):
        if self.detail:
            return self.model.objects.select_related(*self.select).prefetch_related(*self.prefetch)
        # A listing shows no content, so the StreamField columns (most of each row's bytes, and JSON to
        # decode) are never read.
        streams = [field.name for field in self.model._meta.concrete_fields if isinstance(field, StreamField)]
        queryset = self.model.objects.select_related(*self.select).defer(*streams)
        renderer = getattr(self.request, "accepted_renderer", None)
        if renderer is not None and renderer.format == "jsonld":
            return queryset.prefetch_related(*self.prefetch)  # for as_jsonld
        return queryset  # the serializer's listing (PageListing) fetches the many-to-many references itself

    def get_queryset(self):
        return self.base_queryset().live().public()

    def retrieve_by_slug(self, request, *args, **kwargs):
        return self.retrieve(request, *args, **kwargs)

    def lookup(self):
        if "pk" in self.kwargs:
            return {"pk": self.kwargs["pk"]}
        return {"slug": self.kwargs["slug"], "locale__language_code": self.request_locale()}

    def get_object(self):
        version = self.request.query_params.get("version", "live")
        if version not in ("live", "draft"):
            raise InvalidParameter(
                "version", gettext("'%(value)s' is not a version: use live or draft.") % {"value": version}
            )
        if version == "live":
            page = self.get_queryset().filter(**self.lookup()).first()
            if page is None:
                raise Http404
            return page
        # A draft is visible only to those who may edit the page; everyone else is told it does not
        # exist (404, not 403), so that nothing leaks.
        user = self.request.user
        page = self.model.objects.filter(**self.lookup()).first()
        if page is None or not user.is_authenticated or not page.permissions_for_user(user).can_edit():
            raise Http404
        self.response_cache_control = "private, no-store"
        return page.get_latest_revision_as_object()

    def last_modified_for(self, queryset=None, obj=None):
        if obj is not None and self.request.query_params.get("version") == "draft":
            return obj.latest_revision_created_at or obj.last_published_at or super().last_modified_for(obj=obj)
        return super().last_modified_for(queryset=queryset, obj=obj)


def page_schema(cls):
    """The OpenAPI description of a ``PageViewSet``, from its attributes: ``schema_name`` (operation ids and
    tag), ``summaries``, ``descriptions`` and ``fields_examples`` (each: list, item). An item has two
    operations, by id and by slug, alike but for their ids. A viewset with ``JSONLDMixin`` also answers JSON-LD.
    """
    name = cls.schema_name
    list_serializer, detail_serializer = cls.serializer_class, cls.detail_serializer_class
    if issubclass(cls, JSONLDMixin):
        list_200 = with_jsonld(list_serializer(many=True), many=True)
        detail_200 = with_jsonld(detail_serializer)
        jsonld_parameters = [JSONLD_PARAMETER]
    else:
        list_200, detail_200 = {200: list_serializer(many=True)}, {200: detail_serializer}
        jsonld_parameters = []

    def detail(operation_id):
        return extend_schema(
            operation_id=operation_id,
            summary=cls.summaries[1],
            description=cls.descriptions[1],
            parameters=[
                fields_parameter(cls.fields_examples[1], detail_serializer),
                VERSION_PARAMETER,
                LOCALE_PARAMETER,
                *jsonld_parameters,
            ],
            responses={**detail_200, **NOT_MODIFIED, **DETAIL_ERROR_RESPONSES},
            tags=[name],
        )

    # extend_schema_view knows DRF's own actions only: the slug route's is described on its own copy of the
    # method (as extend_schema_view does it), so that the description stays with this viewset.
    detail(f"{name}_retrieve_by_slug")(isolate_view_method(cls, "retrieve_by_slug"))
    return extend_schema_view(
        list=extend_schema(
            operation_id=f"{name}_list",
            summary=cls.summaries[0],
            description=cls.descriptions[0],
            parameters=[
                *cls.filterset_class.openapi_parameters(),
                fields_parameter(cls.fields_examples[0], list_serializer),
                ordering_parameter(PAGE_ORDERING),
                *jsonld_parameters,
            ],
            responses={**list_200, **NOT_MODIFIED, **ERROR_RESPONSES},
            tags=[name],
        ),
        retrieve=detail(f"{name}_retrieve"),
    )(cls)


# ----- JSON-LD --------------------------------------------------------------------------------------


def council_as_organization(council):
    if council is None:
        return None
    return {
        "@type": "GovernmentOrganization",
        "name": council.official_name,
        "identifier": {"@type": "PropertyValue", "propertyID": "GSS", "value": council.gss_code},
        "url": council.website or None,
    }


def service_identifier(service):
    return {"@type": "PropertyValue", "propertyID": "LGSL", "value": str(service.lgsl_code)}


def pattern_as_government_service(page, request):
    """A service pattern as a schema.org GovernmentService."""
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "@id": page_url(page, request),
        "name": page.title,
        "description": page.summary,
        "url": page_url(page, request),
        "inLanguage": page.locale.language_code,
        "serviceType": page.pattern_type.name if page.pattern_type else None,
        "identifier": [service_identifier(s) for s in page.services.all()],
        "category": [s.name for s in page.services.all()],
        "provider": council_as_organization(page.owner_council),
        "dateModified": page.last_published_at.isoformat() if page.last_published_at else None,
        "version": page.version,
    }
    return {key: value for key, value in data.items() if value not in (None, [])}


class JSONLDMixin:
    """Renders JSON-LD when the client asks for it (Accept header or ?format=jsonld)."""

    renderer_classes = [*ResourceViewSet.renderer_classes, JSONLDRenderer]
    as_jsonld = None

    def wants_jsonld(self):
        return getattr(self.request, "accepted_renderer", None) and self.request.accepted_renderer.format == "jsonld"

    def render_object(self, obj):
        if self.wants_jsonld():
            return Response(type(self).as_jsonld(obj, self.request), content_type="application/ld+json")
        return super().render_object(obj)

    def serialize_page(self, page):
        # A JSON-LD list is made from the objects (get_paginated_response): the serializer's items are unused.
        if self.wants_jsonld():
            return None
        return super().serialize_page(page)

    def get_paginated_response(self, data):
        if self.wants_jsonld():
            items = [type(self).as_jsonld(obj, self.request) for obj in self.page_objects]
            for item in items:
                item.pop("@context", None)
            return Response(
                {
                    "@context": "https://schema.org",
                    "@type": "ItemList",
                    "numberOfItems": len(items),
                    "itemListElement": [
                        {"@type": "ListItem", "position": position, "item": item}
                        for position, item in enumerate(items, start=1)
                    ],
                },
                content_type="application/ld+json",
            )
        return super().get_paginated_response(data)

    def paginate_queryset(self, queryset):
        self.page_objects = super().paginate_queryset(queryset)
        return self.page_objects


# What ?format=jsonld (or Accept: application/ld+json) returns: a schema.org item, or an ItemList of them.
JSONLD_ITEM_SCHEMA = {
    "type": "object",
    "description": "A schema.org item (GovernmentService for patterns and services).",
    "required": ["@type"],
    "properties": {
        "@context": {"type": "string", "examples": ["https://schema.org"]},
        "@type": {"type": "string", "examples": ["GovernmentService"]},
        "@id": {"type": "string"},
        "name": {"type": "string"},
    },
}
JSONLD_LIST_SCHEMA = {
    "type": "object",
    "description": "A schema.org ItemList of the page's items.",
    "x-jsonld-list": True,  # cms.openapi.jsonld_lists_are_not_paginated unwraps it from the page wrapper
    "required": ["@context", "@type", "numberOfItems", "itemListElement"],
    "properties": {
        "@context": {"type": "string", "examples": ["https://schema.org"]},
        "@type": {"type": "string", "enum": ["ItemList"]},
        "numberOfItems": {"type": "integer", "minimum": 0},
        "itemListElement": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["@type", "position", "item"],
                "properties": {
                    "@type": {"type": "string", "enum": ["ListItem"]},
                    "position": {"type": "integer", "minimum": 1},
                    "item": JSONLD_ITEM_SCHEMA,
                },
            },
        },
    },
}


def with_jsonld(serializer, many=False):
    """The 200 responses of an endpoint that also speaks JSON-LD: the serializer's shape as JSON, the
    schema.org shape as application/ld+json (before, the schema claimed both had the serializer's shape)."""
    return {
        (200, "application/json"): serializer,
        # A copy each: the schema hook edits the list's schema in place, once per operation.
        (200, "application/ld+json"): copy.deepcopy(JSONLD_LIST_SCHEMA if many else JSONLD_ITEM_SCHEMA),
    }


JSONLD_PARAMETER = OpenApiParameter(
    "format",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    enum=["json", "jsonld"],
    description="jsonld: schema.org GovernmentService (same as Accept: application/ld+json).",
    examples=[OpenApiExample("format", value="jsonld")],
)
