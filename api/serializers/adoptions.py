"""Adoptions: the public register, and what a supplier sends."""

from rest_framework import serializers

from contributions.models import AdoptionStatus

from .base import CouncilRefSerializer, FieldsMixin, PatternRefSerializer, ServiceRefSerializer


class AdoptionSerializer(FieldsMixin, serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    council = CouncilRefSerializer()
    pattern = PatternRefSerializer(allow_null=True)
    process = PatternRefSerializer(allow_null=True)
    services = ServiceRefSerializer(many=True)
    status = serializers.ChoiceField(choices=AdoptionStatus.choices)
    live_url = serializers.CharField(help_text="The council's live service, or empty.")
    platform = serializers.CharField(help_text="The platform or supplier the council uses.")
    local_variations = serializers.CharField()
    adopted_on = serializers.DateField()


class AdoptionSubmissionSerializer(serializers.Serializer):
    """What a supplier sends to record that a council it serves uses a pattern or a process."""

    council = serializers.CharField(max_length=9, help_text="The council's GSS code, e.g. E10000012.")
    pattern = serializers.SlugField(
        required=False, allow_null=True, max_length=255, help_text="The slug of the published service pattern."
    )
    process = serializers.SlugField(
        required=False, allow_null=True, max_length=255, help_text="The slug of the published process."
    )
    services = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2_147_483_647),
        required=False,
        default=list,
        max_length=50,
        help_text="The LGSL codes of the services the council delivers this way.",
    )
    status = serializers.ChoiceField(choices=AdoptionStatus.choices, default="live")
    live_url = serializers.URLField(required=False, allow_blank=True, default="", max_length=500)
    platform = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=200, help_text="Defaults to the key's supplier."
    )
    local_variations = serializers.CharField(required=False, allow_blank=True, default="", max_length=4000)
    adopted_on = serializers.DateField(required=False, help_text="Defaults to today.")


class SubmittedAdoptionSerializer(AdoptionSerializer):
    approved = serializers.BooleanField(
        source="is_approved", help_text="False until the library's editors approve it for the public API."
    )
    supplier = serializers.CharField(source="supplier_name")
