"""A Welsh pattern's example screens are Welsh throughout: the page's lang and title, the texts GOV.UK
Frontend's macros would write in English (date labels, the character count's hint, 'Error:', 'Warning'),
our own 'Change', and the JavaScript texts; the editor's texts are kept, and English screens are unchanged."""

import json
import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from wagtail.models import Locale

from pattern_pages.screens.nunjucks import screen_parts
from pattern_pages.screens.prototype_kit import journey_parts
from pattern_pages.screens.render import parts_key, render_parts, render_templates
from tests import factories
from tests.pattern_pages import screen_values as sv
from tests.pattern_pages.test_screens import needs_node
from tests.pattern_pages.test_screens_frontend import normalise

pytestmark = [needs_node, pytest.mark.django_db]


def date_input(identifier, legend):
    return {"type": "date_input", "value": {"id": identifier, "legend": sv.label(legend, heading=True)}}


def character_count(name, text, maxwords):
    return {"type": "character_count", "value": {"name": name, "label": sv.label(text), "maxwords": maxwords}}


def warning(text, icon_text=""):
    return {"type": "warning_text", "value": {"text": text, "iconFallbackText": icon_text}}


def summary(key, value, href):
    return {"type": "summary_list", "value": {"rows": [{"key": key, "value": value, "href": href}]}}


def english_steps():
    return [
        sv.step(
            "About the death",
            sv.screen(
                "When did the death happen?",
                date_input("date-of-death", "When did the death happen?"),
                character_count("more-detail", "Tell us more", 150),
                sv.text_input("full-name", "Your full name", errorMessage="Enter your full name"),
                warning("You must register within 5 days.", icon_text="Warning"),
                summary("Name", "Sarah Philips", "/name"),
                sv.button(),
            ),
            sv.screen("Anything else?", warning("Bring the medical certificate.")),
        )
    ]


def welsh_steps():
    return [
        sv.step(
            "Am y farwolaeth",
            sv.screen(
                "Pryd digwyddodd y farwolaeth?",
                date_input("date-of-death", "Pryd digwyddodd y farwolaeth?"),
                character_count("more-detail", "Dywedwch fwy wrthym", 150),
                sv.text_input("full-name", "Eich enw llawn", errorMessage="Rhowch eich enw llawn"),
                warning("Rhaid i chi gofrestru o fewn 5 diwrnod.", icon_text="Sylw"),
                summary("Enw", "Sarah Philips", "/enw"),
                sv.button("Parhau"),
            ),
            sv.screen("Unrhyw beth arall?", warning("Dewch â’r dystysgrif feddygol.")),
        )
    ]


@pytest.fixture
def patterns(pattern_index):
    """An English pattern with its Welsh translation, and an English pattern with none."""
    english = factories.ServicePatternPageFactory(
        parent=pattern_index, title="Register a death", slug="register-a-death", steps=english_steps()
    )
    english_only = factories.ServicePatternPageFactory(
        parent=pattern_index, title="Report a pothole", slug="report-a-pothole", steps=english_steps()
    )
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    for page in (pattern_index.get_parent(), pattern_index):
        page.copy_for_translation(welsh, copy_parents=True).save_revision().publish()
    copy = english.copy_for_translation(welsh, copy_parents=True)
    copy.title = "Cofrestru marwolaeth"
    copy.steps = welsh_steps()
    copy.save_revision().publish()
    return {"en": english, "cy": copy.specific, "en-only": english_only}


def page_text(response):
    assert response.status_code == 200
    return response.content.decode()


def label_texts(html):
    return re.findall(r'class="govuk-label govuk-date-input__label"[^>]*>\s*(.*?)\s*</label>', html)


def test_a_welsh_screen_is_a_welsh_page(client, patterns):
    """A Welsh pattern's example is lang="cy" with a Welsh title, and its script gets GOV.UK Frontend's texts."""
    html = page_text(client.get("/cy/patterns/register-a-death/screens/1/"))
    assert '<html lang="cy"' in html
    assert "<title>Pryd digwyddodd y farwolaeth? – Cofrestru marwolaeth (enghraifft)</title>" in html
    config = re.search(r'<script id="govuk-frontend-config" type="application/json">(.*?)</script>', html)[1]
    config = json.loads(config)
    assert config["characterCount"]["i18n"]["wordsAtLimit"] == "Mae gennych 0 gair ar ôl"
    assert "initAll(config ? JSON.parse(config.textContent) : {})" in html


def test_a_welsh_screen_gives_the_macros_welsh_texts_and_keeps_the_editors(client, patterns):
    """Date labels, the character count's hint and messages, 'Error:' and 'Change' are Welsh; the editor's
    own warning text is kept, and a warning left without one is 'Rhybudd'."""
    html = page_text(client.get("/cy/patterns/register-a-death/screens/1/"))
    assert label_texts(html) == ["Diwrnod", "Mis", "Blwyddyn"]
    assert "Gallwch roi hyd at 150 gair" in html and "You can enter up to" not in html
    assert 'data-i18n.words-under-limit.other="Mae gennych %{count} gair ar ôl"' in html
    assert '<span class="govuk-visually-hidden">Gwall:</span> Rhowch eich enw llawn' in html
    assert 'href="/enw">Newid</a>' in html and "Change" not in html
    # What the editor wrote is theirs, never replaced.
    assert "Pryd digwyddodd y farwolaeth?" in html and "Dywedwch fwy wrthym" in html
    assert '<span class="govuk-visually-hidden">Sylw</span>' in html and "Rhybudd" not in html
    second = page_text(client.get("/cy/patterns/register-a-death/screens/2/"))
    assert '<span class="govuk-visually-hidden">Rhybudd</span>' in second


def test_the_welsh_nunjucks_shows_the_welsh_texts_and_renders_the_stored_html(patterns):
    """The code a designer copies passes the same Welsh parameters, and renders to the HTML the site shows."""
    screen = patterns["cy"].screens()[0]
    assert 'label: "Diwrnod"' in screen.nunjucks
    assert 'textareaDescriptionText: "Gallwch roi hyd at %{count} gair"' in screen.nunjucks
    assert [normalise(html) for html in render_templates([screen.nunjucks])] == [normalise(screen.html)]
    # The Prototype Kit's journey keeps the Welsh date labels when it fills the items with the kit's answers.
    date_part = next(part for part in journey_parts(screen) if part.get("macro") == "govukDateInput")
    assert [item["label"] for item in date_part["params"]["items"]] == ["Diwrnod", "Mis", "Blwyddyn"]


def test_an_english_screen_is_unchanged(client, patterns):
    """An English screen gets no parameter added: its parts, key and HTML are the macros' own, in English."""
    screen = patterns["en"].screens()[0]
    assert screen.parts == screen_parts(screen.value)
    assert screen.key == parts_key(screen_parts(screen.value))
    date_params = next(part for part in screen.parts if part.get("macro") == "govukDateInput")["params"]
    assert not {"day", "month", "year"} & set(date_params)
    assert screen.html == render_parts([screen.parts])[0]
    html = page_text(client.get("/patterns/register-a-death/screens/1/"))
    assert '<html lang="en"' in html
    assert "<title>When did the death happen? – Register a death (example)</title>" in html
    assert label_texts(html) == ["Day", "Month", "Year"]
    assert "You can enter up to 150 words" in html and "data-i18n" not in html
    assert '<span class="govuk-visually-hidden">Error:</span>' in html and 'id="govuk-frontend-config"' not in html


def test_an_untranslated_english_pattern_under_cy_keeps_an_english_example(client, patterns):
    """A pattern with no Welsh translation is served under /cy/ in English: its example stays lang="en"."""
    html = page_text(client.get("/cy/patterns/report-a-pothole/screens/1/"))
    assert '<html lang="en"' in html
    assert "(example)</title>" in html
    assert label_texts(html) == ["Day", "Month", "Year"]
    assert 'id="govuk-frontend-config"' not in html


def test_a_welsh_screen_not_yet_rendered_says_so_in_welsh(patterns):
    """The message for a screen with no stored HTML is in the page's language."""
    page = patterns["cy"]
    page.rendered_screens = {}
    screen = page.screens()[0]
    html = render_to_string(
        "pattern_pages/screen_example.html",
        {"page": page, "screen": screen, "self": page},
        request=RequestFactory().get("/"),
    )
    assert "Nid yw'r enghraifft hon wedi'i llunio eto" in html
