"""The GOV.UK Prototype Kit export: a plugin package with a template per screen and a ready journey."""

import io
import json
import tarfile
import zipfile

import pytest

from tests import factories
from tests.pattern_pages import screen_values as sv
from tests.pattern_pages.test_screens import needs_node

pytestmark = [needs_node, pytest.mark.django_db]


@pytest.fixture
def contact_pattern(pattern_index):
    return factories.ServicePatternPageFactory(
        parent=pattern_index,
        title="Contact the council",
        slug="contact-us",
        version="1.2.0",
        steps=[
            sv.step("Contact", sv.contact_screen()),
            sv.step("Name", sv.screen("What is your name?", sv.text_input("full-name", "Full name", heading=True))),
        ],
    )


def tgz_files(response):
    with tarfile.open(fileobj=io.BytesIO(response.content), mode="r:gz") as archive:
        return {m.name: archive.extractfile(m).read().decode() for m in archive.getmembers()}


def test_the_export_is_a_kit_plugin_listing_every_screen(client, contact_pattern):
    """The .tgz is an npm package whose kit config lists start, each screen, check answers and confirmation."""
    response = client.get("/patterns/contact-us/prototype-kit.tgz")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="contact-us-prototype-kit.tgz"'
    files = tgz_files(response)
    package = json.loads(files["package/package.json"])
    assert package["name"] == "lgpl-contact-us" and package["version"] == "1.2.0"
    config = json.loads(files["package/govuk-prototype-kit.config.json"])
    assert config["nunjucksPaths"] == ["/views"]
    assert [t["name"] for t in config["templates"]] == [
        "Contact the council: start",
        "Contact the council: 1. How should we contact you?",
        "Contact the council: 2. What is your name?",
        "Contact the council: check answers",
        "Contact the council: confirmation",
    ]
    for template in config["templates"]:
        assert f"package{template['path']}" in files
    journey = [name for name in files if name.startswith("package/views/contact-us/")]
    assert sorted(journey) == [
        "package/views/contact-us/check-answers.html",
        "package/views/contact-us/confirmation.html",
        "package/views/contact-us/screen-1.html",
        "package/views/contact-us/screen-2.html",
        "package/views/contact-us/start.html",
    ]


def test_the_journey_keeps_answers_in_session_data_and_checks_them(client, contact_pattern):
    """Each journey page posts to the next, shows the kit's saved answers, and check answers lists them."""
    files = tgz_files(client.get("/patterns/contact-us/prototype-kit.tgz"))
    first = files["package/views/contact-us/screen-1.html"]
    assert '{% extends "layouts/main.html" %}' in first
    assert '<form method="post" action="/contact-us/screen-2" novalidate>' in first
    assert 'value: data["contact"]' in first and 'value: data["contact-email"]' in first
    second = files["package/views/contact-us/screen-2.html"]
    assert 'action="/contact-us/check-answers"' in second and 'value: data["full-name"]' in second
    check = files["package/views/contact-us/check-answers.html"]
    assert 'text: data["full-name"]' in check and 'href: "/contact-us/screen-2"' in check
    assert 'action="/contact-us/confirmation"' in check


def test_the_zip_holds_the_same_package(client, contact_pattern):
    """The .zip has the same files under the package's name."""
    response = client.get("/patterns/contact-us/prototype-kit.zip")
    assert response["Content-Type"] == "application/zip"
    names = zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    assert "lgpl-contact-us/govuk-prototype-kit.config.json" in names
    assert len(names) == len(tgz_files(client.get("/patterns/contact-us/prototype-kit.tgz")))


def test_draft_exports_404_to_the_public_and_download_for_editors(client, contact_pattern, admin_user):
    """A draft's export is not public; an editor downloads the latest revision's from the admin."""
    contact_pattern.unpublish()
    assert client.get("/patterns/contact-us/prototype-kit.tgz").status_code == 404
    client.force_login(admin_user)
    response = client.get(f"/admin/screens/{contact_pattern.pk}/prototype-kit.tgz")
    assert response.status_code == 200
    assert "package/package.json" in tgz_files(response)
    assert client.get(f"/admin/screens/{contact_pattern.pk}/prototype-kit.rar").status_code == 404


def test_a_pattern_without_screens_has_no_export(client, pattern_page):
    """No screens, no export."""
    assert client.get(pattern_page.url + "prototype-kit.tgz").status_code == 404


def test_text_cannot_become_nunjucks_in_the_export(client, pattern_index):
    """A title or paragraph holding Nunjucks stays text in the exported templates."""
    page = factories.ServicePatternPageFactory(
        parent=pattern_index,
        slug="tricky",
        title="{{ 7*7 }} {% raw %}",
        steps=[sv.step("x", sv.screen("{{ 7*7 }}", {"type": "paragraph", "value": {"text": "{% set x = 1 %}"}}))],
    )
    files = tgz_files(client.get(page.url + "prototype-kit.tgz"))
    screen = files["package/views/tricky/screen-1.html"]
    # Only inside a Nunjucks string literal (the page title); the heading itself is inert text.
    assert screen.count("{{ 7*7 }}") == 1 and '{{ "{{ 7*7 }}" }}' in screen
    assert "&#123;&#123; 7*7 &#125;&#125;" in screen
    assert "{% set x" not in screen
