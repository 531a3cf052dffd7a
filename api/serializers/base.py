"""What the resources share: ``fields=`` narrowing, StreamField content, references to other items
and the error shape."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..streamfield import Representer, stream_schema


class FieldsMixin:
    """Keeps only the fields named in ``?fields=`` (already validated by the view), and always ``id``: the
    schema marks only ``id`` required on these items (cms.openapi.narrowed_items_require_only_id)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        wanted = self.context.get("fields")
        if wanted:
            for name in set(self.fields) - {*wanted, "id"}:
                self.fields.pop(name)


def representer(context):
    if "representer" not in context:
        context["representer"] = Representer(context.get("request"))
    return context["representer"]


class StreamContentField(serializers.Field):
    """A StreamField as typed blocks (see ``api.streamfield``)."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value):
        return representer(self.context).stream(value)


def stream_field(model, name):
    """A read-only field for ``model.name`` whose OpenAPI schema lists the field's block types."""
    stream_block = model._meta.get_field(name).stream_block
    prefix = f"{model.__name__}{name.title().replace('_', '')}"
    field_class = type(f"{prefix}Field", (StreamContentField,), {})
    return extend_schema_field(stream_schema(stream_block, title=prefix))(field_class)()


# ----- references to other items ----------------------------------------------------------------


class PatternTypeRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class ServiceRefSerializer(serializers.Serializer):
    lgsl_code = serializers.IntegerField()
    name = serializers.CharField()


class LifeEventRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class CouncilRefSerializer(serializers.Serializer):
    gss_code = serializers.CharField()
    name = serializers.CharField()


class StandardRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class PatternRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    title = serializers.CharField()


# ----- the error shape -------------------------------------------------------------------------


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="e.g. invalid_parameter, not_found, throttled")
    message = serializers.CharField()
    field = serializers.CharField(allow_null=True, help_text="The parameter or field at fault, if any.")


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


class SubmissionErrorSerializer(ErrorSerializer):
    errors = ErrorDetailSerializer(many=True, help_text="Every problem with the submitted body, one per field.")
