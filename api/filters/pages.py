"""Filters of service patterns and processes."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ReferenceIndex

from pattern_pages import models

from .base import (
    LOCALE_HELP,
    LOCALES,
    CharFilter,
    LgslCodesFilter,
    StrictFilterSet,
    UpdatedSinceFilter,
    choice_filter,
    q_filter,
)


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
    maturity = choice_filter("maturity", models.Maturity.choices, "How proven the process is.", "beta")

    class Meta:
        model = models.ProcessPage
        fields = []
