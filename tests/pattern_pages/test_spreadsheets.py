"""The one CSV/XLSX writer: formulas neutralised (OWASP CSV injection), every cell quoted."""

import csv
import io
from pathlib import Path

import pytest

from pattern_pages.spreadsheets import CsvWriter, neutralise_cell
from tests.spreadsheets import HOSTILE

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_cell_starting_a_formula_gets_a_leading_quote(name):
    """=, +, -, @, tab and carriage return at the start are preceded by a single quote."""
    assert neutralise_cell(HOSTILE[name]) == "'" + HOSTILE[name]


def test_other_cells_and_numbers_are_left_alone():
    """Ordinary text, numbers and dates are written as they are; control characters are dropped."""
    assert neutralise_cell("Apply for a school place") == "Apply for a school place"
    assert neutralise_cell(-3) == -3 and neutralise_cell(None) is None
    assert neutralise_cell("Bins\x01 and\x0b recycling") == "Bins and recycling"
    assert neutralise_cell("\x01=1+1") == "'=1+1"


def test_every_cell_is_quoted_so_a_separator_cannot_start_a_new_cell():
    """A value with a comma and a formula after it stays one quoted cell."""
    out = io.StringIO()
    CsvWriter(out).writerow(["Essex,=1+1", 'say "hi"', 12])
    assert out.getvalue() == '"Essex,=1+1","say ""hi""","12"\r\n'
    assert next(csv.reader(io.StringIO(out.getvalue()))) == ["Essex,=1+1", 'say "hi"', "12"]


def test_no_csv_is_written_around_the_shared_writer():
    """Only pattern_pages/spreadsheets.py makes a csv writer; every download goes through it."""
    offenders = []
    for path in ROOT.glob("*/**/*.py"):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith((".venv/", "node_modules/", "tests/", "bench/")) or relative.endswith(
            "pattern_pages/spreadsheets.py"
        ):
            continue
        text = path.read_text(encoding="utf-8")
        if "csv.writer(" in text or "csv.DictWriter(" in text or "openpyxl" in text:
            offenders.append(relative)
    assert offenders == []
