"""A designer on a pattern page with screens, under production's CSP and framing rules: every example
loads in its frame, the code tabs work with and without JavaScript, and copying is announced."""

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale

from pattern_pages.demo import screens as demo
from tests import factories
from tests.journeys.conftest import assert_accessible, assert_no_sideways_scroll
from tests.pattern_pages import screen_values as sv


@pytest.fixture
def pattern_with_screens(production_server, pattern_index):
    steps = [
        sv.step("Contact", sv.contact_screen()),
        sv.step("Date", demo.page("When are you moving?", demo.date("move-date", "When are you moving?"))),
        sv.step("Address", demo.page("What is your new address?", demo.address("new", "What is your new address?"))),
        sv.step(
            "Done",
            demo.page("Application complete", demo.panel("Application complete", "Your reference is HDJ2123F")),
        ),
    ]
    return factories.ServicePatternPageFactory(
        parent=pattern_index, title="Tell us you are moving", slug="moving", steps=steps
    )


def test_examples_load_in_frames_and_code_can_be_copied(journey, pattern_with_screens):
    """At 1280 and 390 px each example loads in its same-origin frame with no CSP or framing refusal; the
    Nunjucks tab shows the macro calls and its copy button says the code was copied."""
    for width in (1280, 390):
        page = journey.new_page(width=width, permissions=["clipboard-read", "clipboard-write"])
        page.goto("/patterns/moving/")
        frames = page.locator("iframe.library-example__frame")
        assert frames.count() == 4
        for index in range(4):
            frames.nth(index).scroll_into_view_if_needed()
        page.wait_for_function(
            "() => [...document.querySelectorAll('iframe.library-example__frame')]"
            ".every(f => f.contentDocument && f.contentDocument.querySelector('.govuk-main-wrapper'))"
        )
        first = page.frame_locator("iframe.library-example__frame").first
        assert first.locator("input.govuk-radios__input").count() == 3
        first.locator("label", has_text="Email").first.click()
        assert first.locator("#contact-email").is_visible()  # the conditional reveal works inside the frame
        # A tab at desktop widths; on a phone GOV.UK tabs are plain links to each panel.
        page.locator('a.govuk-tabs__tab[href="#screen-1-nunjucks"]').click()
        panel = page.locator("#screen-1-nunjucks")
        assert panel.is_visible() and "govukRadios" in panel.inner_text()
        panel.get_by_role("button", name="Copy Nunjucks").click()
        # The announcement follows the clipboard's promise: wait for it rather than read it at once.
        expect(panel.get_by_role("status")).to_have_text("Code copied")
        assert "govukRadios" in page.evaluate("navigator.clipboard.readText()")
        page.evaluate("window.scrollTo(0, 0)")
        journey.screenshot(page, "pattern-with-screens")
        assert_no_sideways_scroll(page)
        if width == 1280:
            assert_accessible(page)


def test_code_is_readable_without_javascript(journey, pattern_with_screens):
    """Without JavaScript both code panels show under their links, and there is no copy button."""
    page = journey.new_page(java_script_enabled=False)
    page.goto("/patterns/moving/")
    assert page.locator("#screen-1-html").is_visible()
    assert page.locator("#screen-1-nunjucks").is_visible()
    assert "govukRadios" in page.locator("#screen-1-nunjucks").inner_text()
    assert page.get_by_role("button", name="Copy Nunjucks").count() == 0


@pytest.fixture
def welsh_pattern_with_screens(production_server, pattern_index):
    """A pattern asking for more detail in at most 150 words, translated into Welsh."""
    english = factories.ServicePatternPageFactory(
        parent=pattern_index,
        title="Tell us more",
        slug="more",
        steps=[sv.step("More", demo.page("Tell us more", demo.count("more", "Tell us more", maxwords=150)))],
    )
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    for page in (pattern_index.get_parent(), pattern_index):
        page.copy_for_translation(welsh, copy_parents=True).save_revision().publish()
    copy = english.copy_for_translation(welsh, copy_parents=True)
    copy.title = "Dywedwch fwy wrthym"
    copy.save_revision().publish()
    return copy


def test_a_welsh_example_counts_in_welsh(journey, welsh_pattern_with_screens):
    """Under production's CSP, a Welsh example's character count says in Welsh how many words are left, as
    the user types, with a Welsh plural form for every count (no fallback warning from GOV.UK Frontend)."""
    page = journey.new_page()
    warnings = []
    page.on("console", lambda message: warnings.append(message.text) if "i18n" in message.text else None)
    page.goto("/cy/patterns/more/screens/1/")
    assert page.locator("html").get_attribute("lang") == "cy"
    status = page.locator(".govuk-character-count__status")
    assert status.inner_text() == "Mae gennych 150 gair ar ôl"
    page.locator("textarea#more").fill("un dau")
    page.wait_for_function("() => document.querySelector('.govuk-character-count__status').textContent.includes('148')")
    assert status.inner_text() == "Mae gennych 148 gair ar ôl"
    assert not warnings
