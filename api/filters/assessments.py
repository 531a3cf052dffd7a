"""Filters of service standards and published assessments."""

import re

import django_filters
from django import forms
from django.utils.translation import gettext as _

from assessments.models import Assessment, Phase, Result, ServiceStandard
from pattern_pages.numbers import whole_number

from ..parameters import shown
from .base import (
    CharFilter,
    Documented,
    LgslCodesFilter,
    StrictFilterSet,
    choice_filter,
    q_filter,
)
from .taxonomy import TaxonomyFilterSet


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
                _(
                    "'%(value)s' is not a standard point: use the standard's slug and the point's number, "
                    "e.g. govuk-service-standard:5."
                )
                % {"value": value}
            )
        try:
            return match["slug"], whole_number(match["number"])
        except ValueError:
            raise forms.ValidationError(
                _("'%(value)s' is not a standard point: its number is too large.") % {"value": shown(value)}
            ) from None


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
    outcome = choice_filter("result", Result.choices, "The overall result.", "met")
    phase = choice_filter("phase", Phase.choices, "The phase the service was assessed in.", "beta")

    class Meta:
        model = Assessment
        fields = []
