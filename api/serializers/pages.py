"""Service patterns and processes. List serializers hold the fields a listing needs; detail serializers
extend them with the content (StreamFields), which costs queries per item."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from library.site_url import absolute, page_url
from pattern_pages import models

from .. import screens as screen_api
from ..streamfield import REFERENCE_SCHEMA
from .base import (
    CouncilRefSerializer,
    FieldsMixin,
    LifeEventRefSerializer,
    PatternTypeRefSerializer,
    ServiceRefSerializer,
    representer,
    stream_field,
)


class _Sentinel:
    """Stands in for a page when the detail URL is reversed once for a whole listing."""

    pk = 987654321


class PageListing(serializers.ListSerializer):
    """A list of pages (``PageSerializer(many=True)``), equal to ``[child.to_representation(p) for p in pages]``.

    DRF's per-field machinery (and modelcluster's prefetching of the many-to-many references) was most of a
    list request's CPU, so a listing is built from a plan made once per request: plain attribute reads, the
    date fields' own ``to_representation``, and one ``values_list`` query per many-to-many reference. The
    child's declared fields (narrowed by ``fields=``) stay the OpenAPI schema and say what is read.
    """

    def to_representation(self, data):
        pages = list(data)
        plan = [(name, self._reader(name, field, pages)) for name, field in self.child.fields.items()]
        return [{name: read(page) for name, read in plan} for page in pages]

    def _reader(self, name, field, pages):
        if name == "url":
            return lambda page: self.child.get_url(page)
        if name == "detail_url":
            template = self.child.get_detail_url(_Sentinel)
            marker = f"/{_Sentinel.pk}/"
            return lambda page: template.replace(marker, f"/{page.pk}/")
        if name == "locale":
            return lambda page: page.locale.language_code
        if isinstance(field, serializers.ListSerializer):
            return self._many_reader(field, pages)
        if isinstance(field, serializers.Serializer):
            children = list(field.fields)

            def read_reference(page):
                target = getattr(page, field.source)
                return None if target is None else {child: getattr(target, child) for child in children}

            return read_reference
        if isinstance(field, serializers.DateTimeField | serializers.DateField):
            represent = field.to_representation

            def read_date(page):
                value = getattr(page, field.source)
                return None if value is None else represent(value)

            return read_date
        attribute, convert = field.source, int if isinstance(field, serializers.IntegerField) else str

        def read_value(page):
            value = getattr(page, attribute)
            return None if value is None else convert(value)

        return read_value

    def _many_reader(self, field, pages):
        """A reader for a many-to-many reference list, fetched for all ``pages`` in one query."""
        model_field = type(pages[0])._meta.get_field(field.source) if pages else None
        if model_field is None:
            return lambda page: []
        through = model_field.remote_field.through
        source, target = model_field.m2m_field_name(), model_field.m2m_reverse_field_name()
        children = list(field.child.fields)
        ordering = [f"{target}__{term}" for term in model_field.related_model._meta.ordering]
        rows = through.objects.filter(**{f"{source}_id__in": [page.pk for page in pages]}).order_by(*ordering)
        found = {}
        for page_id, *values in rows.values_list(f"{source}_id", *(f"{target}__{child}" for child in children)):
            found.setdefault(page_id, []).append(dict(zip(children, values, strict=True)))
        return lambda page: found.get(page.pk, [])


class PageSerializer(FieldsMixin, serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    slug = serializers.SlugField()
    title = serializers.CharField()
    locale = serializers.CharField(source="locale.language_code", help_text="en or cy")
    url = serializers.SerializerMethodField(help_text="The page on the public site.")
    detail_url = serializers.SerializerMethodField(help_text="This item in the API.")
    summary = serializers.CharField()
    first_published_at = serializers.DateTimeField(allow_null=True)
    last_published_at = serializers.DateTimeField(allow_null=True)

    detail_route = ""

    class Meta:
        list_serializer_class = PageListing  # with many=True

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, page):
        return page_url(page, self.context.get("request"))

    @extend_schema_field(OpenApiTypes.URI)
    def get_detail_url(self, page):
        return absolute(reverse(self.detail_route, kwargs={"pk": page.pk}))


class PatternListSerializer(PageSerializer):
    pattern_type = PatternTypeRefSerializer(allow_null=True)
    services = ServiceRefSerializer(many=True)
    life_events = LifeEventRefSerializer(many=True)
    maturity = serializers.ChoiceField(choices=models.Maturity.choices)
    version = serializers.CharField(help_text="Semantic version, e.g. 1.2.0")
    review_by = serializers.DateField(allow_null=True)
    owner_council = CouncilRefSerializer(allow_null=True)

    detail_route = "api:pattern-detail"


class PatternDetailSerializer(PatternListSerializer):
    components = serializers.SerializerMethodField(help_text="The Design System components the steps use.")
    when_to_use = stream_field(models.ServicePatternPage, "when_to_use")
    when_not_to_use = stream_field(models.ServicePatternPage, "when_not_to_use")
    how_it_works = stream_field(models.ServicePatternPage, "how_it_works")
    user_needs = stream_field(models.ServicePatternPage, "user_needs")
    steps = stream_field(models.ServicePatternPage, "steps")
    variants = stream_field(models.ServicePatternPage, "variants")
    accessibility = stream_field(models.ServicePatternPage, "accessibility")
    research = stream_field(models.ServicePatternPage, "research")
    related = stream_field(models.ServicePatternPage, "related")
    screens = serializers.SerializerMethodField(help_text="Every screen in step order, as macro calls and HTML.")
    prototype_kit = serializers.SerializerMethodField(help_text="The GOV.UK Prototype Kit export of the journey.")

    @extend_schema_field({"type": "array", "items": screen_api.SCREEN_SCHEMA})
    def get_screens(self, page):
        return [screen_api.screen_data(screen, self.context.get("request")) for screen in page.screens()]

    @extend_schema_field(screen_api.EXPORT_SCHEMA)
    def get_prototype_kit(self, page):
        return screen_api.export_links(page, self.context.get("request"))

    @extend_schema_field({"type": "array", "items": REFERENCE_SCHEMA})
    def get_components(self, page):
        seen = {}
        for step in page.steps:
            for component in step.value.get("components") or []:
                if component is not None:
                    seen.setdefault(component.pk, component)
        return [representer(self.context).snippet(c) for c in seen.values()]


class ProcessListSerializer(PageSerializer):
    services = ServiceRefSerializer(many=True)
    owner_council = CouncilRefSerializer(allow_null=True)
    maturity = serializers.ChoiceField(choices=models.Maturity.choices)
    version = serializers.CharField(help_text="Semantic version, e.g. 1.2.0")
    review_by = serializers.DateField(allow_null=True)
    trigger = serializers.CharField()
    outcome = serializers.CharField()

    detail_route = "api:process-detail"


class ProcessDetailSerializer(ProcessListSerializer):
    roles = stream_field(models.ProcessPage, "roles")
    systems = stream_field(models.ProcessPage, "systems")
    steps = stream_field(models.ProcessPage, "steps")
    legislation = stream_field(models.ProcessPage, "legislation")
    data_held = stream_field(models.ProcessPage, "data_held")
    performance_measures = stream_field(models.ProcessPage, "performance_measures")
    research = stream_field(models.ProcessPage, "research")
    supported_patterns = stream_field(models.ProcessPage, "supported_patterns")
