"""The public Reuse dashboard and its CSV download."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from pattern_pages.spreadsheets import csv_response

from .reuse import bar_chart, compute_reuse

CHART_ROWS = 15


def reuse_dashboard(request):
    reuse = compute_reuse()
    top_services = [row for row in reuse.services if row.councils_using_a_pattern][:CHART_ROWS]
    charts = {
        "services": bar_chart((row.service.name, row.councils_using_a_pattern) for row in top_services),
        "types": bar_chart((group.label, group.council_count) for group in reuse.by_council_type),
        "regions": bar_chart((group.label, group.council_count) for group in reuse.by_region),
    }
    return render(
        request,
        "contributions/reuse.html",
        {"reuse": reuse, "top_services": top_services, "charts": charts, "page_title": _("Reuse across councils")},
    )


CSV_COLUMNS = [
    "lgsl_code",
    "service",
    "councils_using_a_pattern",
    "distinct_patterns",
    "has_shared_pattern",
    "councils_known",
]


def reuse_csv(request):
    """One row per service: how many councils use a pattern for it, how many patterns, whether one is shared."""
    response, writer = csv_response("reuse-by-service.csv")
    writer.writerow(CSV_COLUMNS)
    for row in compute_reuse().services:
        writer.writerow(
            [
                row.service.lgsl_code,
                row.service.name,
                row.councils_using_a_pattern,
                row.distinct_patterns,
                "yes" if row.has_shared_pattern else "no",
                row.councils_known,
            ]
        )
    return response
