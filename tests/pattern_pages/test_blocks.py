"""Every validation rule of the pattern and process blocks: through ``clean()``/``full_clean()`` and through
the page editor, where each problem must show on the field at fault and nothing may be saved."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from pattern_pages import blocks
from pattern_pages.models import ProcessPage, ServicePatternPage
from tests import factories
from tests.pattern_pages.admin_forms import (
    add_url,
    block_errors,
    edit_url,
    form_errors,
    pattern_form_data,
    pattern_step,
    process_form_data,
    publish,
    streamfield,
)

ROLE = "is not one of this process's roles"
SYSTEM = "is not one of this process's systems"
LEGISLATION_TITLE = "is not the title of one of this process's legislation entries"
DUPLICATE_REF = "Another step already uses the reference"
MISSING_STEP = "The decision points at steps that do not exist"
LEGISLATION_URL = "Link to the legislation on www.legislation.gov.uk"
RATING = "The research rating must be 0, 1, 2 or 3"
REF_FORMAT = "Use lower-case letters, numbers and single hyphens"
SEMVER = "Use a semantic version"
NOT_A_STEP = "is not a step of"


def clean_errors(block, value, prefix=""):
    """Run ``block.clean`` on raw ``value`` and return its flattened errors ({} when it is valid)."""
    try:
        block.clean(block.to_python(value))
    except ValidationError as error:
        return block_errors(error, prefix)
    return {}


def full_clean_errors(page):
    try:
        page.full_clean()
    except ValidationError as error:
        return block_errors(error, "")
    return {}


def assert_one_error(errors, path, fragment):
    """Exactly one field has an error, and its message says what is wrong."""
    assert list(errors) == [path], errors
    assert any(fragment in message for message in errors[path]), errors


# ----- blocks on their own ----------------------------------------------------------------------


def research_value(rating):
    return {
        "method": "interviews",
        "date": "2026-01-10",
        "participants": 6,
        "findings": "<p>People found it.</p>",
        "rating": rating,
    }


@pytest.mark.parametrize("rating", [-1, 4, 10])
def test_research_rating_outside_0_to_3_is_refused(rating):
    """A research rating outside 0–3 is refused on the rating field."""
    errors = clean_errors(blocks.ResearchBlock(), research_value(rating))
    assert_one_error(errors, ".rating", RATING)


@pytest.mark.parametrize("rating", [0, 1, 2, 3])
def test_research_rating_from_0_to_3_is_accepted(rating):
    """Ratings 0, 1, 2 and 3 are all valid."""
    assert clean_errors(blocks.ResearchBlock(), research_value(rating)) == {}


@pytest.mark.parametrize(
    "url",
    [
        "https://www.gov.uk/government/publications/school-admissions-code",
        "https://legislation.gov.uk.example.com/ukpga/1998/31/section/86",
        "https://www.legislation.gov.uk/",
        "ftp://www.legislation.gov.uk/ukpga/1998/31",
    ],
)
def test_legislation_url_not_on_legislation_gov_uk_is_refused(url):
    """Legislation must link to a page on legislation.gov.uk; the error is on the URL field."""
    value = {"title": "School Standards and Framework Act 1998", "section": "", "url": url, "duty_or_power": "duty"}
    errors = clean_errors(blocks.LegislationBlock(), value)
    assert_one_error(errors, ".url", LEGISLATION_URL)


def test_legislation_url_on_legislation_gov_uk_is_accepted():
    """A legislation.gov.uk section URL is valid."""
    value = {
        "title": "School Standards and Framework Act 1998",
        "section": "section 86",
        "url": "https://www.legislation.gov.uk/ukpga/1998/31/section/86",
        "duty_or_power": "duty",
    }
    assert clean_errors(blocks.LegislationBlock(), value) == {}


@pytest.mark.parametrize("ref", ["Check Eligibility", "check_eligibility", "-check", "check--eligibility", "CHECK"])
def test_process_step_ref_in_a_bad_format_is_refused(ref):
    """A step reference must be lower-case words joined by single hyphens."""
    errors = clean_errors(blocks.ProcessStepBlock(), factories.process_step(ref, "Check", "Officer"))
    assert_one_error(errors, ".ref", REF_FORMAT)


def test_decision_next_step_in_a_bad_format_is_refused():
    """A decision's next step is a reference too, and is checked the same way."""
    value = factories.process_step(
        "check", "Check", "Officer", decision={"question": "OK?", "outcomes": [{"answer": "Yes", "next_step": "Pay"}]}
    )
    errors = clean_errors(blocks.ProcessStepBlock(), value)
    assert_one_error(errors, ".decision.outcomes.0.next_step", REF_FORMAT)


def test_process_step_reference_to_a_step_the_process_lacks_is_refused(process_page):
    """A pattern step cannot trigger a process step that the chosen process does not have."""
    errors = clean_errors(blocks.ProcessStepReferenceBlock(), {"process": process_page.pk, "step": "approve"})
    assert_one_error(errors, ".step", NOT_A_STEP)
    assert "Its steps are: decide, submit." in errors[".step"][0]


def test_process_step_reference_to_an_existing_step_is_accepted(process_page):
    """Pointing at one of the process's steps is valid."""
    assert clean_errors(blocks.ProcessStepReferenceBlock(), {"process": process_page.pk, "step": "decide"}) == {}


# ----- whole pages (full_clean) -----------------------------------------------------------------


def build_process(parent, steps):
    """A saved process with two roles, one system and one legislation entry, then given ``steps`` unsaved."""
    page = factories.ProcessPageFactory(
        parent=parent,
        systems=[("system", {"name": "Grants system", "description": ""})],
        legislation=[
            (
                "legislation",
                {
                    "title": "Housing Act 1996",
                    "section": "",
                    "url": "https://www.legislation.gov.uk/ukpga/1996/52/section/166A",
                    "duty_or_power": "duty",
                },
            )
        ],
    )
    page.steps = [("step", step) for step in steps]
    return page


def outcome(next_step):
    return {"question": "Approved?", "outcomes": [{"answer": "Yes", "next_step": next_step}]}


PROCESS_STEP_CASES = {
    "unknown role": (
        [factories.process_step("submit", "Submit", "Applicant")],
        "steps.0.role",
        ROLE,
    ),
    "unknown system": (
        [factories.process_step("submit", "Submit", "Resident", system="Spreadsheet")],
        "steps.0.system",
        SYSTEM,
    ),
    "unknown legislation title": (
        [factories.process_step("submit", "Submit", "Resident", legislation="Housing Act 1985")],
        "steps.0.legislation",
        LEGISLATION_TITLE,
    ),
    "duplicate step ref": (
        [
            factories.process_step("submit", "Submit", "Resident"),
            factories.process_step("submit", "Submit again", "Caseworker"),
        ],
        "steps.1.ref",
        DUPLICATE_REF,
    ),
    "decision pointing at a missing step": (
        [factories.process_step("decide", "Decide", "Caseworker", decision=outcome("pay-grant"))],
        "steps.0.decision",
        MISSING_STEP,
    ),
    "next step that does not exist": (
        [factories.process_step("submit", "Submit", "Resident", next_step="pay-grant")],
        "steps.0.next_step",
        "'pay-grant' is not a step of this process",
    ),
    "next step and an end outcome both": (
        [
            factories.process_step("submit", "Submit", "Resident", next_step="decide", end_outcome="Done"),
            factories.process_step("decide", "Decide", "Caseworker"),
        ],
        "steps.0.end_outcome",
        "not both",
    ),
    "step nothing leads to": (
        [
            factories.process_step("submit", "Submit", "Resident", end_outcome="Withdrawn"),
            factories.process_step("decide", "Decide the grant", "Caseworker"),
        ],
        "steps.1.ref",
        "No step leads to 'Decide the grant' (decide)",
    ),
    "answer that leads nowhere": (
        [
            factories.process_step(
                "decide",
                "Decide",
                "Caseworker",
                decision={"question": "Approved?", "outcomes": [{"answer": "Yes", "next_step": ""}]},
            )
        ],
        "steps.0.decision",
        "The answer 'Yes' leads nowhere",
    ),
    "decision without its question": (
        [
            factories.process_step(
                "decide",
                "Decide",
                "Caseworker",
                decision={"question": "", "outcomes": [{"answer": "Yes", "end_outcome": "Paid"}]},
            )
        ],
        "steps.0.decision",
        "Write the question this decision answers",
    ),
}


@pytest.mark.parametrize("case", PROCESS_STEP_CASES)
def test_process_full_clean_refuses_steps_that_do_not_fit_the_process(process_index, case):
    """Each cross-block problem in a process's steps is reported on the step and field at fault."""
    steps, path, fragment = PROCESS_STEP_CASES[case]
    assert_one_error(full_clean_errors(build_process(process_index, steps)), path, fragment)


def test_process_full_clean_names_every_step_of_a_loop_with_no_way_out(process_index):
    """A loop that never reaches an end is a dead end, reported on each of its steps by name."""
    steps = [
        factories.process_step("submit", "Submit", "Resident", next_step="check"),
        factories.process_step("check", "Check the claim", "Caseworker", next_step="decide"),
        factories.process_step("decide", "Decide the grant", "Caseworker", next_step="check"),
    ]
    errors = full_clean_errors(build_process(process_index, steps))
    assert sorted(errors) == ["steps.0.next_step", "steps.1.next_step", "steps.2.next_step"]
    assert "'Decide the grant' (decide) is a dead end" in errors["steps.2.next_step"][0]


def test_process_full_clean_accepts_steps_that_fit(process_index):
    """Roles, systems, legislation and decisions that the process defines are all accepted."""
    steps = [
        factories.process_step("submit", "Submit", "Resident", system="Grants system"),
        factories.process_step(
            "decide",
            "Decide",
            "Caseworker",
            legislation="Housing Act 1996",
            decision={
                "question": "Approved?",
                "outcomes": [
                    {"answer": "More evidence needed", "next_step": "submit"},
                    {"answer": "Yes", "next_step": "", "end_outcome": "Grant paid"},
                ],
            },
        ),
    ]
    assert full_clean_errors(build_process(process_index, steps)) == {}


def test_process_full_clean_refuses_a_legislation_url_elsewhere(process_index):
    """Saving a process checks its legislation blocks too, not only the editor's form."""
    page = build_process(process_index, [factories.process_step("submit", "Submit", "Resident")])
    page.legislation = [
        ("legislation", {"title": "Housing Act 1996", "section": "", "url": "https://example.com/housing-act"})
    ]
    assert_one_error(full_clean_errors(page), "legislation.0.url", LEGISLATION_URL)


def test_process_full_clean_refuses_a_bad_version_and_research_rating(process_index):
    """A process's version is MAJOR.MINOR.PATCH and its research ratings 0 to 3, as a pattern's are."""
    page = factories.ProcessPageFactory(parent=process_index)
    page.version = "2"
    assert_one_error(full_clean_errors(page), "version", SEMVER)
    page.version = "2.0.0"
    value = research_value(7)
    value["date"] = datetime.date(2026, 1, 10)
    page.research = [("research", value)]
    assert_one_error(full_clean_errors(page), "research.0.rating", RATING)


def test_pattern_full_clean_refuses_a_bad_semantic_version(pattern_index):
    """A version that is not MAJOR.MINOR.PATCH is refused on the version field."""
    page = factories.ServicePatternPageFactory(parent=pattern_index)
    page.version = "1.2"
    assert_one_error(full_clean_errors(page), "version", SEMVER)


def test_pattern_full_clean_refuses_a_research_rating_outside_0_to_3(pattern_index):
    """Saving a pattern runs its research blocks' validation."""
    value = research_value(5)
    value["date"] = datetime.date(2026, 1, 10)
    page = factories.ServicePatternPageFactory(parent=pattern_index)
    page.research = [("research", value)]
    assert_one_error(full_clean_errors(page), "research.0.rating", RATING)


def test_pattern_full_clean_refuses_a_process_step_the_process_lacks(pattern_index, process_page):
    """A pattern step's process-step reference must exist in the chosen process."""
    component = factories.DesignSystemComponentFactory()
    step = {
        "title": "Your details",
        "user_action": "Enters their details.",
        "components": [component],
        "content_guidance": "",
        "process_steps": [{"process": process_page, "step": "approve"}],
    }
    page = factories.ServicePatternPageFactory(parent=pattern_index)
    page.steps = [("step", step)]
    assert_one_error(full_clean_errors(page), "steps.0.process_steps.0.step", NOT_A_STEP)


# ----- through the page editor ------------------------------------------------------------------

# (form field, bad value, error path, message)
PROCESS_FORM_CASES = {
    "unknown role": ("steps-0-value-role", "Applicant", "steps.0.role", ROLE),
    "unknown system": ("steps-0-value-system", "Spreadsheet", "steps.0.system", SYSTEM),
    "unknown legislation title": (
        "steps-1-value-legislation",
        "Housing Act 1985",
        "steps.1.legislation",
        LEGISLATION_TITLE,
    ),
    "duplicate step ref": ("steps-1-value-ref", "apply", "steps.1.ref", DUPLICATE_REF),
    "decision pointing at a missing step": (
        "steps-1-value-decision-outcomes-0-value-next_step",
        "pay-grant",
        "steps.1.decision",
        MISSING_STEP,
    ),
    "legislation URL elsewhere": (
        "legislation-0-value-url",
        "https://www.gov.uk/housing",
        "legislation.0.url",
        LEGISLATION_URL,
    ),
    "bad ref format": ("steps-0-value-ref", "Apply Now", "steps.0.ref", REF_FORMAT),
}


@pytest.fixture
def grant_process(admin_client, process_index):
    """A valid process created through the editor."""
    response = admin_client.post(add_url(ProcessPage, process_index), publish(process_form_data()))
    assert response.status_code == 302
    return ProcessPage.objects.get(slug="decide-a-grant-application")


def assert_refused(response, path, fragment):
    assert response.status_code == 200, "the editor should show the form again, not redirect"
    errors = form_errors(response)
    assert path in errors, errors
    assert any(fragment in message for message in errors[path]), errors


@pytest.mark.parametrize("case", PROCESS_FORM_CASES)
def test_process_editor_refuses_bad_blocks_on_edit(admin_client, grant_process, case):
    """Editing a process with a bad block shows the message on that field and saves nothing."""
    key, value, path, fragment = PROCESS_FORM_CASES[case]
    data = process_form_data()
    data[key] = value
    revisions = grant_process.revisions.count()
    response = admin_client.post(edit_url(grant_process), publish(data))
    assert_refused(response, path, fragment)
    grant_process.refresh_from_db()
    assert grant_process.revisions.count() == revisions
    assert [step.value["ref"] for step in grant_process.steps] == ["apply", "decide", "tell-resident"]
    assert grant_process.steps[0].value["role"] == "Resident"
    assert grant_process.legislation[0].value["url"].startswith("https://www.legislation.gov.uk/")


@pytest.mark.parametrize("case", PROCESS_FORM_CASES)
def test_process_editor_refuses_bad_blocks_on_create(admin_client, process_index, case):
    """Creating a process with a bad block shows the message on that field and creates no page."""
    key, value, path, fragment = PROCESS_FORM_CASES[case]
    data = process_form_data()
    data[key] = value
    response = admin_client.post(add_url(ProcessPage, process_index), publish(data))
    assert_refused(response, path, fragment)
    assert not ProcessPage.objects.exists()


@pytest.fixture
def grant_pattern(admin_client, pattern_index, grant_process):
    """A valid pattern created through the editor, whose step triggers the grant process's first step."""
    pattern_type = factories.PatternTypeFactory()
    data = pattern_form_data(
        pattern_type,
        steps=streamfield([("step", pattern_step("Your details", process_steps=[(grant_process, "apply")]))]),
    )
    response = admin_client.post(add_url(ServicePatternPage, pattern_index), publish(data))
    assert response.status_code == 302, form_errors(response)
    return ServicePatternPage.objects.get(slug="apply-for-a-grant")


PATTERN_FORM_CASES = {
    "research rating outside 0-3": ("research-0-value-rating", "4", "research.0.rating", RATING),
    "bad semantic version": ("version", "1.0", "version", SEMVER),
    "process step the process lacks": (
        "steps-0-value-process_steps-0-value-step",
        "approve",
        "steps.0.process_steps.0.step",
        NOT_A_STEP,
    ),
    "process step ref in a bad format": (
        "steps-0-value-process_steps-0-value-step",
        "Apply",
        "steps.0.process_steps.0.step",
        REF_FORMAT,
    ),
}


@pytest.mark.parametrize("case", PATTERN_FORM_CASES)
def test_pattern_editor_refuses_bad_blocks_on_edit(admin_client, grant_pattern, grant_process, case):
    """Editing a pattern with a bad field shows the message on that field and saves nothing."""
    key, value, path, fragment = PATTERN_FORM_CASES[case]
    data = pattern_form_data(
        grant_pattern.pattern_type,
        steps=streamfield([("step", pattern_step("Your details", process_steps=[(grant_process, "apply")]))]),
    )
    data[key] = value
    revisions = grant_pattern.revisions.count()
    response = admin_client.post(edit_url(grant_pattern), publish(data))
    assert_refused(response, path, fragment)
    grant_pattern.refresh_from_db()
    assert grant_pattern.revisions.count() == revisions
    assert grant_pattern.version == "1.0.0"
    assert grant_pattern.research[0].value["rating"] == 2
    assert grant_pattern.steps[0].value["process_steps"][0]["step"] == "apply"


def test_validating_chosen_objects_loaded_from_the_database_runs_no_query(pattern_index, process_page):
    """Components and pages that bulk_to_python loaded are not fetched again, one query each, to be cleaned."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    components = factories.DesignSystemComponentFactory.create_batch(3)
    page = factories.ServicePatternPageFactory(
        parent=pattern_index,
        steps=[
            ("step", {"title": f"Step {n}", "user_action": "Acts", "components": components, "process_steps": []})
            for n in range(4)
        ],
        related=[("process", process_page)],
    )
    page = ServicePatternPage.objects.get(pk=page.pk)
    steps, related = list(page.steps), list(page.related)  # loads the chosen objects, one query per type
    assert steps and related
    with CaptureQueriesContext(connection) as captured:
        page.full_clean()
    chooser_tables = ("pattern_pages_designsystemcomponent", "pattern_pages_processpage")
    assert not [q for q in captured.captured_queries if any(table in q["sql"] for table in chooser_tables)]


def test_a_chosen_id_or_a_deleted_object_is_still_checked(db):
    """An id is looked up as Wagtail does, and one that no longer exists is refused."""
    component = factories.DesignSystemComponentFactory()
    chooser = blocks.PatternStepBlock().child_blocks["components"].child_block
    assert chooser.clean(component.pk) == component
    pk = component.pk
    component.delete()
    with pytest.raises(ValidationError):
        chooser.clean(pk)


# The pattern and process blocks an editor sees a preview of (tests/pattern_pages/test_welsh_block_previews.py
# checks the same blocks' samples in Welsh).
PREVIEWED_BLOCKS = [
    blocks.InsetTextBlock,
    blocks.WarningTextBlock,
    blocks.DetailsBlock,
    blocks.UserNeedBlock,
    blocks.PatternStepBlock,
    blocks.VariantBlock,
    blocks.ResearchBlock,
    blocks.RoleBlock,
    blocks.SystemBlock,
    blocks.ProcessStepBlock,
    blocks.LegislationBlock,
    blocks.DataItemBlock,
    blocks.PerformanceMeasureBlock,
]


@pytest.mark.parametrize("block_class", PREVIEWED_BLOCKS)
def test_blocks_have_a_preview_that_validates_and_renders(block_class, db):
    """Wagtail's block chooser shows a preview of each block: its preview value is valid and renders."""
    block = block_class()
    block.set_name("preview")
    assert block.is_previewable
    value = block.get_preview_value()
    block.clean(value)
    assert block.render(value).strip()
