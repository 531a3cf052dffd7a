"""Facet names, their headings, and the labels of their values in a locale."""

from django.utils.translation import gettext_lazy as _

from pattern_pages.models import Council, DesignSystemComponent, LifeEvent, PatternType
from pattern_pages.models.pages import Maturity

from .models import DocumentKind
from .query import FacetCount

# A facet shows its most common values and every selected one: "council" has 397 values, which made a
# results page hundreds of kilobytes of checkboxes nobody reads past the first few.
FACET_VALUES_SHOWN = 10

FACET_HEADINGS = {
    "type": _("Type"),
    "pattern_type": _("Pattern type"),
    "life_event": _("Life event"),
    "maturity": _("Maturity"),
    "component": _("Design System component"),
    "council": _("Council"),
}

# facet → (snippet model, the field its values are)
TAXONOMY_FACETS = {
    "pattern_type": (PatternType, "slug", "name"),
    "life_event": (LifeEvent, "slug", "name"),
    "component": (DesignSystemComponent, "slug", "name"),
    "council": (Council, "gss_code", "official_name"),
}


def facet_labels(facet, values, locale):
    """``{value: label}`` in ``locale`` (falling back to any locale), e.g. ``{"apply": "Apply"}``."""
    values = list(values)
    if facet == "type":
        return {value: str(DocumentKind(value).label) for value in values if value in DocumentKind.values}
    if facet == "maturity":
        return {value: str(Maturity(value).label) for value in values if value in Maturity.values}
    model, key_field, label_field = TAXONOMY_FACETS[facet]
    labels = {}
    rows = model.objects.filter(**{f"{key_field}__in": values}).values_list(
        key_field, label_field, "locale__language_code"
    )
    for key, label, language in rows:
        if language == locale or key not in labels:
            labels[key] = label
    return labels


def facet_counts(facet, counted, query, shown=FACET_VALUES_SHOWN):
    """The :class:`FacetCount` list for ``facet`` from ``counted`` (``{value: documents}``), most documents
    first (then by value): the top ``shown`` values and every value ``query`` selects, a selected value
    with no documents at 0 so that its ticked box stays on the page. Both engines answer with this."""
    selected = set(query.filters.get(facet, ()))
    ordered = sorted(counted.items(), key=lambda item: (-item[1], item[0]))
    values = dict(ordered[:shown])
    for value, count in ordered[shown:]:
        if value in selected:
            values[value] = count
    for value in sorted(selected - set(values)):
        values[value] = 0
    labels = facet_labels(facet, values, query.locale)
    return [
        FacetCount(value=value, label=labels.get(value, value), count=count, selected=value in selected)
        for value, count in values.items()
    ]
