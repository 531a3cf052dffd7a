"""Editors author screens in the page editor: a valid screen is saved and rendered; a bad one is refused
with the message on the field at fault and nothing saved."""

import pytest

from pattern_pages.models import ServicePatternPage
from tests import factories
from tests.pattern_pages.admin_forms import (
    add_url,
    form_errors,
    list_block,
    pattern_form_data,
    pattern_step,
    publish,
    streamfield,
)
from tests.pattern_pages.test_screens import needs_node

pytestmark = [needs_node, pytest.mark.django_db]

NO_CONDITIONAL = {"name": "", "label": "", "hint": "", "type": "text", "autocomplete": "", "spellcheck": ""}


def item(value, text):
    return {"value": value, "text": text, "hint": "", "divider": "", "conditional": NO_CONDITIONAL}


def radios_screen(items):
    radios = {
        "idPrefix": "",
        "name": "contact",
        "legend": {"text": "How should we contact you?", "isPageHeading": "on", "classes": ""},
        "hint": "Choose one",
        "errorMessage": "",
        "classes": "",
        "items": list_block(items),
    }
    return {"title": "How should we contact you?", "components": streamfield([("radios", radios)])}


def post_pattern(admin_client, pattern_index, screen):
    data = pattern_form_data(
        factories.PatternTypeFactory(), steps=streamfield([("step", pattern_step("Contact", screens=[screen]))])
    )
    return admin_client.post(add_url(ServicePatternPage, pattern_index), publish(data))


def test_an_editor_adds_a_screen_and_it_is_rendered(admin_client, pattern_index):
    """A screen posted from the editor is saved with its HTML from GOV.UK Frontend's macros."""
    response = post_pattern(admin_client, pattern_index, radios_screen([item("email", "Email"), item("post", "Post")]))
    assert response.status_code == 302, form_errors(response)
    page = ServicePatternPage.objects.get(slug="apply-for-a-grant")
    (screen,) = page.screens()
    assert 'value="post"' in screen.html and "govuk-fieldset__heading" in screen.html


def test_the_editor_names_the_field_of_a_bad_item(admin_client, pattern_index):
    """A radio item without a value is refused on the items field with a message naming the component."""
    response = post_pattern(admin_client, pattern_index, radios_screen([item("", "Email")]))
    assert response.status_code == 200
    errors = form_errors(response)
    paths = [path for path in errors if path.endswith("items")]
    assert paths, errors
    assert "Radios: each item needs a value (item 1 has none)." in errors[paths[0]]
    assert not ServicePatternPage.objects.filter(slug="apply-for-a-grant").exists()
