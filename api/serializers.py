"""What each resource looks like. List serializers hold the fields a listing needs; detail
serializers extend them with the content (StreamFields), which costs queries per item."""

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from contributions.models import AdoptionStatus
from pattern_pages import models

from .models import ChangeEvent
from .streamfield import REFERENCE_SCHEMA, Representer, stream_schema


class FieldsMixin:
    """Keeps only the fields named in ``?fields=`` (already validated by the view)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        wanted = self.context.get("fields")
        if wanted:
            for name in set(self.fields) - set(wanted):
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


# ----- taxonomy references ----------------------------------------------------------------------


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


class ComponentRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    url = serializers.URLField()


# ----- pages ------------------------------------------------------------------------------------


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

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, page):
        return page.get_full_url(self.context.get("request"))

    @extend_schema_field(OpenApiTypes.URI)
    def get_detail_url(self, page):
        path = reverse(self.detail_route, kwargs={"pk": page.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    # ----- the listing as plain dicts ---------------------------------------------------------------

    def listing(self, pages):
        """The list representation of ``pages``, equal to ``[self.to_representation(p) for p in pages]``.

        DRF's per-field machinery (and modelcluster's prefetching of the many-to-many references) was
        most of a list request's CPU, so a listing is built from a plan made once per request: plain
        attribute reads, the date fields' own ``to_representation``, and one ``values_list`` query per
        many-to-many reference. The declared fields stay the OpenAPI schema; tests compare the two.
        """
        pages = list(pages)
        plan = [(name, self._listing_reader(name, field, pages)) for name, field in self.fields.items()]
        return [{name: read(page) for name, read in plan} for page in pages]

    def _listing_reader(self, name, field, pages):
        if name == "url":
            return lambda page: self.get_url(page)
        if name == "detail_url":
            template = self.get_detail_url(_Sentinel)
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


class _Sentinel:
    """Stands in for a page when the detail URL is reversed once for a whole listing."""

    pk = 987654321


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
    supported_patterns = stream_field(models.ProcessPage, "supported_patterns")


# ----- taxonomies -------------------------------------------------------------------------------


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


# ----- change feed ------------------------------------------------------------------------------


class ChangeEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = ChangeEvent
        fields = ["id", "event", "resource", "object_id", "key", "locale", "title", "url", "occurred_at"]


class ChangeFeedSerializer(serializers.Serializer):
    results = ChangeEventSerializer(many=True)
    next_cursor = serializers.CharField(help_text="Pass as ?since= to read on from here.")
    next = serializers.URLField(help_text="The URL of the next page of the feed.")


class ErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="e.g. invalid_parameter, not_found, throttled")
    message = serializers.CharField()
    field = serializers.CharField(allow_null=True, help_text="The parameter or field at fault, if any.")


class ErrorSerializer(serializers.Serializer):
    error = ErrorDetailSerializer()


class SubmissionErrorSerializer(ErrorSerializer):
    errors = ErrorDetailSerializer(many=True, help_text="Every problem with the submitted body, one per field.")


# ----- service standards and assessments --------------------------------------------------------


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


class StandardRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class PatternRefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.SlugField()
    title = serializers.CharField()


class AssessmentOutcomeSerializer(serializers.Serializer):
    point = inline_serializer("AssessedPoint", {"number": serializers.IntegerField(), "title": serializers.CharField()})
    result = serializers.ChoiceField(choices=[("met", "Met"), ("not-met", "Not met")])
    reason = serializers.CharField()


class AssessmentSerializer(FieldsMixin, serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    council = CouncilRefSerializer()
    service = ServiceRefSerializer()
    pattern = PatternRefSerializer(allow_null=True)
    adoption = serializers.IntegerField(source="adoption_id", allow_null=True, help_text="The adoption's id, if any.")
    standard = StandardRefSerializer()
    phase = serializers.ChoiceField(
        choices=[("discovery", "Discovery"), ("alpha", "Alpha"), ("beta", "Beta"), ("live", "Live")]
    )
    date = serializers.DateField()
    panel_roles = serializers.CharField()
    result = serializers.ChoiceField(choices=[("met", "Met"), ("not-met", "Not met")], help_text="The overall result.")
    report_url = serializers.CharField(help_text="The public report, or empty.")
    outcomes = AssessmentOutcomeSerializer(many=True)


# ----- adoptions --------------------------------------------------------------------------------


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
