"""A reader who pastes a whole sentence into search, in Chromium under production settings: the page says what
to change in the GOV.UK error pattern (summary, the message beside the box, the box marked), keeps every word
in the box to be shortened, fits a phone and a desktop window and passes axe (WCAG 2.2 AA), in English and
Welsh. Nothing is searched: dropping words would answer another question."""

from urllib.parse import urlencode

import pytest

from search.params import MAX_QUERY_WORDS
from tests.journeys.conftest import assert_accessible

pytestmark = pytest.mark.browser

SENTENCE = (
    "my neighbours recycling bins green garden waste brown food caddy were not emptied again after the storm "
    "last tuesday morning please send someone"
)
MESSAGES = {
    "/search/": (f"Search for {MAX_QUERY_WORDS} words or fewer", "Error:"),
    "/cy/search/": (f"Chwiliwch am {MAX_QUERY_WORDS} gair neu lai", "Gwall:"),
}


@pytest.mark.parametrize("path", MESSAGES)
def test_too_many_words_says_what_to_change_and_keeps_them(journey, path):
    message, error = MESSAGES[path]
    for page in journey.at_widths(
        f"{path}?{urlencode({'q': SENTENCE})}", "too-many-words-" + ("cy" if path.startswith("/cy/") else "en")
    ):
        assert page.title().startswith(error)
        summary = page.locator(".govuk-error-summary")
        assert message in summary.inner_text()
        assert message in page.locator("#search-q-error").inner_text()
        assert page.locator("#search-q").input_value() == SENTENCE
        assert page.locator("#result-count").count() == 0
        # The summary's link takes the reader to the box, as GOV.UK's error summary does.
        summary.get_by_role("link").first.click()
        assert page.evaluate("document.activeElement.id") == "search-q"
        assert_accessible(page)
