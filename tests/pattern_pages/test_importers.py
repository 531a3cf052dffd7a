"""The reference-data importers: the real public lists, and malformed files that must import nothing."""

import csv
import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Locale

from pattern_pages.importers import CouncilImporter, reference_data_dir
from pattern_pages.importers.base import Progress
from pattern_pages.models import Council, CouncilType, DesignSystemComponent, Function, Nation, ProvidingTier, Service
from tests import factories

DATA = reference_data_dir()
reference_data = pytest.mark.skipif(DATA is None, reason="../shared/data (the public reference lists) is not here")

LGSL = "esd-lgsl-services-2015.csv"
TIERS = "govuk-publisher-local-services-lgsl-tiers.csv"
LGFL = "esd-lgfl-functions-2013.csv"
COUNCILS = "mysociety-uk-local-authorities-current.csv"
HOMEPAGES = "govuk-local-links-manager-local-authorities.csv"
DESIGN_SYSTEM = "govuk-design-system-patterns-and-components.csv"

LGSL_HEADER = "Identifier,Label,Description,Created,Modified,History notes,Type,\n"
COUNCIL_HEADER = (
    "local-authority-code,official-name,nice-name,gss-code,nation,region,local-authority-type,"
    "county-la,current-authority,gov-uk-slug\n"
)


def run(command, *args, **options):
    """Run an import command and return what it printed."""
    out = io.StringIO()
    call_command(command, *[str(arg) for arg in args], stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def import_error(command, *args, **options):
    """Run an import command that must fail, and return its error message."""
    with pytest.raises(CommandError) as error:
        run(command, *args, **options)
    return str(error.value)


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# The real lists ---------------------------------------------------------------------------------


@pytest.fixture
def real_file():
    def path(name):
        return DATA / name

    return path


@reference_data
@pytest.mark.reference_data
def test_real_lgsl_imports_every_service(db, real_file):
    """The 2015 LGSL file gives 1,519 services, with LGSL 524's real name and description."""
    output = run("import_services", real_file(LGSL))
    assert "1,519 created, 0 updated, 0 unchanged" in output
    assert Service.objects.count() == 1519
    household_waste = Service.objects.get(lgsl_code=524)
    assert household_waste.name == "Household waste collection"
    assert household_waste.description.startswith("The local authority provides a regular")
    assert household_waste.translation_key != Service.objects.get(lgsl_code=372).translation_key


@reference_data
@pytest.mark.reference_data
def test_real_tiers_add_providing_tiers_and_lgsl_1788(db, real_file):
    """GOV.UK's list adds providing tiers and creates LGSL 1788, which the 2015 list lacks."""
    output = run("import_services", real_file(LGSL), tiers=real_file(TIERS))
    assert "1,520 created" in output
    assert "LGSL 1788" in output
    assert Service.objects.get(lgsl_code=524).providing_tier == ProvidingTier.DISTRICT_UNITARY
    assert Service.objects.get(lgsl_code=4).providing_tier == ProvidingTier.COUNTY_UNITARY
    speech = Service.objects.get(lgsl_code=1788)
    assert speech.name == "Support for children who have difficulties with speech, language or communication"
    assert speech.providing_tier == ProvidingTier.COUNTY_UNITARY
    assert Service.objects.exclude(providing_tier="").count() == 117


@reference_data
@pytest.mark.reference_data
def test_real_lists_import_again_unchanged(db, real_file):
    """Importing the same files a second time changes nothing and says so."""
    run("import_services", real_file(LGSL), tiers=real_file(TIERS))
    run("import_functions", real_file(LGFL))
    run("import_councils", real_file(COUNCILS))
    run("import_design_system", real_file(DESIGN_SYSTEM))

    assert "0 created, 0 updated, 1,520 unchanged" in run("import_services", real_file(LGSL), tiers=real_file(TIERS))
    assert "0 created, 0 updated, 113 unchanged" in run("import_functions", real_file(LGFL))
    assert "0 created, 0 updated, 397 unchanged" in run("import_councils", real_file(COUNCILS))
    assert "0 created, 0 updated, 70 unchanged" in run("import_design_system", real_file(DESIGN_SYSTEM))
    assert Service.objects.count() == 1520


@reference_data
@pytest.mark.reference_data
def test_real_lgfl_builds_themes_and_functions(db, real_file):
    """The LGFL file gives 113 entries: themes at the top, each function under its theme."""
    run("import_functions", real_file(LGFL))
    assert Function.objects.count() == 113
    welfare_rights = Function.objects.get(name="Advice and welfare rights")
    assert welfare_rights.parent.name == "Advice and benefits"
    assert welfare_rights.parent.is_theme
    assert not Function.objects.filter(parent__parent__isnull=False).exists()


@reference_data
@pytest.mark.reference_data
def test_real_councils_import_current_ones(db, real_file):
    """By default only current councils are imported, with type, nation, region and parent county."""
    with real_file(COUNCILS).open(encoding="utf-8-sig") as handle:
        current = sum(row["current-authority"] == "True" for row in csv.DictReader(handle))
    output = run("import_councils", real_file(COUNCILS))
    assert f"{current:,} created" in output
    assert Council.objects.count() == current == 397
    essex = Council.objects.get(gss_code="E10000012")
    assert essex.official_name == "Essex County Council"
    assert essex.name == "Essex"
    assert essex.council_type == CouncilType.COUNTY
    assert essex.nation == Nation.ENGLAND
    assert essex.region == "East of England"
    assert essex.website == "https://www.gov.uk/find-local-council/essex"
    brentwood = Council.objects.get(local_authority_code="BRW")
    assert brentwood.council_type == CouncilType.DISTRICT
    assert brentwood.parent_county == essex
    assert Council.objects.get(local_authority_code="CRF").council_type == CouncilType.WELSH_PRINCIPAL_AREA
    assert not Council.objects.filter(is_current=False).exists()


@reference_data
@pytest.mark.reference_data
def test_real_councils_all_includes_past_ones(db, real_file):
    """--all adds past councils as not current, and says which ones have no GSS code to key them on."""
    output = run("import_councils", real_file(COUNCILS), all=True)
    assert "25 past councils have no GSS code" in output
    mendip = Council.objects.get(local_authority_code="MEN")
    assert not mendip.is_current
    assert Council.objects.filter(is_current=True).count() == 397


@reference_data
@pytest.mark.reference_data
def test_real_homepages_give_council_websites(db, real_file):
    """GOV.UK's council list, when given, supplies the councils' own homepages."""
    run("import_councils", real_file(COUNCILS), homepages=real_file(HOMEPAGES))
    assert Council.objects.get(gss_code="E10000012").website == "https://www.essex.gov.uk/"


@reference_data
@pytest.mark.reference_data
def test_real_design_system_list(db, real_file):
    """The Design System list gives its 35 components and 35 patterns, archived ones marked."""
    run("import_design_system", real_file(DESIGN_SYSTEM))
    assert DesignSystemComponent.objects.filter(kind="component").count() == 35
    assert DesignSystemComponent.objects.filter(kind="pattern").count() == 35
    date_input = DesignSystemComponent.objects.get(slug="date-input")
    assert date_input.name == "Date input"
    assert date_input.url == "https://design-system.service.gov.uk/components/date-input/"
    assert DesignSystemComponent.objects.get(slug="task-list-pages").status == "archived"


# Files built here -------------------------------------------------------------------------------


def test_bom_trailing_column_and_multiline_fields_are_read(db, tmp_path):
    """A byte-order mark, the esd lists' trailing empty column and quoted newlines are all handled."""
    path = write(
        tmp_path,
        "lgsl.csv",
        "\ufeff" + LGSL_HEADER + '524,Household waste collection,"Weekly.\nEvery home.",,,,Service,\n'
        "372,Abandoned vehicles,,,,,Service,\n",
    )
    assert "2 created" in run("import_services", path)
    assert Service.objects.get(lgsl_code=524).description == "Weekly.\nEvery home."


def test_a_bad_row_imports_nothing_and_names_line_and_column(db, tmp_path):
    """One bad row stops the whole file, and the message gives its line (counting quoted newlines) and column."""
    path = write(
        tmp_path,
        "lgsl.csv",
        LGSL_HEADER + '524,Household waste collection,"Two\nlines",,,,Service,\nabc,Abandoned vehicles,,,,,Service,\n',
    )
    message = import_error("import_services", path)
    assert 'lgsl.csv, line 4, column "Identifier": "abc" is not a whole number' in message
    assert "Nothing was imported" in message
    assert not Service.objects.exists()


def test_every_bad_row_is_reported(db, tmp_path):
    """All the problems in a file are listed at once, not just the first."""
    path = write(tmp_path, "lgsl.csv", LGSL_HEADER + "1,,,,,,Service,\n2,Fine,,,,,Service,\nx,Bad,,,,,Service,\n")
    message = import_error("import_services", path)
    assert 'line 2, column "Label": is empty' in message
    assert 'line 4, column "Identifier": "x" is not a whole number' in message


def test_a_failed_import_leaves_existing_rows_as_they_were(db, tmp_path):
    """Rows before the bad one are not written: an existing service keeps its name."""
    factories.ServiceFactory(lgsl_code=524, name="Bins")
    path = write(
        tmp_path, "lgsl.csv", LGSL_HEADER + "524,Household waste collection,,,,,Service,\n-1,Bad,,,,,Service,\n"
    )
    import_error("import_services", path)
    assert Service.objects.get(lgsl_code=524).name == "Bins"
    assert Service.objects.count() == 1


def test_missing_columns_are_named(db, tmp_path):
    """A header without the expected columns is refused, naming each missing one."""
    path = write(tmp_path, "lgsl.csv", "Code,Label,Notes\n524,Household waste collection,\n")
    message = import_error("import_services", path)
    assert 'missing the columns "Identifier", "Description"' in message
    assert not Service.objects.exists()


def test_duplicate_keys_give_both_lines(db, tmp_path):
    """A code that appears twice is refused with both line numbers."""
    path = write(
        tmp_path,
        "lgsl.csv",
        LGSL_HEADER + "524,Household waste collection,,,,,Service,\n1,A,,,,,Service,\n524,Bins again,,,,,Service,\n",
    )
    message = import_error("import_services", path)
    assert 'line 4, column "Identifier": 524 is already used on line 2' in message
    assert not Service.objects.exists()


def test_a_row_with_the_wrong_number_of_fields_is_refused(db, tmp_path):
    """A row with more fields than the header is an error, not silently cut short."""
    path = write(tmp_path, "functions.csv", "Identifier,Label,Description,Parent identifiers\n1,Advice,,,2,3\n")
    assert "functions.csv, line 2: has 6 fields but the header has 4" in import_error("import_functions", path)
    assert not Function.objects.exists()


def test_a_file_that_is_not_utf8_is_refused(db, tmp_path):
    """A file saved in another encoding gets a clear message instead of garbled names."""
    path = write(tmp_path, "lgsl.csv", LGSL_HEADER + "1,Caf\xe9 licences,,,,,Service,\n", encoding="latin-1")
    assert "lgsl.csv: is not UTF-8 text" in import_error("import_services", path)


def test_a_missing_file_is_reported(db, tmp_path):
    """A path that does not exist is named in the error."""
    assert "there is no such file" in import_error("import_services", tmp_path / "nope.csv")


def test_a_bad_tier_imports_neither_file(db, tmp_path):
    """A bad row in the tiers file stops the LGSL file too, since both go in one transaction."""
    lgsl = write(tmp_path, "lgsl.csv", LGSL_HEADER + "524,Household waste collection,,,,,Service,\n")
    tiers = write(tmp_path, "tiers.csv", "LGSL,Description,Providing Tier\n524,Find out about bins,district\n")
    message = import_error("import_services", lgsl, tiers=tiers)
    assert 'tiers.csv, line 2, column "Providing Tier": "district" is not one of: county/unitary' in message
    assert not Service.objects.exists()


def test_changed_rows_are_updated_and_unknown_fields_kept(db, tmp_path):
    """A re-import updates what changed and leaves what the file does not set (tier, function) alone."""
    function = factories.FunctionFactory()
    factories.ServiceFactory(lgsl_code=524, name="Bins", providing_tier="district/unitary", function=function)
    factories.ServiceFactory(lgsl_code=372, name="Abandoned vehicles", description="")
    path = write(
        tmp_path,
        "lgsl.csv",
        LGSL_HEADER + "524,Household waste collection,,,,,Service,\n372,Abandoned vehicles,,,,,Service,\n",
    )
    assert "0 created, 1 updated, 1 unchanged" in run("import_services", path)
    service = Service.objects.get(lgsl_code=524)
    assert service.name == "Household waste collection"
    assert service.providing_tier == "district/unitary"
    assert service.function == function


def test_functions_must_have_two_levels(db, tmp_path):
    """A function whose parent is itself a function is refused: the list is theme then function."""
    path = write(
        tmp_path,
        "functions.csv",
        "Identifier,Label,Description,Parent identifiers\n1,Advice,,\n2,Benefits,,1\n3,Housing benefit,,2\n",
    )
    message = import_error("import_functions", path)
    assert 'line 4, column "Parent identifiers": 2 is itself a function within theme 1' in message
    assert not Function.objects.exists()


def test_a_parent_that_does_not_exist_is_refused(db, tmp_path):
    """A parent code that is in neither the file nor the library is named in the error."""
    path = write(tmp_path, "functions.csv", "Identifier,Label,Description,Parent identifiers\n2,Benefits,,99\n")
    message = import_error("import_functions", path)
    assert 'line 2, column "Parent identifiers": there is no function with LGFL code "99"' in message


def test_a_parent_may_come_later_in_the_file(db, tmp_path):
    """Themes listed after their functions are still linked."""
    path = write(
        tmp_path, "functions.csv", "Identifier,Label,Description,Parent identifiers\n2,Benefits,,1\n1,Advice,,\n"
    )
    run("import_functions", path)
    assert Function.objects.get(lgfl_code=2).parent == Function.objects.get(lgfl_code=1)


def test_council_codes_are_checked(db, tmp_path):
    """An unknown council type, nation or parent county is refused with its line and column."""
    path = write(
        tmp_path,
        "councils.csv",
        COUNCIL_HEADER + "ESS,Essex County Council,Essex,E10000012,England,East of England,XYZ,,True,essex\n"
        "BRW,Brentwood Borough Council,Brentwood,E07000068,Englund,East of England,NMD,ESS,True,brentwood\n"
        "CHL,Chelmsford City Council,Chelmsford,E07000070,England,East of England,NMD,ZZZ,True,chelmsford\n",
    )
    message = import_error("import_councils", path)
    assert 'line 2, column "local-authority-type": "XYZ" is not one of: CTY, NMD' in message
    assert 'line 3, column "nation": "Englund" is not one of: England, Wales, Scotland, Northern Ireland' in message
    assert not Council.objects.exists()


def test_a_current_council_needs_a_gss_code(db, tmp_path):
    """A current council without a GSS code is an error, not quietly left out."""
    path = write(tmp_path, "councils.csv", COUNCIL_HEADER + "ESS,Essex County Council,Essex,,England,,CTY,,True,\n")
    assert 'line 2, column "gss-code": is empty' in import_error("import_councils", path)


def test_an_unknown_parent_county_is_refused(db, tmp_path):
    """A district naming a county that is in neither the file nor the library is refused."""
    path = write(
        tmp_path,
        "councils.csv",
        COUNCIL_HEADER + "BRW,Brentwood Borough Council,Brentwood,E07000068,England,,NMD,ESS,True,\n",
    )
    message = import_error("import_councils", path)
    assert 'line 2, column "county-la": there is no council with register code "ESS"' in message


def test_past_councils_mark_existing_ones_as_past(db, tmp_path):
    """Without --all a past council is not added, but one already in the library is marked as past."""
    factories.CouncilFactory(gss_code="E07000187", name="Mendip", is_current=True)
    path = write(
        tmp_path,
        "councils.csv",
        COUNCIL_HEADER + "MEN,Mendip District Council,Mendip,E07000187,England,South West,NMD,,False,mendip\n"
        "TAU,Taunton Deane Borough Council,Taunton Deane,E07000190,England,South West,NMD,,False,\n",
    )
    output = run("import_councils", path)
    assert "0 created, 1 updated, 0 unchanged" in output
    assert "1 past councils left out" in output
    assert not Council.objects.get(gss_code="E07000187").is_current
    assert not Council.objects.filter(gss_code="E07000190").exists()


def test_design_system_urls_and_kinds_are_checked(db, tmp_path):
    """A component with an unknown kind or a URL that is not a web address is refused."""
    path = write(
        tmp_path,
        "ds.csv",
        "type,slug,title,description,theme,aliases,status,url\n"
        "widget,date-input,Date input,,,,current,https://design-system.service.gov.uk/components/date-input/\n"
        "component,button,Button,,,,current,not a url\n",
    )
    message = import_error("import_design_system", path)
    assert 'line 2, column "type": "widget" is not one of: component, pattern' in message
    assert 'line 3, column "url": "not a url" is not a web address' in message
    assert not DesignSystemComponent.objects.exists()


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_shows_only_on_a_terminal():
    """The progress bar is drawn on a terminal and nowhere else (logs stay clean)."""
    terminal, log = FakeTerminal(), io.StringIO()
    for stream in (terminal, log):
        progress = Progress("Importing services", 100, stream)
        for _ in range(100):
            progress.advance()
        progress.finish()
    assert "100/100" in terminal.getvalue()
    assert log.getvalue() == ""


def test_reference_data_dir_follows_the_environment(monkeypatch, tmp_path):
    """REFERENCE_DATA_DIR points the importers' tests and demo at another copy of the lists."""
    monkeypatch.setenv("REFERENCE_DATA_DIR", str(tmp_path))
    assert reference_data_dir() == tmp_path
    monkeypatch.setenv("REFERENCE_DATA_DIR", str(tmp_path / "absent"))
    assert reference_data_dir() is None


def test_reference_data_default_is_next_to_the_project(monkeypatch, settings):
    """Without REFERENCE_DATA_DIR the lists are looked for in ../shared/data beside the project."""
    monkeypatch.delenv("REFERENCE_DATA_DIR", raising=False)
    found = reference_data_dir()
    expected = Path(settings.BASE_DIR).parent / "shared" / "data"
    assert found == (expected if expected.is_dir() else None)


def test_imports_touch_only_the_default_locale(db, tmp_path):
    """A Welsh translation with the same LGSL code is left alone; the English service is the one upserted."""
    welsh = factories.ServiceFactory(
        lgsl_code=524, name="Casglu gwastraff y cartref", locale=Locale.objects.get(language_code="cy")
    )
    path = write(tmp_path, "lgsl.csv", LGSL_HEADER + "524,Household waste collection,,,,,Service,\n")
    assert "1 created" in run("import_services", path)
    welsh.refresh_from_db()
    assert welsh.name == "Casglu gwastraff y cartref"
    assert Service.objects.get(lgsl_code=524, locale=Locale.get_default()).name == "Household waste collection"


def service_queries(context):
    return [query["sql"] for query in context.captured_queries if "pattern_pages_service" in query["sql"]]


def test_import_queries_do_not_grow_with_the_file(db, tmp_path):
    """Services are read and written in bulk: 500 rows take a handful of queries on the table, not one each.

    (Search indexing is left out of the count: that is the search engine's own business.)
    """
    rows = "".join(f"{code},Service {code},,,,,Service,\n" for code in range(1, 501))
    path = write(tmp_path, "lgsl.csv", LGSL_HEADER + rows)
    with CaptureQueriesContext(connection) as first_import:
        run("import_services", path)
    changed = write(tmp_path, "changed.csv", LGSL_HEADER + rows.replace("Service ", "Council service "))
    with CaptureQueriesContext(connection) as second_import:
        assert "0 created, 500 updated" in run("import_services", changed)
    assert Service.objects.filter(name__startswith="Council service").count() == 500
    assert len(service_queries(first_import)) <= 10
    assert len(service_queries(second_import)) <= 10


@pytest.mark.parametrize("character", ["\x00", "\x01", "\x0b"])
def test_a_control_character_is_refused_with_file_line_and_column(db, tmp_path, character):
    """A NUL (or other control character) in a council's name is named by file, line and column; nothing is saved."""
    path = write(
        tmp_path,
        "councils.csv",
        COUNCIL_HEADER
        + "ESS,Essex County Council,Essex,E10000012,England,East of England,CTY,,True,essex\n"
        + f"BRW,Brentwood{character} Borough Council,Brentwood,E07000068,England,East of England,NMD,ESS,True,\n",
    )
    message = import_error("import_councils", path)
    code = f"U+{ord(character):04X}"
    assert f'councils.csv, line 3, column "official-name": has the control character {code} at character 10' in message
    assert not Council.objects.exists()


def test_welsh_names_with_a_control_character_are_refused(db, tmp_path):
    """The Welsh names register names the line and column of a NUL instead of failing in the database."""
    path = write(
        tmp_path,
        "welsh.tsv",
        "principal-local-authority\tname-cy\tofficial-name-cy\tend-date\nCRF\tCaerdydd\x00\tCyngor Caerdydd\t\n",
    )
    message = import_error("import_welsh_council_names", path)
    assert 'welsh.tsv, line 2, column "name-cy": has the control character U+0000 at character 9' in message


# In Welsh ---------------------------------------------------------------------------------------


def test_an_admin_working_in_welsh_reads_the_summary_and_notes_in_welsh(db, tmp_path):
    """With Welsh active the summary, the notes and the progress label are Welsh; the data itself is not touched."""
    path = write(
        tmp_path,
        "councils.csv",
        COUNCIL_HEADER + "ESS,Essex County Council,Essex,E10000012,England,East of England,CTY,,True,essex\n"
        "XXX,Old Council,Old,E07000001,England,,NMD,,False,\n",
    )
    with translation.override("cy"):
        out = run("import_councils", path)
    assert out.splitlines() == [
        "Cynghorau: 1 wedi'u creu, 0 wedi'u diweddaru, 0 heb eu newid.",
        "Gadawyd 1 o gynghorau blaenorol allan (defnyddiwch --all i'w cynnwys).",
    ]
    assert Council.objects.get().official_name == "Essex County Council"
    terminal = FakeTerminal()
    with translation.override("cy"):
        CouncilImporter(path, progress_stream=terminal).run()
    assert terminal.getvalue().startswith("\rMewnforio cynghorau [")


def test_an_admin_working_in_welsh_reads_every_problem_in_welsh(db, tmp_path):
    """A refused file's problems are Welsh: the line and column, and what is wrong with each cell."""
    path = write(
        tmp_path,
        "lgsl.csv",
        LGSL_HEADER + "1,,,,,,Service,\nx,Bad,,,,,Service,\n1,=SUM(A1),,,,,Service,\n2,A,,,,,Service,\n",
    )
    with translation.override("cy"):
        message = import_error("import_services", path)
    assert message.splitlines() == [
        "Ni chafodd dim byd ei fewnforio.",
        'lgsl.csv, llinell 2, colofn "Label": yn wag',
        'lgsl.csv, llinell 3, colofn "Identifier": nid yw "x" yn rhif cyfan',
        'lgsl.csv, llinell 4, colofn "Label": yn dechrau gyda "=", sy\'n ei wneud yn fformiwla taenlen',
    ]
    functions = write(tmp_path, "functions.csv", "Identifier,Label,Description,Parent identifiers\n2,Benefits,,99\n")
    with translation.override("cy"):
        message = import_error("import_functions", functions)
    assert (
        'functions.csv, llinell 2, colofn "Parent identifiers": nid oes swyddogaeth (Cod LGFL "99") yn y ffeil nac yn '
        "y llyfrgell" in message
    )
    header = write(tmp_path, "codes.csv", "Code,Label,Notes\n524,Household waste collection,\n")
    with translation.override("cy"):
        message = import_error("import_services", header)
    assert 'codes.csv: mae\'r colofnau "Identifier", "Description" ar goll o\'r rhes pennawd' in message
    with translation.override("cy"):
        assert "nope.csv: nid oes ffeil o'r fath" in import_error("import_services", tmp_path / "nope.csv")


def test_the_commands_speak_the_sites_language_when_it_is_welsh(db, tmp_path, settings):
    """Run from the command line (no language activated), a command follows ``LANGUAGE_CODE``."""
    settings.LANGUAGE_CODE = "cy"
    translation.deactivate()
    path = write(tmp_path, "lgsl.csv", LGSL_HEADER + "524,Household waste collection,,,,,Service,\n")
    assert run("import_services", path) == "Gwasanaethau: 1 wedi'u creu, 0 wedi'u diweddaru, 0 heb eu newid.\n"


def test_the_english_output_is_as_it_was(db, tmp_path):
    """In English the summary and notes read exactly as before the Welsh was added."""
    path = write(
        tmp_path,
        "councils.csv",
        COUNCIL_HEADER + "ESS,Essex County Council,Essex,E10000012,England,East of England,CTY,,True,essex\n"
        "XXX,Old Council,Old,E07000001,England,,NMD,,False,\n",
    )
    with translation.override("en"):
        assert run("import_councils", path) == (
            "Councils: 1 created, 0 updated, 0 unchanged.\n1 past councils left out (use --all to include them).\n"
        )
