"""Every CSV and XLSX file the library writes, with untrusted text made inert (OWASP "CSV injection").

A spreadsheet treats a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return
followed by one) as a formula: an anonymous feedback comment such as ``=HYPERLINK("https://evil", "Open")``
would run in the editor's spreadsheet. Following OWASP's guidance, every cell is quoted, a cell that
starts with one of those characters gets a leading single quote, and control characters are dropped::

    >>> neutralise_cell('=1+2')
    "'=1+2"
    >>> neutralise_cell(-3)     # numbers stay numbers
    -3

``csv_response`` and ``CsvWriter`` serve the library's own downloads; ``protect_wagtail_exports`` puts the
same rule into Wagtail's spreadsheet exports (every report and listing with "Download CSV/XLSX").
"""

import csv

from django.http import HttpResponse

from .text import strip_control_characters

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """A cell's value as a spreadsheet will read it as text; values other than text are left alone."""
    if not isinstance(value, str):
        return value
    value = strip_control_characters(value)
    if value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class CsvWriter:
    """``csv.writer`` that quotes every cell and neutralises every value, e.g. ``CsvWriter(response)``."""

    def __init__(self, stream):
        self._writer = csv.writer(stream, quoting=csv.QUOTE_ALL)

    def writerow(self, row):
        return self._writer.writerow([neutralise_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_response(filename):
    """``(response, writer)`` for a CSV download named ``filename``."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response, CsvWriter(response)


def protect_wagtail_exports():
    """Make Wagtail's ``SpreadsheetExportMixin`` (reports, listings, form submissions) write safe cells.

    Every value it exports passes through ``preprocess_field_value``, and every heading through
    ``get_heading``; its CSV writer quotes every cell. Safe to call more than once.
    """
    from wagtail.admin.views import mixins

    export = mixins.SpreadsheetExportMixin
    if getattr(export, "neutralises_formulas", False):
        return
    preprocess, heading, dict_writer = export.preprocess_field_value, export.get_heading, csv.DictWriter

    def preprocess_field_value(self, field, value, export_format):
        return neutralise_cell(preprocess(self, field, value, export_format))

    def get_heading(self, queryset, field):
        return neutralise_cell(heading(self, queryset, field))

    def stream_csv(self, queryset):
        writer = dict_writer(mixins.Echo(), fieldnames=self.list_export, quoting=csv.QUOTE_ALL)
        yield writer.writerow({field: self.get_heading(queryset, field) for field in self.list_export})
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    export.preprocess_field_value = preprocess_field_value
    export.get_heading = get_heading
    export.stream_csv = stream_csv
    export.neutralises_formulas = True
