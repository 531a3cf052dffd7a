"""What the resources' filters share: the fields that read a parameter, filters that carry an example
for the OpenAPI schema, and a FilterSet whose errors name the parameter."""

from datetime import UTC

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.timezone import get_default_timezone, is_naive, make_aware
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter

from pattern_pages.numbers import MAX_STORED_INTEGER, whole_number

from ..parameters import shown

# The content's locales (Wagtail's), as choices; LOCALE_CODES for the schema's enums.
LOCALES = settings.WAGTAIL_CONTENT_LANGUAGES
LOCALE_CODES = [code for code, _name in LOCALES]


class LgslCodesField(forms.Field):
    """Reads a repeatable parameter of LGSL codes: ``?service=524&service=1``."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        codes = []
        for item in value or []:
            for part in str(item).split(","):
                part = part.strip()
                try:
                    codes.append(whole_number(part))
                except ValueError:
                    raise forms.ValidationError(
                        _("'%(value)s' is not an LGSL code: use a whole number, e.g. 524.") % {"value": shown(part)}
                    ) from None
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
                _("'%(value)s' is not an ISO 8601 date or date and time, e.g. 2026-01-31 or 2026-01-31T09:30:00Z.")
                % {"value": value}
            )
        if is_naive(moment):
            return make_aware(moment, get_default_timezone())
        # In UTC: PostgreSQL refuses offsets beyond ±15:59, which ISO 8601 allows (e.g. -21:52 was a 500).
        try:
            return moment.astimezone(UTC)
        except OverflowError:
            raise forms.ValidationError(_("'%(value)s' is out of range.") % {"value": value}) from None


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
    schema = {"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": MAX_STORED_INTEGER}}

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
