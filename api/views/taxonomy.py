"""The taxonomies: services (by LGSL code), life events, pattern types, councils (by GSS code) and
Design System components, each in English and Welsh."""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view

from library.site_url import absolute
from pattern_pages import models

from ..filters.taxonomy import (
    ComponentFilterSet,
    CouncilFilterSet,
    LifeEventFilterSet,
    PatternTypeFilterSet,
    ServiceFilterSet,
)
from ..serializers.taxonomy import (
    ComponentDetailSerializer,
    ComponentSerializer,
    CouncilSerializer,
    LifeEventSerializer,
    PatternTypeSerializer,
    ServiceSerializer,
)
from .base import (
    DETAIL_ERROR_RESPONSES,
    ERROR_RESPONSES,
    NOT_MODIFIED,
    ResourceViewSet,
    fields_parameter,
    ordering_parameter,
)
from .pages import JSONLD_PARAMETER, LOCALE_PARAMETER, JSONLDMixin, service_identifier, with_jsonld


def service_as_government_service(service, request):
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "@id": absolute(f"/api/v1/services/{service.lgsl_code}/?locale={service.locale.language_code}"),
        "name": service.name,
        "description": service.description or None,
        "identifier": service_identifier(service),
        "inLanguage": service.locale.language_code,
        "serviceType": service.function.name if service.function else None,
        "areaServed": service.get_providing_tier_display() or None,
    }
    return {key: value for key, value in data.items() if value is not None}


class TaxonomyViewSet(ResourceViewSet):
    """One taxonomy in English and Welsh: the list, and an item by its natural key (``key`` in the address:
    an LGSL code, a slug or a GSS code) in one locale (default en)."""

    model = None
    select = ("locale",)
    prefetch = ()
    natural_key = "slug"
    lookup_url_kwarg = "key"
    lookup_value_converter = "slug"
    ordering_fields = ["name", "slug", "id"]
    ordering = ["name"]

    def get_queryset(self):
        return self.model.objects.select_related(*self.select).prefetch_related(*self.prefetch)

    def get_object(self):
        obj = (
            self.get_queryset()
            .filter(**{self.natural_key: self.kwargs["key"], "locale__language_code": self.request_locale()})
            .first()
        )
        if obj is None:
            raise Http404
        return obj


def taxonomy_schema(cls):
    """The OpenAPI description of a ``TaxonomyViewSet``, from its attributes: ``schema_name`` (operation
    ids), ``key_schema`` (the key's type and an example) and the model's names. A viewset with
    ``JSONLDMixin`` also answers JSON-LD."""
    name, model = cls.schema_name, cls.model
    serializer = cls.serializer_class
    detail_serializer = cls.detail_serializer_class or serializer
    key_type, example = cls.key_schema
    key_name = cls.natural_key.replace("_", " ")
    list_parameters = [
        *cls.filterset_class.openapi_parameters(),
        fields_parameter("name", serializer),
        ordering_parameter(cls.ordering_fields),
    ]
    detail_parameters = [fields_parameter("name", detail_serializer), LOCALE_PARAMETER]
    if issubclass(cls, JSONLDMixin):
        list_parameters.append(JSONLD_PARAMETER)
        detail_parameters.append(JSONLD_PARAMETER)
        list_200 = with_jsonld(serializer(many=True), many=True)
        detail_200 = with_jsonld(detail_serializer)
    else:
        list_200, detail_200 = {200: serializer(many=True)}, {200: detail_serializer}
    return extend_schema_view(
        list=extend_schema(
            operation_id=f"{name}_list",
            summary=f"List {model._meta.verbose_name_plural}",
            description=f"Every {model._meta.verbose_name}, in English and Welsh (narrow with locale).",
            parameters=list_parameters,
            responses={**list_200, **NOT_MODIFIED, **ERROR_RESPONSES},
            tags=["taxonomies"],
        ),
        retrieve=extend_schema(
            operation_id=f"{name}_retrieve",
            summary=f"Fetch a {model._meta.verbose_name}",
            description=f"One {model._meta.verbose_name} by its {key_name} (default locale en).",
            parameters=[
                OpenApiParameter("key", key_type, OpenApiParameter.PATH, description=f"e.g. {example}"),
                *detail_parameters,
            ],
            responses={**detail_200, **NOT_MODIFIED, **DETAIL_ERROR_RESPONSES},
            tags=["taxonomies"],
        ),
    )(cls)


@taxonomy_schema
class ServiceViewSet(JSONLDMixin, TaxonomyViewSet):
    model = models.Service
    select = ("locale", "function")
    prefetch = ("life_events",)
    natural_key = "lgsl_code"
    lookup_value_converter = "number"
    serializer_class = ServiceSerializer
    filterset_class = ServiceFilterSet
    ordering_fields = ["name", "lgsl_code", "id"]
    change_resources = ("service",)
    as_jsonld = staticmethod(service_as_government_service)
    schema_name = "services"
    key_schema = (OpenApiTypes.INT, "524")


@taxonomy_schema
class LifeEventViewSet(TaxonomyViewSet):
    model = models.LifeEvent
    serializer_class = LifeEventSerializer
    filterset_class = LifeEventFilterSet
    change_resources = ("life_event",)
    schema_name = "life_events"
    key_schema = (OpenApiTypes.STR, "having-a-baby")


@taxonomy_schema
class PatternTypeViewSet(TaxonomyViewSet):
    model = models.PatternType
    serializer_class = PatternTypeSerializer
    filterset_class = PatternTypeFilterSet
    ordering_fields = ["sort_order", "name", "slug", "id"]
    ordering = ["sort_order"]
    change_resources = ("pattern_type",)
    schema_name = "pattern_types"
    key_schema = (OpenApiTypes.STR, "apply")


@taxonomy_schema
class CouncilViewSet(TaxonomyViewSet):
    model = models.Council
    select = ("locale", "parent_county")
    natural_key = "gss_code"
    lookup_value_converter = "str"
    serializer_class = CouncilSerializer
    filterset_class = CouncilFilterSet
    ordering_fields = ["name", "gss_code", "id"]
    change_resources = ("council",)
    schema_name = "councils"
    key_schema = (OpenApiTypes.STR, "E10000012")


@taxonomy_schema
class ComponentViewSet(TaxonomyViewSet):
    model = models.DesignSystemComponent
    serializer_class = ComponentSerializer
    detail_serializer_class = ComponentDetailSerializer
    filterset_class = ComponentFilterSet
    change_resources = ("component",)
    schema_name = "components"
    key_schema = (OpenApiTypes.STR, "date-input")
