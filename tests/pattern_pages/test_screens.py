"""Screens in the content model: validation naming the field, components derived from screens, HTML kept
in the revision and never rendered per request."""

from unittest import mock

import pytest
from django.core.exceptions import ValidationError

from pattern_pages.screens import render
from pattern_pages.screens.blocks import ScreenBlock, ScreenComponentsBlock
from tests import factories
from tests.pattern_pages import screen_values as sv
from tests.pattern_pages.test_blocks import clean_errors, full_clean_errors

needs_node = pytest.mark.skipif(
    not (render.SCRIPT.parent.parent / "node_modules" / "nunjucks").exists(), reason="npm packages not installed"
)


def component_errors(block_type, value):
    return clean_errors(ScreenComponentsBlock(), [{"type": block_type, "value": value}])


def messages(errors):
    return [message for values in errors.values() for message in values]


@pytest.mark.parametrize(
    ("items", "fragment"),
    [
        ([sv.item("", "England")], "Radios: each item needs a value (item 1 has none)."),
        ([sv.item("england", "England"), sv.item("wales", "")], "Radios: each item needs text (item 2 has none)."),
        ([sv.item("a", "A"), sv.item("a", "Also A")], "Radios: each item needs its own value ('a' is used twice)."),
    ],
)
def test_radio_items_need_a_value_and_text(items, fragment):
    """A radio item without a value or text, or a repeated value, is refused on the items field, named."""
    errors = component_errors("radios", sv.radios("where", "Where?", items)["value"])
    assert list(errors) == [".0.items"], errors
    assert fragment in messages(errors)


def test_a_divider_needs_no_value():
    """An 'or' divider is an item with only its divider text."""
    items = [sv.item("a", "A"), sv.item("", "", divider="or"), sv.item("b", "B")]
    assert component_errors("radios", sv.radios("where", "Where?", items)["value"]) == {}


def test_checkbox_items_are_named_checkboxes_in_errors():
    """Checkboxes say 'Checkboxes:' in their messages."""
    errors = component_errors("checkboxes", sv.radios("which", "Which?", [sv.item("", "A")])["value"])
    assert "Checkboxes: each item needs a value (item 1 has none)." in messages(errors)


@pytest.mark.parametrize(
    ("block_type", "value", "field", "fragment"),
    [
        ("character_count", {"name": "why", "label": sv.label("Why?")}, "maxlength", "Character count: set the most"),
        ("text_input", {"name": "1bad name", "label": sv.label("Name")}, "name", "Use letters, numbers"),
        ("button", {"text": "Start now", "isStartButton": True}, "href", "Button: a start button links"),
        ("button", {"text": "Go", "href": "javascript:alert(1)"}, "href", "Button: a link must start with"),
        (
            "error_summary",
            {"titleText": "There is a problem", "errorList": [{"text": "Enter a name", "href": "name"}]},
            "errorList",
            "Error summary: each error links",
        ),
        ("table", {"head": ["A", "B"], "rows": [{"cells": ["1"]}]}, "rows", "Table: row 1 has 1 cells"),
    ],
)
def test_component_rules_name_the_field(block_type, value, field, fragment):
    """Each component's own rules are refused on the field at fault, saying which component."""
    errors = component_errors(block_type, value)
    assert list(errors) == [f".0.{field}"], errors
    assert any(fragment in message for message in messages(errors)), errors


def test_two_questions_on_a_screen_cannot_share_a_name():
    """Two components sending the same form field are refused on the screen's components."""
    value = sv.screen("Your name", sv.text_input("name", "First"), sv.text_input("name", "Last"))
    errors = clean_errors(ScreenBlock(), value)
    assert list(errors) == [".components"], errors
    assert "two questions use the name 'name'" in messages(errors)[0]


@pytest.mark.django_db
def test_an_unknown_component_is_refused_naming_it(pattern_index):
    """Stored data with a component the library does not support is refused, not silently dropped."""
    from pattern_pages.screens.blocks import unknown_components

    raw = [sv.step("Contact", sv.screen("Hi", {"type": "marquee", "value": {"text": "Hello"}}))]
    assert unknown_components(raw) == ["step 1, screen 1: 'marquee' is not a supported component"]


@needs_node
@pytest.mark.django_db
def test_step_components_are_derived_from_its_screens(pattern_index):
    """A step with screens lists the components its screens use, keeping the design patterns chosen by hand."""
    radios = factories.DesignSystemComponentFactory(slug="radios", name="Radios")
    button = factories.DesignSystemComponentFactory(slug="button", name="Button")
    text_input = factories.DesignSystemComponentFactory(slug="text-input", name="Text input")
    unused = factories.DesignSystemComponentFactory(slug="table", name="Table")
    pattern = factories.DesignSystemComponentFactory(slug="question-pages", name="Question pages", kind="pattern")
    page = factories.ServicePatternPageFactory(
        parent=pattern_index, steps=[sv.step("Contact", sv.contact_screen(), components=[unused, pattern])]
    )
    page.refresh_from_db()
    names = [component.name for component in page.steps[0].value["components"]]
    assert names == ["Question pages", "Radios", "Text input", "Button"]
    assert page.component_ids() == {radios.pk, button.pk, text_input.pk, pattern.pk}


@needs_node
@pytest.mark.django_db
def test_rendered_html_is_kept_in_the_revision_and_not_rendered_per_request(client, pattern_index):
    """Saving renders the screens into the revision; serving the page starts no Node process."""
    page = factories.ServicePatternPageFactory(parent=pattern_index, steps=[sv.step("Contact", sv.contact_screen())])
    revision = page.save_revision()
    revision.publish()
    stored = revision.as_object().rendered_screens
    assert len(stored) == 1
    assert 'class="govuk-radios"' in next(iter(stored.values()))
    with mock.patch("subprocess.run", side_effect=AssertionError("Node was called while serving")):
        response = client.get(page.url)
        example = client.get(page.url + "screens/1/")
    assert response.status_code == 200
    assert example.status_code == 200
    assert b'class="govuk-radios__conditional govuk-radios__conditional--hidden"' in example.content


@needs_node
@pytest.mark.django_db
def test_unchanged_screens_are_not_rendered_again(pattern_index):
    """Saving again with the same screens reuses the kept HTML (no Node run)."""
    page = factories.ServicePatternPageFactory(parent=pattern_index, steps=[sv.step("Contact", sv.contact_screen())])
    with mock.patch("subprocess.run", side_effect=AssertionError("rendered again")):
        page.full_clean()
        page.save_revision()


@pytest.mark.django_db
def test_a_render_failure_is_an_error_on_the_steps(pattern_index, settings, monkeypatch):
    """When Node is missing, saving a page with screens fails on the steps field with the reason."""
    from pattern_pages.screens import render

    settings.NODE_BINARY = "/nonexistent/node"
    monkeypatch.setattr(render, "_RENDERED", {})  # nothing this process rendered before
    page = factories.ServicePatternPageFactory.build(steps=[sv.step("Contact", sv.contact_screen())])
    page.rendered_screens = {}
    with pytest.raises(ValidationError) as error:
        page.prepare_screens()
    assert "The screens could not be rendered" in str(error.value.message_dict["steps"])


@pytest.mark.django_db
def test_saving_a_pattern_with_an_unknown_parameter_is_refused(pattern_index):
    """A parameter a component does not have is refused on the steps field, naming it."""
    bad = sv.screen(
        "Name", {"type": "text_input", "value": {"name": "n", "label": sv.label("Name"), "html": "<b>x</b>"}}
    )
    page = factories.ServicePatternPageFactory.build(steps=[sv.step("Name", bad)])
    errors = full_clean_errors(page)
    assert "step 1, screen 1, text_input: 'html' is not one of its parameters" in messages(errors)


@pytest.mark.parametrize("block_type", sorted(ScreenComponentsBlock.base_blocks.keys() - {"heading", "paragraph"}))
def test_every_component_block_has_a_preview(block_type, rf):
    """Each component's Wagtail block preview has a valid sample and shows the macro call it produces."""
    from django.template.loader import render_to_string

    block = ScreenComponentsBlock().child_blocks[block_type]
    value = block.get_preview_value()
    block.clean(value)
    context = {"block_def": block, "bound_block": block.bind(value), "request": rf.get("/")}
    html = render_to_string(block.get_preview_template(value, context), block.get_preview_context(value, context))
    assert f"{{{{ {block.macro}(" in html or f"{{% call {block.macro}(" in html
