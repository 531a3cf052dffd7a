"""Service standards and published service assessments."""

from drf_spectacular.utils import inline_serializer
from rest_framework import serializers

from assessments.models import Phase, Result

from .base import CouncilRefSerializer, FieldsMixin, PatternRefSerializer, ServiceRefSerializer, StandardRefSerializer
from .taxonomy import TaxonomySerializer


class StandardPointSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    title = serializers.CharField()
    summary = serializers.CharField()
    url = serializers.URLField(source="link", help_text="The point's page, or the standard's.")


class StandardSerializer(TaxonomySerializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    short_name = serializers.CharField()
    description = serializers.CharField()
    url = serializers.URLField()
    points = StandardPointSerializer(many=True)


class AssessmentOutcomeSerializer(serializers.Serializer):
    point = inline_serializer("AssessedPoint", {"number": serializers.IntegerField(), "title": serializers.CharField()})
    result = serializers.ChoiceField(choices=Result.choices)
    reason = serializers.CharField()


class AssessmentSerializer(FieldsMixin, serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    council = CouncilRefSerializer()
    service = ServiceRefSerializer()
    pattern = PatternRefSerializer(allow_null=True)
    adoption = serializers.IntegerField(source="adoption_id", allow_null=True, help_text="The adoption's id, if any.")
    standard = StandardRefSerializer()
    phase = serializers.ChoiceField(choices=Phase.choices)
    date = serializers.DateField()
    panel_roles = serializers.CharField()
    result = serializers.ChoiceField(choices=Result.choices, help_text="The overall result.")
    report_url = serializers.CharField(help_text="The public report, or empty.")
    outcomes = AssessmentOutcomeSerializer(many=True)
