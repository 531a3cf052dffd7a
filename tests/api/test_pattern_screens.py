"""Screens in /api/v1/patterns/<id>/: typed blocks per component in the steps, macro calls and HTML per
screen, the export linked, and one JSON Schema per component in the OpenAPI document."""

import pytest

from tests import factories
from tests.pattern_pages import screen_values as sv
from tests.pattern_pages.test_screens import needs_node

pytestmark = [needs_node, pytest.mark.django_db]


@pytest.fixture
def contact_pattern(pattern_index):
    return factories.ServicePatternPageFactory(
        parent=pattern_index, slug="contact-us", steps=[sv.step("Contact", sv.contact_screen())]
    )


def test_screens_are_typed_blocks_with_macro_parameters_and_html(api, contact_pattern):
    """A supplier reads each screen's components as macro and parameters, its HTML, and the export links."""
    data = api.get(f"/api/v1/patterns/{contact_pattern.pk}/").json()
    stored = data["steps"][0]["value"]["screens"][0]
    assert [block["type"] for block in stored["components"]] == ["radios", "button"]
    assert stored["components"][0]["value"]["items"][0]["value"] == "email"
    screen = data["screens"][0]
    assert screen["number"] == 1 and screen["step"] == 1 and screen["title"] == "How should we contact you?"
    radios = screen["components"][0]
    assert radios["macro"] == "govukRadios"
    assert radios["params"]["items"][2] == {"divider": "or"}
    assert radios["params"]["items"][0]["conditional"]["html"]["macro"] == "govukInput"
    assert 'class="govuk-radios"' in screen["html"]
    assert "{{ govukRadios({" in screen["nunjucks"]
    assert screen["example_url"] == "http://testserver/patterns/contact-us/screens/1/"
    assert data["prototype_kit"]["tgz"] == "http://testserver/patterns/contact-us/prototype-kit.tgz"


def test_a_pattern_without_screens_has_no_export(api, pattern_page):
    """No screens: an empty list and no export link."""
    data = api.get(f"/api/v1/patterns/{pattern_page.pk}/").json()
    assert data["screens"] == [] and data["prototype_kit"] is None


def test_the_schema_describes_each_component(api):
    """The OpenAPI document has a block schema per component, with the macro's parameter names."""
    schema = api.get("/api/v1/schema/?format=json").json()
    step = schema["components"]["schemas"]["PatternDetail"]["properties"]["steps"]["items"]["properties"]["value"]
    components = step["properties"]["screens"]["items"]["properties"]["components"]["items"]["oneOf"]
    by_type = {variant["properties"]["type"]["enum"][0]: variant for variant in components}
    assert {"radios", "checkboxes", "date_input", "summary_list", "task_list", "error_summary"} <= set(by_type)
    radios = by_type["radios"]["properties"]["value"]["properties"]
    assert {"name", "legend", "hint", "errorMessage", "items"} <= set(radios)
    assert {"value", "text", "hint", "divider", "conditional"} <= set(radios["items"]["items"]["properties"])
    screens = schema["components"]["schemas"]["PatternDetail"]["properties"]["screens"]
    assert "govukRadios" in screens["items"]["properties"]["components"]["items"]["properties"]["macro"]["enum"]
