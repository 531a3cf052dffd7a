"""The demo library that ``make run`` loads: believable, complete, published, and safe to load twice."""

import csv
import io

import pytest
from django.core.management import call_command, get_commands
from wagtail.models import Locale, Page, Revision

from pattern_pages import models
from pattern_pages.demo import loader, patterns, processes, taxonomy
from pattern_pages.management.commands.load_demo import default_reference_data

REFERENCE_DATA = default_reference_data()
needs_reference_data = pytest.mark.skipif(
    not REFERENCE_DATA.is_dir(), reason=f"reference data folder {REFERENCE_DATA} is absent"
)


def load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", "--no-reference-data", *args, stdout=out)
    return out.getvalue()


def snapshot():
    """Everything a second load could change: row counts, revisions and what is live."""
    return {
        "counts": {
            model.__name__: model.objects.count()
            for model in [
                models.PatternType,
                models.LifeEvent,
                models.Service,
                models.Council,
                models.DesignSystemComponent,
                Page,
                Revision,
            ]
        },
        "live_revisions": sorted(Page.objects.values_list("pk", "live_revision_id", "latest_revision_id")),
        "services": sorted(models.Service.objects.values_list("lgsl_code", "name", "description", "providing_tier")),
        "life_event_links": sorted(
            models.Service.life_events.through.objects.values_list("service_id", "lifeevent_id")
        ),
    }


def test_demo_builds_a_believable_library(client, db):
    """12+ live patterns of all 7 types, 8+ processes, 40+ services, 10+ life events, 20+ councils, all listed."""
    load_demo()
    patterns_ = models.ServicePatternPage.objects.live()
    assert patterns_.count() >= 12
    assert set(patterns_.values_list("pattern_type__slug", flat=True)) == {
        "apply", "book", "check", "pay", "register", "request", "tell",
    }  # fmt: skip
    assert models.ProcessPage.objects.live().count() >= 8
    assert models.Service.objects.count() >= 40
    assert models.LifeEvent.objects.count() >= 10
    assert models.Council.objects.count() >= 20
    assert not Page.objects.filter(depth__gt=1, live=False).exists()
    assert not Page.objects.filter(depth__gt=1, has_unpublished_changes=True).exists()
    essex = models.Council.objects.get(gss_code="E10000012")
    assert essex.official_name == "Essex County Council"
    assert essex.districts.filter(official_name="Chelmsford City Council").exists()
    assert models.Council.objects.filter(nation="wales").count() >= 2
    assert models.Council.objects.filter(nation="scotland").count() >= 2
    assert models.Service.objects.get(lgsl_code=524).name == "Household waste collection"

    school = models.ServicePatternPage.objects.get(slug="apply-for-a-school-place")
    versions = [revision.content["version"] for revision in school.revisions.order_by("created_at", "pk")]
    assert versions[:2] == ["1.0.0", "2.0.0"], "some pages should have a revision history"
    assert versions[-1] == school.version == "2.1.0"

    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert any(page.title in html for page in patterns_), "the home page should list demo patterns"
    for pattern_type in models.PatternType.objects.all():
        assert pattern_type.name in html
    response = client.get(models.PatternIndexPage.objects.get().url)
    assert response.status_code == 200
    html = response.content.decode()
    for page in patterns_:
        assert page.title in html


def test_demo_patterns_are_fully_written_and_linked_to_processes(db):
    """Each pattern fills every section with 4–8 steps naming components; its steps point at real process steps."""
    load_demo()
    for page in models.ServicePatternPage.objects.all():
        for field in ["summary", "when_to_use", "when_not_to_use", "how_it_works", "user_needs", "variants"]:
            assert getattr(page, field), f"{page.slug} has no {field}"
        assert page.accessibility and page.research, page.slug
        assert page.services.exists() and page.owner_council and page.review_by, page.slug
        assert 4 <= len(page.steps) <= 8, page.slug
        assert all(step.value["components"] for step in page.steps), page.slug
    linked = set()
    for page in models.ServicePatternPage.objects.all():
        for step in page.steps:
            for reference in step.value["process_steps"]:
                process = reference["process"].specific
                assert reference["step"] in process.step_refs()
                linked.add(process.slug)
    processes_ = models.ProcessPage.objects.all()
    assert linked == set(processes_.values_list("slug", flat=True))
    for process in processes_:
        assert process.roles and process.systems and process.data_held and process.performance_measures
        assert process.supported_patterns, process.slug
        assert all(law.value["url"].startswith("https://www.legislation.gov.uk/") for law in process.legislation)
        process.full_clean()  # roles, systems, legislation titles and decisions all fit


def test_loading_the_demo_twice_changes_nothing(db):
    """A second load creates no rows and no revisions, and says that nothing changed."""
    load_demo()
    before = snapshot()
    output = load_demo()
    assert snapshot() == before
    assert "created" not in output and "updated" not in output


def test_demo_taxonomy_keeps_what_is_already_there(db):
    """The demo fills in empty fields of existing rows but never overwrites them (an importer's or an editor's)."""
    models.Service.objects.create(
        locale=Locale.get_default(), lgsl_code=524, name="Household waste collection", description="Imported text."
    )
    loader.load_taxonomy(Locale.get_default(), loader.Summary())
    service = models.Service.objects.get(lgsl_code=524)
    assert service.description == "Imported text."
    assert service.providing_tier == "district/unitary"
    assert models.Service.objects.filter(lgsl_code=524).count() == 1


@pytest.mark.reference_data
@needs_reference_data
def test_demo_codes_and_names_match_the_official_lists():
    """Every LGSL code, GSS code and Design System slug in the demo is real, with its official name."""
    with open(REFERENCE_DATA / "esd-lgsl-services-2015.csv", encoding="utf-8") as f:
        lgsl = {int(row["Identifier"]): row["Label"] for row in csv.DictReader(f)}
    for row in taxonomy.SERVICES:
        assert lgsl.get(row.lgsl_code) == row.name, row
    with open(REFERENCE_DATA / "mysociety-uk-local-authorities-current.csv", encoding="utf-8") as f:
        councils = {row["gss-code"]: row for row in csv.DictReader(f)}
    for row in taxonomy.COUNCILS:
        official = councils[row.gss_code]
        assert official["official-name"] == row.official_name, row
        assert official["current-authority"] == "True", row
        if row.parent_county:
            assert councils[row.parent_county]["local-authority-code"] == official["county-la"], row
    with open(REFERENCE_DATA / "govuk-design-system-patterns-and-components.csv", encoding="utf-8") as f:
        components = {row["slug"]: row for row in csv.DictReader(f)}
    for row in taxonomy.COMPONENTS:
        assert (components[row.slug]["title"], components[row.slug]["url"]) == (row.name, row.url), row
    used = {code for spec in patterns.PATTERNS + processes.PROCESSES for code in spec["services"]}
    assert used <= {row.lgsl_code for row in taxonomy.SERVICES}


@pytest.mark.reference_data
@needs_reference_data
@pytest.mark.skipif(
    not {"import_services", "import_councils"} <= set(get_commands()), reason="the importers have not landed yet"
)
def test_demo_merges_with_the_imported_lists(db):
    """With the official lists imported, the demo adds no duplicate services or councils, and loads twice cleanly."""
    call_command("load_demo", "--reference-data", str(REFERENCE_DATA), stdout=io.StringIO())
    with open(REFERENCE_DATA / "esd-lgsl-services-2015.csv", encoding="utf-8") as f:
        lgsl_codes = {int(row["Identifier"]) for row in csv.DictReader(f)}
    with open(REFERENCE_DATA / "govuk-publisher-local-services-lgsl-tiers.csv", encoding="utf-8") as f:
        lgsl_codes |= {int(row["LGSL"]) for row in csv.DictReader(f)}
    assert models.Service.objects.count() == len(lgsl_codes)
    assert models.ServicePatternPage.objects.live().count() >= 12
    assert models.Council.objects.filter(gss_code="E10000012").count() == 1
    before = snapshot()
    call_command("load_demo", "--reference-data", str(REFERENCE_DATA), stdout=io.StringIO())
    assert snapshot() == before
