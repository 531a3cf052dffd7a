"""Control characters: stripped from every saved text, and never written into the XML the library serves."""

from xml.etree import ElementTree as ET

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from pattern_pages.models import LifeEvent, ProcessPage
from pattern_pages.process_diagram import BPMN_NS
from pattern_pages.text import strip_control_characters, xml_text
from tests import factories
from tests.pattern_pages.admin_forms import add_url, process_form_data, process_step, publish

NS = {"bpmn": BPMN_NS, "atom": "http://www.w3.org/2005/Atom"}
CONTROLS = "".join(chr(code) for code in range(32) if chr(code) not in "\t\n\r")


def parse(content):
    return ET.fromstring(content)  # noqa: S314  (our own output)


def test_every_c0_control_but_tab_and_line_breaks_is_stripped():
    """All 29 C0 controls go; tab, line feed and carriage return stay; XML also loses U+FFFE/U+FFFF."""
    assert strip_control_characters(f"a{CONTROLS}b\t\n\r") == "ab\t\n\r"
    assert xml_text("a\x01\ufffe\uffffb\n") == "ab\n"


def test_the_process_editor_stores_no_control_characters(admin_client, process_index):
    """A title and a step title typed with \\x01 and \\x0b are saved without them, in the page and its revision."""
    steps = streamfield(
        [
            ("step", process_step("apply", "Apply\x01 online", "Resident", system="Grants system")),
            ("step", process_step("decide", "Decide\x0b", "Grants officer")),
        ]
    )
    data = publish(process_form_data(title="Decide a\x01 grant", steps=steps))
    response = admin_client.post(add_url(ProcessPage, process_index), data)
    assert response.status_code == 302, response.content[:500]
    page = ProcessPage.objects.get(slug="decide-a-grant-application")
    assert page.title == "Decide a grant"
    assert [step.value["title"] for step in page.steps] == ["Apply online", "Decide"]
    revision = page.latest_revision.as_object()
    assert revision.title == "Decide a grant" and revision.steps[0].value["title"] == "Apply online"


def test_the_bpmn_download_and_diagram_stay_xml_whatever_is_stored(client, admission_process):
    """A step title already stored with \\x01 and \\x0b (saved before the fix) is left out of the BPMN and SVG."""
    raw = admission_process.steps.raw_data
    raw[0]["value"]["title"] = "Submit\x01 the application\x0b"
    ProcessPage.objects.filter(pk=admission_process.pk).update(steps=list(raw))  # no save(): no stripping
    assert "\x01" in ProcessPage.objects.get(pk=admission_process.pk).steps[0].value["title"]

    bpmn = parse(client.get(f"/bpmn/{admission_process.slug}.bpmn").content)
    names = [task.get("name") for task in bpmn.findall("bpmn:process/*[@name]", NS)]
    assert "Submit the application" in names
    html = client.get(admission_process.url).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>") + len("</svg>")]
    assert "Submit the application" in ET.tostring(parse(svg), encoding="unicode")


def test_the_atom_feed_stays_xml_with_a_control_character_stored(client, pattern_index):
    """A title stored with a control character before the fix does not break the feed."""
    pattern = factories.ServicePatternPageFactory(parent=pattern_index, title="Report a flood")
    pattern.save_revision().publish()
    type(pattern).objects.filter(pk=pattern.pk).update(title="Report\x01 a flood")
    response = client.get("/feed/")
    assert response.status_code == 200
    titles = [entry.find("atom:title", NS).text for entry in parse(response.content).findall("atom:entry", NS)]
    assert titles[0].startswith("Report a flood")


def test_a_snippet_form_stores_no_control_characters(admin_client, db):
    """A taxonomy snippet typed with control characters is saved without them (newlines kept)."""
    url = reverse("wagtailsnippets_pattern_pages_lifeevent:add")
    data = nested_form_data({"name": "Having\x01 a baby", "slug": "having-a-baby", "description": "Line one\n\x0bTwo"})
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content[:500]
    event = LifeEvent.objects.get(slug="having-a-baby")
    assert (event.name, event.description) == ("Having a baby", "Line one\nTwo")


@pytest.mark.parametrize("character", ["\x00", "\x01", "\x1f"])
def test_every_model_save_strips_control_characters(db, character):
    """Whatever path reaches the database (importer, shell, fixture), a save drops control characters."""
    council = factories.CouncilFactory(name=f"Es{character}sex", official_name=f"Essex County{character} Council")
    council.refresh_from_db()
    assert (council.name, council.official_name) == ("Essex", "Essex County Council")
