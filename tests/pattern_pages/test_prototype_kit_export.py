"""The GOV.UK Prototype Kit export: a plugin package with a template per screen and a ready journey, its own
pages in the pattern's language."""

import io
import json
import tarfile
import zipfile

import pytest
from wagtail.models import Locale

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


# What the export writes itself on an English pattern (the kit's name, GOV.UK Prototype Kit, stays as it is).
ENGLISH_SCAFFOLD = [
    '"Continue"',
    '"Start now"',
    '"Change"',
    "Check your answers",
    "Now send your answers",
    "By sending these answers",
    "Accept and send",
    ": sent",
    "Your reference number",
    "What happens next",
    "We have sent you a confirmation email",
    "plugin exported from the LocalGov Pattern Library",
    "Then open",
    "to walk the journey",
    ": start",
    ": check answers",
    ": confirmation",
    '"Sent"',
]


@pytest.fixture
def welsh_contact_pattern(contact_pattern, pattern_index):
    """The Welsh translation of the contact pattern, its content in Welsh."""
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    for page in (pattern_index.get_parent(), pattern_index):
        page.copy_for_translation(welsh, copy_parents=True).save_revision().publish()
    copy = contact_pattern.copy_for_translation(welsh, copy_parents=True)
    copy.title = "Cysylltu â'r cyngor"
    copy.summary = "Sut mae preswylydd yn cysylltu â'i gyngor."
    copy.steps = [
        sv.step(
            "Cysylltu",
            sv.screen(
                "Sut dylen ni gysylltu â chi?",
                sv.radios(
                    "contact", "Sut dylen ni gysylltu â chi?", [sv.item("email", "E-bost"), sv.item("post", "Post")]
                ),
            ),
        ),
        sv.step("Enw", sv.screen("Beth yw eich enw?", sv.text_input("full-name", "Enw llawn", heading=True))),
    ]
    copy.save_revision().publish()
    return copy


def test_a_welsh_patterns_export_is_welsh_throughout(client, welsh_contact_pattern):
    """The Welsh copy's kit pages are lang="cy" with Welsh titles, buttons, check answers, confirmation,
    template names and README, and none of the export's English texts is left."""
    files = tgz_files(client.get("/cy/patterns/contact-us/prototype-kit.tgz"))
    pages = {name: text for name, text in files.items() if name.endswith(".html")}
    assert len(pages) == 10  # start, 2 screens, check answers and confirmation: as templates and as the journey
    assert all('{% set htmlLang = "cy" %}' in text for text in pages.values())
    start = files["package/views/contact-us/start.html"]
    assert '{% block pageTitle %}{{ "Cysylltu â\'r cyngor" }} – GOV.UK Prototype Kit{% endblock %}' in start
    assert 'text: "Dechrau nawr"' in start
    assert 'text: "Parhau"' in files["package/views/contact-us/screen-1.html"]
    check = files["package/views/contact-us/check-answers.html"]
    assert '{{ "Gwirio eich atebion" }} – GOV.UK Prototype Kit' in check
    assert '<h1 class="govuk-heading-l">Gwiriwch eich atebion cyn anfon</h1>' in check
    assert 'text: "Newid"' in check and 'text: "Derbyn ac anfon"' in check
    assert "Nawr anfonwch eich atebion" in check and "rydych yn cadarnhau eu bod yn gywir" in check
    confirmation = files["package/views/contact-us/confirmation.html"]
    assert 'titleText: "Cysylltu â\'r cyngor: anfonwyd"' in confirmation
    assert 'text: "Eich cyfeirnod yw HDJ2123F"' in confirmation
    assert '<h2 class="govuk-heading-m">Beth sy\'n digwydd nesaf</h2>' in confirmation
    config = json.loads(files["package/govuk-prototype-kit.config.json"])
    assert [t["name"] for t in config["templates"]] == [
        "Cysylltu â'r cyngor: dechrau",
        "Cysylltu â'r cyngor: 1. Sut dylen ni gysylltu â chi?",
        "Cysylltu â'r cyngor: 2. Beth yw eich enw?",
        "Cysylltu â'r cyngor: gwirio atebion",
        "Cysylltu â'r cyngor: cadarnhad",
    ]
    readme = files["package/README.md"]
    assert "Ategyn GOV.UK Prototype Kit wedi'i allforio o Lyfrgell Patrymau Llywodraeth Leol." in readme
    assert "Yna agorwch http://localhost:3000/contact-us/start i fynd drwy'r daith" in readme
    left = {(name, text) for name, content in files.items() for text in ENGLISH_SCAFFOLD if text in content}
    assert not left


def test_the_english_export_is_unchanged_by_the_welsh_one(client, welsh_contact_pattern):
    """The English pattern's export keeps its English pages and sets no language (the kit's own, en)."""
    files = tgz_files(client.get("/patterns/contact-us/prototype-kit.tgz"))
    start = files["package/views/contact-us/start.html"]
    assert start.startswith('{% extends "layouts/main.html" %}\n\n{% block pageTitle %}')
    assert all("htmlLang" not in text for text in files.values())
    assert 'text: "Start now"' in start
    check = files["package/views/contact-us/check-answers.html"]
    assert 'text: "Change"' in check and 'text: "Accept and send"' in check
    assert "Check your answers before sending" in check
    assert "We have sent you a confirmation email." in files["package/views/contact-us/confirmation.html"]
    assert "A GOV.UK Prototype Kit plugin exported from the LocalGov Pattern Library." in files["package/README.md"]
