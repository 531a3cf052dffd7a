"""Welsh council names from the register: the command creates and updates cy translations of councils."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Locale

from pattern_pages.importers import reference_data_dir
from pattern_pages.models import Council
from tests import factories

HEADER = "principal-local-authority\tname\tname-cy\tofficial-name\tofficial-name-cy\tstart-date\tend-date\n"


def write_register(tmp_path, rows):
    path = tmp_path / "register.tsv"
    path.write_text(HEADER + "".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
    return path


def run(path):
    out = io.StringIO()
    call_command("import_welsh_council_names", str(path), stdout=out)
    return out.getvalue()


@pytest.fixture
def cardiff(db):
    return factories.CouncilFactory(
        local_authority_code="CRF", official_name="City of Cardiff Council", name="Cardiff", nation="wales"
    )


def test_welsh_names_become_the_councils_welsh_translation(tmp_path, cardiff):
    """A council in the register gets a Welsh copy with the Welsh names; a second run changes nothing."""
    path = write_register(
        tmp_path,
        [
            ["CRF", "Cardiff", "Caerdydd", "City of Cardiff Council", "Cyngor Dinas Caerdydd", "1996-04-01", ""],
            ["XYZ", "Nowhere", "Unman", "Nowhere Council", "Cyngor Unman", "1996-04-01", ""],
        ],
    )
    output = run(path)
    welsh = cardiff.get_translation(Locale.objects.get(language_code="cy"))
    assert (welsh.name, welsh.official_name, welsh.gss_code) == ("Caerdydd", "Cyngor Dinas Caerdydd", cardiff.gss_code)
    assert "1 created" in output and "XYZ" in output

    assert "1 unchanged" in run(path)
    assert Council.objects.filter(gss_code=cardiff.gss_code).count() == 2


def test_a_changed_welsh_name_updates_the_translation(tmp_path, cardiff):
    """When the register's Welsh name changes, the existing Welsh copy is updated, not duplicated."""
    row = ["CRF", "Cardiff", "Caerdydd", "City of Cardiff Council", "Cyngor Caerdydd", "1996-04-01", ""]
    run(write_register(tmp_path, [row]))
    row[4] = "Cyngor Dinas Caerdydd"
    assert "1 updated" in run(write_register(tmp_path, [row]))
    assert Council.objects.get(gss_code=cardiff.gss_code, locale__language_code="cy").official_name == row[4]


def test_a_file_without_the_welsh_columns_is_refused(tmp_path, db):
    """A file that is not the register names the missing columns."""
    path = tmp_path / "wrong.tsv"
    path.write_text("code\tname\nCRF\tCardiff\n", encoding="utf-8")
    with pytest.raises(CommandError, match="name-cy, official-name-cy"):
        run(path)


def test_an_admin_working_in_welsh_reads_the_report_in_welsh(tmp_path, cardiff):
    """With Welsh active the summary, the codes that match no council and a refused file are in Welsh."""
    path = write_register(
        tmp_path,
        [
            ["CRF", "Cardiff", "Caerdydd", "City of Cardiff Council", "Cyngor Dinas Caerdydd", "1996-04-01", ""],
            ["XYZ", "Nowhere", "Unman", "Nowhere Council", "Cyngor Unman", "1996-04-01", ""],
        ],
    )
    with translation.override("cy"):
        output = run(path)
    assert output.splitlines() == [
        "Enwau Cymraeg cynghorau: 1 wedi'u creu, 0 wedi'u diweddaru, 0 heb eu newid.",
        "Nid yw 1 o godau'r gofrestr yn cyfateb i unrhyw gyngor yn y llyfrgell (rhedwch import_councils yn gyntaf): "
        "XYZ",
    ]
    wrong = tmp_path / "wrong.tsv"
    wrong.write_text("code\tname\nCRF\tCardiff\n", encoding="utf-8")
    with translation.override("cy"), pytest.raises(CommandError, match="ai TSV y gofrestr yw hwn"):
        run(wrong)


@pytest.mark.reference_data
@pytest.mark.skipif(reference_data_dir() is None, reason="../shared/data (the public reference lists) is not here")
def test_the_real_register_names_cardiff_in_welsh(cardiff):
    """The GOV.UK register gives Cardiff its Welsh name."""
    run(reference_data_dir() / "register-principal-local-authority-wls-2018.tsv")
    assert cardiff.get_translation(Locale.objects.get(language_code="cy")).name == "Caerdydd"
