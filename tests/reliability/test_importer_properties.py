"""Property tests: a randomly malformed reference file is refused with a clear error, importing nothing."""

import csv
import io
import os
import tempfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pattern_pages.models import Service

# The quick run (CI) tries 50 files; `make reliability` sets RELIABILITY_EXAMPLES higher.
EXAMPLES = int(os.environ.get("RELIABILITY_EXAMPLES", "50"))
labels = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=60
).filter(lambda text: text.strip() and not text.strip().startswith(("=", "+", "@")))


def corruptions():
    """Each corruption: (name, function of the rows and header returning the file's bytes, expected words)."""
    return st.sampled_from(
        [
            "identifier-not-a-number",
            "empty-label",
            "huge-label",
            "duplicate-identifier",
            "extra-field",
            "bad-encoding",
            "formula",
            "missing-column",
        ]
    )


def render(header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def corrupt(kind, rows, index):
    header = ["Identifier", "Label", "Description"]
    rows = [list(row) for row in rows]
    if kind == "identifier-not-a-number":
        rows[index][0] = "12a"
    elif kind == "empty-label":
        rows[index][1] = "   "
    elif kind == "huge-label":
        rows[index][1] = "x" * 10_000
    elif kind == "duplicate-identifier":
        rows.append([rows[index][0], "Another service", ""])
    elif kind == "extra-field":
        rows[index].extend(["one", "two"])
    elif kind == "formula":
        rows[index][1] = '=HYPERLINK("http://example.com","Click")'
    elif kind == "missing-column":
        header = ["Identifier", "Name", "Description"]
    data = render(header, rows)
    if kind == "bad-encoding":
        # Latin-1 bytes in the middle of the file, as a spreadsheet saving "Ynys Môn" in Windows-1252 would leave.
        lines = data.split(b"\n")
        lines.insert(1 + index, b"99999,Ynys M\xf4n,")
        data = b"\n".join(lines)
    return data


@pytest.mark.django_db
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.tuples(st.integers(1, 99_999).map(str), labels, st.text(max_size=80)),
        min_size=1,
        max_size=15,
        unique_by=lambda row: row[0],
    ),
    kind=corruptions(),
    data=st.data(),
)
def test_a_malformed_service_list_imports_nothing(rows, kind, data):
    """Whatever the corruption, the import fails naming where, and no service is created."""
    index = data.draw(st.integers(0, len(rows) - 1))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "services.csv"
        path.write_bytes(corrupt(kind, rows, index))
        with pytest.raises(CommandError) as error:
            call_command("import_services", str(path), stdout=io.StringIO(), stderr=io.StringIO())
    message = str(error.value)
    assert message.startswith("Nothing was imported.")
    assert "services.csv" in message
    if kind not in {"bad-encoding", "missing-column"}:
        assert "line " in message
    assert Service.objects.count() == 0
