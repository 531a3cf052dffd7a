"""Facet names, their headings, and the labels of their values in a locale."""

from django.db import connection
from django.db.models import CharField, Value
from django.utils.translation import gettext_lazy as _

from library import version
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


def shown_values(facet, counted, query, shown=FACET_VALUES_SHOWN):
    """``{value: count}`` of ``facet`` to show, from ``counted`` (``{value: documents}``), most documents first
    (then by value): the top ``shown`` values and every value ``query`` selects, a selected value with no
    documents at 0 so that its ticked box stays on the page."""
    selected = set(query.filters.get(facet, ()))
    ordered = sorted(counted.items(), key=lambda item: (-item[1], item[0]))
    values = dict(ordered[:shown])
    for value, count in ordered[shown:]:
        if value in selected:
            values[value] = count
    for value in sorted(selected - set(values)):
        values[value] = 0
    return values


def facet_count_list(facet, values, labels, query):
    selected = set(query.filters.get(facet, ()))
    return [
        FacetCount(value=value, label=labels.get(value, value), count=count, selected=value in selected)
        for value, count in values.items()
    ]


def facet_counts(facet, counted, query, shown=FACET_VALUES_SHOWN):
    """The :class:`FacetCount` list for ``facet`` from ``counted`` (``{value: documents}``): the values
    :func:`shown_values` keeps, with their labels. Both engines answer with this (or :func:`all_facet_counts`)."""
    values = shown_values(facet, counted, query, shown)
    return facet_count_list(facet, values, facet_labels(facet, values, query.locale), query)


# {(database, library version, locale): {facet: {value: label}}}: see taxonomy_labels().
_taxonomy_labels = {}


def taxonomy_labels(locale):
    """``{facet: {value: label}}`` of every value of the taxonomy facets, in ``locale`` (falling back to any
    locale, as :func:`facet_labels` does). Read in one statement once per library version and kept in this
    process: a few hundred rows (397 councils) that only a change to the library changes, which every search
    needed (the statement and its ORM work cost about 4 ms of CPU a search at 10,000 pages)."""
    key = (connection.alias, version.current(), locale)
    labels = _taxonomy_labels.get(key)
    if labels is None:
        queries = [
            model.objects.order_by()
            .annotate(facet=Value(facet, output_field=CharField()))
            .values_list("facet", key_field, label_field, "locale__language_code")
            for facet, (model, key_field, label_field) in TAXONOMY_FACETS.items()
        ]
        labels = {facet: {} for facet in TAXONOMY_FACETS}
        # The locale's language first, then any other.
        for facet, value, label, _language in sorted(
            queries[0].union(*queries[1:], all=True), key=lambda row: row[3] != locale
        ):
            labels[facet].setdefault(value, label)
        if len(_taxonomy_labels) >= 8:  # the library changed since: the older versions are not asked again
            _taxonomy_labels.clear()
        _taxonomy_labels[key] = labels
    return labels


def forget_taxonomy_labels():
    """Empty this process's labels (tests: a rollback winds the library version back)."""
    _taxonomy_labels.clear()


def all_facet_counts(counted, query):
    """``{facet: [FacetCount]}`` for every facet ``query`` wants, from ``{facet: {value: documents}}``, as
    :func:`facet_counts` makes them, the taxonomies' labels from :func:`taxonomy_labels`."""
    shown = {facet: shown_values(facet, counted.get(facet, {}), query) for facet in query.facets}
    known = taxonomy_labels(query.locale) if any(shown.get(facet) for facet in TAXONOMY_FACETS) else {}
    labels = {}
    for facet, values in shown.items():
        if facet in TAXONOMY_FACETS:
            labels[facet] = {value: known[facet][value] for value in values if value in known.get(facet, {})}
        else:
            labels[facet] = facet_labels(facet, values, query.locale)
    return {facet: facet_count_list(facet, values, labels[facet], query) for facet, values in shown.items()}
