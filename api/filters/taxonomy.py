"""Filters of the taxonomies."""

from pattern_pages import models

from .base import LOCALE_HELP, LOCALES, CharFilter, StrictFilterSet, choice_filter, q_filter


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
