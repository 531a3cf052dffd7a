"""The taxonomies: services, life events, pattern types, councils and Design System components."""

from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from pattern_pages import models

from .. import screens as screen_api
from .base import CouncilRefSerializer, FieldsMixin, LifeEventRefSerializer


class TaxonomySerializer(FieldsMixin, serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    locale = serializers.CharField(source="locale.language_code", help_text="en or cy")


class ServiceSerializer(TaxonomySerializer):
    lgsl_code = serializers.IntegerField(help_text="Local Government Service List code, e.g. 524")
    name = serializers.CharField()
    description = serializers.CharField()
    providing_tier = serializers.CharField(help_text="county/unitary, district/unitary, all, or empty")
    function = inline_serializer(
        "FunctionRef",
        {"lgfl_code": serializers.IntegerField(), "name": serializers.CharField()},
        allow_null=True,
    )
    life_events = LifeEventRefSerializer(many=True)


class LifeEventSerializer(TaxonomySerializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    description = serializers.CharField()


class PatternTypeSerializer(LifeEventSerializer):
    pass


class CouncilSerializer(TaxonomySerializer):
    gss_code = serializers.CharField(help_text="ONS GSS code, e.g. E10000012")
    local_authority_code = serializers.CharField()
    official_name = serializers.CharField()
    name = serializers.CharField()
    council_type = serializers.ChoiceField(choices=models.CouncilType.choices)
    nation = serializers.ChoiceField(choices=models.Nation.choices)
    region = serializers.CharField()
    parent_county = CouncilRefSerializer(allow_null=True)
    website = serializers.CharField()
    is_current = serializers.BooleanField()


class ComponentSerializer(TaxonomySerializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=models.ComponentKind.choices)
    description = serializers.CharField()
    theme = serializers.CharField()
    url = serializers.URLField()
    status = serializers.ChoiceField(choices=models.ComponentStatus.choices)


class ComponentDetailSerializer(ComponentSerializer):
    used_by = serializers.SerializerMethodField(
        help_text="The published patterns, and their steps and screens, whose screens use this component."
    )

    @extend_schema_field({"type": "array", "items": screen_api.USAGE_SCHEMA})
    def get_used_by(self, component):
        return screen_api.usage_data(component, self.context.get("request"))
