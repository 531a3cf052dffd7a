"""One FilterSet per resource. Every parameter has help text and an example, which the OpenAPI
schema shows; a value that cannot be read is a 400 naming the parameter."""

import re
from datetime import UTC

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import get_default_timezone, is_naive, make_aware
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter
from wagtail.models import ReferenceIndex

from assessments.models import Assessment, ServiceStandard
from contributions.models import Adoption, AdoptionStatus
from pattern_pages import models

LOCALES = [("en", "English"), ("cy", "Cymraeg")]


class LgslCodesField(forms.Field):
    """Reads a repeatable parameter of LGSL codes: ``?service=524&service=1``."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        codes = []
        for item in value or []:
            for part in str(item).split(","):
                part = part.strip()
                if not (part.isascii() and part.isdigit()):
                    raise forms.ValidationError(f"'{part}' is not an LGSL code: use a whole number, e.g. 524.")
                codes.append(int(part))
        return codes


class IsoDateTimeField(forms.Field):
    """An ISO 8601 date or date and time, e.g. 2026-01-31 or 2026-01-31T09:30:00Z."""

    def to_python(self, value):
        if value in (None, ""):
            return None
        moment = None
        try:
            moment = parse_datetime(value)
            if moment is None:
                day = parse_date(value)
                if day is not None:
                    from datetime import datetime, time

                    moment = datetime.combine(day, time.min)
        except ValueError:
            moment = None
        if moment is None:
            raise forms.ValidationError(
                f"'{value}' is not an ISO 8601 date or date and time, e.g. 2026-01-31 or 2026-01-31T09:30:00Z."
            )
        if is_naive(moment):
            return make_aware(moment, get_default_timezone())
        # In UTC: PostgreSQL refuses offsets beyond ±15:59, which ISO 8601 allows (e.g. -21:52 was a 500).
        try:
            return moment.astimezone(UTC)
        except OverflowError:
            raise forms.ValidationError(f"'{value}' is out of range.") from None


class Documented:
    """Takes an ``example`` for the OpenAPI schema (django-filter would pass it on to the form field)."""

    def __init__(self, *args, example=None, **kwargs):
        self.example = example
        super().__init__(*args, **kwargs)


class CharFilter(Documented, django_filters.CharFilter):
    pass


class ChoiceFilter(Documented, django_filters.ChoiceFilter):
    pass


class LgslCodesFilter(Documented, django_filters.Filter):
    field_class = LgslCodesField
    # LGSL codes are whole numbers; the field refuses a sign or a fraction (``-5`` is a 400 naming the filter).
    schema = {"type": "array", "items": {"type": "integer", "minimum": 0}}

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(**{f"{self.field_name}__in": value}).distinct()


class UpdatedSinceFilter(Documented, django_filters.Filter):
    field_class = IsoDateTimeField
    schema = {"type": "string", "anyOf": [{"format": "date"}, {"format": "date-time"}]}

    def filter(self, qs, value):
        if value is None:
            return qs
        return qs.filter(last_published_at__gte=value)


def choice_filter(field_name, choices, help_text, example):
    return ChoiceFilter(
        field_name=field_name,
        choices=choices,
        help_text=help_text,
        example=example,
        error_messages={"invalid_choice": "'%(value)s' is not one of: " + ", ".join(c for c, _l in choices) + "."},
    )


class StrictFilterSet(django_filters.FilterSet):
    """A FilterSet whose filters carry an ``example`` for the schema."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.form.fields.items():
            field.error_messages.setdefault("invalid", f"The value of '{name}' is not valid.")

    @classmethod
    def openapi_parameters(cls):
        parameters = []
        for name, filter_ in cls.base_filters.items():
            example = getattr(filter_, "example", None)
            repeatable = isinstance(filter_, LgslCodesFilter)
            parameters.append(
                OpenApiParameter(
                    name,
                    getattr(filter_, "schema", OpenApiTypes.STR),
                    OpenApiParameter.QUERY,
                    description=str(filter_.extra.get("help_text", "")),
                    enum=[c for c, _l in filter_.extra["choices"]] if "choices" in filter_.extra else None,
                    explode=True if repeatable else None,
                    examples=[OpenApiExample(name, value=example)] if example is not None else None,
                )
            )
        return parameters


def _filter_q(fields):
    def method(queryset, name, value):
        query = Q()
        for field in fields:
            query |= Q(**{f"{field}__icontains": value})
        return queryset.filter(query)

    return method


def q_filter(fields, example):
    return CharFilter(
        method=_filter_q(fields),
        help_text=f"Text that {' or '.join(fields)} contains (case-insensitive). Full search is the search endpoint.",
        example=example,
    )


LOCALE_HELP = "Only items in this locale: en (English) or cy (Welsh)."


class PageFilterSet(StrictFilterSet):
    locale = choice_filter("locale__language_code", LOCALES, LOCALE_HELP, "en")
    updated_since = UpdatedSinceFilter(
        help_text="Only pages published at or after this ISO 8601 date or time.", example="2026-01-31T09:30:00Z"
    )
    council = CharFilter(
        field_name="owner_council__gss_code",
        help_text="Only pages owned by the council with this GSS code.",
        example="E10000012",
    )
    service = LgslCodesFilter(
        field_name="services__lgsl_code",
        help_text="Only pages for any of these services, by LGSL code. Repeat for more than one.",
        example=[524],
    )


class PatternFilterSet(PageFilterSet):
    q = q_filter(["title", "summary"], "school place")
    life_event = CharFilter(
        field_name="life_events__slug", distinct=True, help_text="A life event's slug.", example="having-a-baby"
    )
    pattern_type = CharFilter(field_name="pattern_type__slug", help_text="A pattern type's slug.", example="apply")
    component = CharFilter(
        method="filter_component",
        help_text="Only patterns whose steps use this GOV.UK Design System component (its slug).",
        example="date-input",
    )
    maturity = choice_filter("maturity", models.Maturity.choices, "How proven the pattern is.", "stable")

    class Meta:
        model = models.ServicePatternPage
        fields = []

    def filter_component(self, queryset, name, value):
        component_ids = models.DesignSystemComponent.objects.filter(slug=value).values_list("pk", flat=True)
        page_ids = ReferenceIndex.objects.filter(
            to_content_type=ContentType.objects.get_for_model(models.DesignSystemComponent),
            to_object_id__in=[str(pk) for pk in component_ids],
            base_content_type=ContentType.objects.get_by_natural_key("wagtailcore", "page"),
        ).values_list("object_id", flat=True)
        return queryset.filter(pk__in=[int(pk) for pk in page_ids])


class ProcessFilterSet(PageFilterSet):
    q = q_filter(["title", "summary"], "admissions")
    life_event = CharFilter(
        field_name="services__life_events__slug",
        distinct=True,
        help_text="Only processes for services linked to this life event (its slug).",
        example="starting-school",
    )

    class Meta:
        model = models.ProcessPage
        fields = []


class TaxonomyFilterSet(StrictFilterSet):
    locale = choice_filter("locale__language_code", LOCALES, LOCALE_HELP, "cy")


class ServiceFilterSet(TaxonomyFilterSet):
    q = q_filter(["name", "description"], "bin")
    life_event = CharFilter(
        field_name="life_events__slug", distinct=True, help_text="A life event's slug.", example="moving-home"
    )
    providing_tier = choice_filter(
        "providing_tier", models.ProvidingTier.choices, "Which councils provide the service.", "all"
    )

    class Meta:
        model = models.Service
        fields = []


class LifeEventFilterSet(TaxonomyFilterSet):
    q = q_filter(["name", "description"], "baby")

    class Meta:
        model = models.LifeEvent
        fields = []


class PatternTypeFilterSet(TaxonomyFilterSet):
    q = q_filter(["name", "description"], "pay")

    class Meta:
        model = models.PatternType
        fields = []


class CouncilFilterSet(TaxonomyFilterSet):
    q = q_filter(["official_name", "name"], "Essex")
    nation = choice_filter("nation", models.Nation.choices, "The nation the council is in.", "wales")
    council_type = choice_filter("council_type", models.CouncilType.choices, "The kind of council.", "county")

    class Meta:
        model = models.Council
        fields = []


class ComponentFilterSet(TaxonomyFilterSet):
    q = q_filter(["name", "description"], "date")
    kind = choice_filter("kind", models.ComponentKind.choices, "Component or pattern.", "component")
    status = choice_filter("status", models.ComponentStatus.choices, "Current or archived.", "current")

    class Meta:
        model = models.DesignSystemComponent
        fields = []


# ----- service standards and assessments --------------------------------------------------------


class StandardFilterSet(TaxonomyFilterSet):
    q = q_filter(["name", "description"], "GOV.UK")

    class Meta:
        model = ServiceStandard
        fields = []


# A standard's slug and a point's number; the same pattern is in the OpenAPI schema.
POINT = re.compile(r"(?P<slug>[^\n\r\u2028\u2029]+):(?P<number>[0-9]+)")


class StandardPointField(forms.Field):
    """Reads ``<standard slug>:<point number>``, e.g. ``govuk-service-standard:5``."""

    def to_python(self, value):
        if value in (None, ""):
            return None
        match = POINT.fullmatch(str(value))
        if match is None:
            raise forms.ValidationError(
                f"'{value}' is not a standard point: use the standard's slug and the point's number, "
                "e.g. govuk-service-standard:5."
            )
        return match["slug"], int(match["number"])


class StandardPointFilter(Documented, django_filters.Filter):
    field_class = StandardPointField
    schema = {"type": "string", "pattern": "^([^\\n\\r\\u2028\\u2029]+:[0-9]+)?$"}

    def filter(self, queryset, value):
        if value is None:
            return queryset
        slug, number = value
        return queryset.filter(outcomes__point__standard__slug=slug, outcomes__point__number=number).distinct()


class AssessmentFilterSet(StrictFilterSet):
    council = CharFilter(
        field_name="council__gss_code", help_text="The assessed council's GSS code.", example="E10000012"
    )
    service = LgslCodesFilter(
        field_name="service__lgsl_code", lookup_expr="in", help_text="LGSL codes (repeatable).", example=1
    )
    pattern = CharFilter(
        field_name="pattern__slug",
        help_text="The slug of the pattern the service is built on.",
        example="apply-for-a-blue-badge",
    )
    standard = CharFilter(
        field_name="standard__slug", help_text="The standard's slug.", example="govuk-service-standard"
    )
    point = StandardPointFilter(
        help_text="Only assessments that judged this standard point: '<standard slug>:<number>'.",
        example="govuk-service-standard:5",
    )
    outcome = choice_filter("result", [("met", "Met"), ("not-met", "Not met")], "The overall result.", "met")
    phase = choice_filter(
        "phase",
        [("discovery", "Discovery"), ("alpha", "Alpha"), ("beta", "Beta"), ("live", "Live")],
        "The phase the service was assessed in.",
        "beta",
    )

    class Meta:
        model = Assessment
        fields = []


# ----- adoptions --------------------------------------------------------------------------------


class AdoptionFilterSet(StrictFilterSet):
    council = CharFilter(
        field_name="council__gss_code", help_text="The adopting council's GSS code.", example="E10000012"
    )
    pattern = CharFilter(
        field_name="pattern__slug", help_text="The adopted pattern's slug.", example="apply-for-a-blue-badge"
    )
    process = CharFilter(
        field_name="process__slug", help_text="The adopted process's slug.", example="assess-a-blue-badge"
    )
    service = LgslCodesFilter(
        field_name="services__lgsl_code",
        lookup_expr="in",
        distinct=True,
        help_text="LGSL codes (repeatable).",
        example=1,
    )
    status = choice_filter("status", AdoptionStatus.choices, "Planned, live or retired.", "live")
    supplier = CharFilter(
        field_name="platform",
        lookup_expr="icontains",
        help_text="Text the platform or supplier contains.",
        example="in-house",
    )

    class Meta:
        model = Adoption
        fields = []
