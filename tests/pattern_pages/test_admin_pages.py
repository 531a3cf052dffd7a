"""Creating each page type through the Wagtail editor's form, where the page tree allows it."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from pattern_pages.models import (
    ContentPage,
    HomePage,
    PatternIndexPage,
    ProcessIndexPage,
    ProcessPage,
    ServicePatternPage,
)
from tests import factories
from tests.pattern_pages.admin_forms import edit_url, pattern_form_data, pattern_step, process_form_data


@pytest.fixture
def page_tests(admin_client):
    """Wagtail's page assertions (``assertCanCreate`` and friends), posting as a superuser."""
    case = WagtailPageTestCase()
    case.client = admin_client
    return case


def test_page_tree_rules(page_tests):
    """Each page type can only be created where the library's tree expects it."""
    page_tests.assertAllowedParentPageTypes(HomePage, {Page})
    page_tests.assertAllowedSubpageTypes(HomePage, {PatternIndexPage, ProcessIndexPage, ContentPage})
    page_tests.assertAllowedParentPageTypes(PatternIndexPage, {HomePage})
    page_tests.assertAllowedSubpageTypes(PatternIndexPage, {ServicePatternPage})
    page_tests.assertAllowedParentPageTypes(ProcessIndexPage, {HomePage})
    page_tests.assertAllowedSubpageTypes(ProcessIndexPage, {ProcessPage})
    page_tests.assertAllowedParentPageTypes(ContentPage, {HomePage, ContentPage})
    page_tests.assertAllowedSubpageTypes(ContentPage, {ContentPage})
    page_tests.assertAllowedParentPageTypes(ServicePatternPage, {PatternIndexPage})
    page_tests.assertAllowedSubpageTypes(ServicePatternPage, set())
    page_tests.assertAllowedParentPageTypes(ProcessPage, {ProcessIndexPage})
    page_tests.assertAllowedSubpageTypes(ProcessPage, set())
    page_tests.assertCanNotCreateAt(HomePage, ServicePatternPage)
    page_tests.assertCanNotCreateAt(PatternIndexPage, ProcessPage)


def test_editor_creates_a_home_page(page_tests, home_page):
    """An editor can create the home page at the root of the tree when there is none."""
    # home_page makes the tree's root, which an earlier transactional test's flush may have taken away.
    for home in HomePage.objects.all():
        home.delete()
    root = Page.get_first_root_node()
    data = nested_form_data(
        {
            "title": "Pattern library",
            "slug": "library",
            "introduction": rich_text("<p>Patterns shared by councils.</p>"),
            "comments": inline_formset([]),
        }
    )
    page_tests.assertCanCreate(root, HomePage, data)
    home = HomePage.objects.get(slug="library")
    assert home.live
    assert "shared by councils" in home.introduction


@pytest.mark.parametrize(("model", "title"), [(PatternIndexPage, "Service patterns"), (ProcessIndexPage, "Processes")])
def test_editor_creates_index_pages(page_tests, home_page, model, title):
    """An editor can create the pattern index and the process index under the home page."""
    data = nested_form_data(
        {"title": title, "introduction": rich_text("<p>All of them.</p>"), "comments": inline_formset([])}
    )
    page_tests.assertCanCreate(home_page, model, data)
    page = model.objects.child_of(home_page).get()
    assert page.live
    assert page.title == title


def test_editor_creates_a_content_page(page_tests, home_page):
    """An editor can create a guidance page with a body under the home page."""
    data = nested_form_data(
        {
            "title": "How to contribute",
            "summary": "How your council can add a pattern.",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>Ask for an editor account.</p>")),
                    ("warning_text", {"text": "Do not include personal data."}),
                ]
            ),
            "comments": inline_formset([]),
        }
    )
    page_tests.assertCanCreate(home_page, ContentPage, data)
    page = ContentPage.objects.get(slug="how-to-contribute")
    assert page.live
    assert [block.block_type for block in page.body] == ["paragraph", "warning_text"]


def test_editor_creates_a_process(page_tests, process_index):
    """An editor can create a process with roles, systems, steps, decisions and legislation."""
    page_tests.assertCanCreate(process_index, ProcessPage, process_form_data())
    page = ProcessPage.objects.get(slug="decide-a-grant-application")
    assert page.live
    assert page.step_refs() == ["apply", "decide", "tell-resident"]
    assert [o["next_step"] for o in page.steps[1].value["decision"]["outcomes"]] == ["tell-resident"] * 2
    assert page.legislation[0].value["title"] == "Housing Act 1996"


def test_editor_creates_a_service_pattern(page_tests, pattern_index, process_page):
    """An editor can create a pattern whose step names components and triggers a process step."""
    pattern_type = factories.PatternTypeFactory(slug="apply")
    component = factories.DesignSystemComponentFactory(slug="date-input", name="Date input")
    data = pattern_form_data(
        pattern_type,
        steps=streamfield(
            [("step", pattern_step("Date of birth", components=[component], process_steps=[(process_page, "submit")]))]
        ),
    )
    page_tests.assertCanCreate(pattern_index, ServicePatternPage, data)
    page = ServicePatternPage.objects.get(slug="apply-for-a-grant")
    assert page.live
    assert page.pattern_type == pattern_type
    step = page.steps[0].value
    assert list(step["components"]) == [component]
    assert step["process_steps"][0]["process"].specific == process_page
    assert step["process_steps"][0]["step"] == "submit"
    assert page.research[0].value["rating"] == 2


def test_admin_edit_view_of_a_demo_pattern_loads(admin_client, db):
    """The admin user can open a demo pattern in the editor."""
    call_command("load_demo", "--no-reference-data", stdout=io.StringIO())
    pattern = ServicePatternPage.objects.get(slug="apply-for-a-school-place")
    response = admin_client.get(edit_url(pattern))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Apply for a school place" in content
    assert "Rank your preferred schools" in content
