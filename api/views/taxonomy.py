"""The taxonomies: services (by LGSL code), life events, pattern types, councils (by GSS code) and
Design System components, each in English and Welsh."""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view

from pattern_pages import models

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
from .pages import JSONLD_PARAMETER, LOCALE_PARAMETER, JSONLDMixin, service_identifier, with_jsonld


def service_as_government_service(service, request):
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "@id": request.build_absolute_uri(
            f"/api/v1/services/{service.lgsl_code}/?locale={service.locale.language_code}"
        ),
        "name": service.name,
        "description": service.description or None,
        "identifier": service_identifier(service),
        "inLanguage": service.locale.language_code,
        "serviceType": service.function.name if service.function else None,
        "areaServed": service.get_providing_tier_display() or None,
    }
    return {key: value for key, value in data.items() if value is not None}


class TaxonomyMixin:
    model = None
    select = ("locale",)
    prefetch = ()
    natural_key = "slug"

    def get_queryset(self):
        return self.model.objects.select_related(*self.select).prefetch_related(*self.prefetch)


class TaxonomyDetailMixin(TaxonomyMixin):
    def get_object(self):
        obj = (
            self.get_queryset()
            .filter(**{self.natural_key: self.kwargs["key"], "locale__language_code": self.request_locale()})
            .first()
        )
        if obj is None:
            raise Http404
        return obj


def taxonomy_views(name, model, serializer, filterset, natural_key, key_type, example, ordering, **extra):
    """The list and detail views of one taxonomy, with their OpenAPI descriptions."""
    attrs = {
        "model": model,
        "serializer_class": serializer,
        "natural_key": natural_key,
        "change_resources": (extra.pop("resource"),),
        **extra,
    }
    jsonld = extra.get("as_jsonld") is not None
    list_parameters = [
        *filterset.openapi_parameters(),
        fields_parameter("name", serializer),
        ordering_parameter(ordering),
    ]
    detail_parameters = [fields_parameter("name", serializer), LOCALE_PARAMETER]
    if jsonld:
        list_parameters.append(JSONLD_PARAMETER)
        detail_parameters.append(JSONLD_PARAMETER)
    mixins = (JSONLDMixin,) if jsonld else ()
    list_200 = with_jsonld(serializer(many=True), many=True) if jsonld else {200: serializer(many=True)}
    detail_200 = with_jsonld(serializer) if jsonld else {200: serializer}
    list_view = extend_schema_view(
        get=extend_schema(
            operation_id=f"{name}_list",
            summary=f"List {model._meta.verbose_name_plural}",
            description=f"Every {model._meta.verbose_name}, in English and Welsh (narrow with locale).",
            parameters=list_parameters,
            responses={**list_200, **NOT_MODIFIED, **ERROR_RESPONSES},
            tags=["taxonomies"],
        )
    )(
        type(
            f"{model.__name__}ListView",
            (*mixins, TaxonomyMixin, ListView),
            {**attrs, "filterset_class": filterset, "ordering_fields": ordering, "ordering": [ordering[0]]},
        )
    )
    detail_view = extend_schema_view(
        get=extend_schema(
            operation_id=f"{name}_retrieve",
            summary=f"Fetch a {model._meta.verbose_name}",
            description=f"One {model._meta.verbose_name} by its {natural_key.replace('_', ' ')} (default locale en).",
            parameters=[
                OpenApiParameter("key", key_type, OpenApiParameter.PATH, description=f"e.g. {example}"),
                *detail_parameters,
            ],
            responses={**detail_200, **NOT_MODIFIED, **DETAIL_ERROR_RESPONSES},
            tags=["taxonomies"],
        )
    )(type(f"{model.__name__}DetailView", (*mixins, TaxonomyDetailMixin, DetailView), attrs))
    return list_view, detail_view


ServiceListView, ServiceDetailView = taxonomy_views(
    "services",
    models.Service,
    serializers.ServiceSerializer,
    filters.ServiceFilterSet,
    "lgsl_code",
    OpenApiTypes.INT,
    "524",
    ["name", "lgsl_code", "id"],
    resource="service",
    select=("locale", "function"),
    prefetch=("life_events",),
    as_jsonld=staticmethod(service_as_government_service),
)
LifeEventListView, LifeEventDetailView = taxonomy_views(
    "life_events",
    models.LifeEvent,
    serializers.LifeEventSerializer,
    filters.LifeEventFilterSet,
    "slug",
    OpenApiTypes.STR,
    "having-a-baby",
    ["name", "slug", "id"],
    resource="life_event",
)
PatternTypeListView, PatternTypeDetailView = taxonomy_views(
    "pattern_types",
    models.PatternType,
    serializers.PatternTypeSerializer,
    filters.PatternTypeFilterSet,
    "slug",
    OpenApiTypes.STR,
    "apply",
    ["sort_order", "name", "slug", "id"],
    resource="pattern_type",
)
CouncilListView, CouncilDetailView = taxonomy_views(
    "councils",
    models.Council,
    serializers.CouncilSerializer,
    filters.CouncilFilterSet,
    "gss_code",
    OpenApiTypes.STR,
    "E10000012",
    ["name", "gss_code", "id"],
    resource="council",
    select=("locale", "parent_county"),
)
ComponentListView, ComponentDetailView = taxonomy_views(
    "components",
    models.DesignSystemComponent,
    serializers.ComponentSerializer,
    filters.ComponentFilterSet,
    "slug",
    OpenApiTypes.STR,
    "date-input",
    ["name", "slug", "id"],
    resource="component",
)
