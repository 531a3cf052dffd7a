"""The change feed."""

from rest_framework import serializers

from ..models import ChangeEvent


class ChangeEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = ChangeEvent
        fields = ["id", "event", "resource", "object_id", "key", "locale", "title", "url", "occurred_at"]


class ChangeFeedSerializer(serializers.Serializer):
    results = ChangeEventSerializer(many=True)
    next_cursor = serializers.CharField(help_text="Pass as ?since= to read on from here.")
    next = serializers.URLField(help_text="The URL of the next page of the feed.")
