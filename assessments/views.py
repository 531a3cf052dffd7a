"""Prepare for assessment: the checklist of a standard's points for a service built on a pattern,
as an HTML page, a CSV file and a printable page."""

from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale

from pattern_pages.spreadsheets import csv_response

from .prepare import PrepareForAssessmentForm
from .summary import checklist

FORMATS = {"html": "assessments/prepare.html", "print": "assessments/prepare_print.html"}


def prepare(request):
    locale = Locale.get_active()
    form = PrepareForAssessmentForm(request.GET or None, locale=locale)
    output = request.GET.get("format", "html")
    if output not in {*FORMATS, "csv"}:
        output = "html"
    context = {"form": form, "rows": None}
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        rows = checklist(data["standard"], data["pattern"])
        context.update(rows=rows, pattern=data["pattern"], service=data["service"], standard=data["standard"])
        context["covered"] = sum(row.covered for row in rows)
        if output == "csv":
            return checklist_csv(rows, data)
    elif output != "html":
        output = "html"
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(request, FORMATS[output], context, status=status)


def checklist_csv(rows, data):
    filename = slugify(f"assessment checklist {data['service'].name} {data['standard'].short_name}")
    response, writer = csv_response(f"{filename}.csv")
    writer.writerow(
        [
            _("Standard"),
            _("Point"),
            _("Title"),
            _("What it means"),
            _("Status"),
            _("How the pattern helps"),
            _("Evidence"),
        ]
    )
    for row in rows:
        writer.writerow(
            [
                data["standard"].name,
                row.point.number,
                row.point.title,
                row.point.summary,
                _("Covered by the pattern") if row.covered else _("The council must show this"),
                row.claim.get("how") if row.covered else "",
                (row.claim.get("evidence") or "") if row.covered else "",
            ]
        )
    return response
