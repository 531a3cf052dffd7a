"""Each Design System component lists the published patterns and steps whose screens use it, on the site
(/components/<slug>/) and in the API (/api/v1/components/<slug>/)."""

import pytest
from rest_framework.test import APIClient

from tests import factories
from tests.pattern_pages import screen_values as sv
from tests.pattern_pages.test_screens import needs_node

pytestmark = [needs_node, pytest.mark.django_db]


@pytest.fixture
def radios(db):
    return factories.DesignSystemComponentFactory(slug="radios", name="Radios")


@pytest.fixture
def patterns(pattern_index, radios):
    factories.DesignSystemComponentFactory(slug="text-input", name="Text input")
    uses = factories.ServicePatternPageFactory(
        parent=pattern_index,
        title="Contact the council",
        slug="contact-us",
        steps=[
            sv.step("Your name", sv.screen("Name", sv.text_input("name", "Name", heading=True))),
            sv.step("How to contact you", sv.contact_screen()),
        ],
    )
    other = factories.ServicePatternPageFactory(
        parent=pattern_index,
        title="Give your name",
        slug="give-your-name",
        steps=[sv.step("Your name", sv.screen("Name", sv.text_input("name", "Name", heading=True)))],
    )
    draft = factories.ServicePatternPageFactory(
        parent=pattern_index, title="Secret draft", slug="secret", steps=[sv.step("Contact", sv.contact_screen())]
    )
    draft.unpublish()
    return uses, other, draft


def test_the_component_page_lists_patterns_and_steps_using_it(client, radios, patterns):
    """Radios lists the pattern and step whose screens use it, not the others or drafts."""
    body = client.get("/components/radios/").content.decode()
    assert "Contact the council" in body
    assert "Step 2: How to contact you" in body
    assert 'href="/patterns/contact-us/#screen-2-title"' in body
    assert "Give your name" not in body and "Secret draft" not in body


def test_an_unknown_component_is_404(client, db):
    """No such component, no page."""
    assert client.get("/components/marquee/").status_code == 404


def test_the_api_lists_where_a_component_is_used(radios, patterns):
    """The component's API detail has used_by with pattern, step and screen numbers."""
    data = APIClient().get("/api/v1/components/radios/").json()
    assert data["used_by"] == [
        {
            "pattern": {
                "id": patterns[0].pk,
                "slug": "contact-us",
                "title": "Contact the council",
                "url": "http://testserver/patterns/contact-us/",
            },
            "steps": [
                {
                    "number": 2,
                    "title": "How to contact you",
                    "screens": [{"number": 2, "title": "How should we contact you?"}],
                }
            ],
        }
    ]
    text_input = APIClient().get("/api/v1/components/text-input/").json()
    assert [entry["pattern"]["slug"] for entry in text_input["used_by"]] == ["contact-us", "give-your-name"]
    listing = APIClient().get("/api/v1/components/").json()
    assert "used_by" not in listing["results"][0]
