"""The admin's live preview shows every page type, in English and Welsh, under production's framing rules.

Public pages refuse to be framed (``frame-ancestors 'none'``, ``X-Frame-Options: DENY``); the previews Wagtail
serves to the admin are framed by the admin itself (same origin) and must not be refused.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, PreviewableMixin, get_page_models
from wagtail.snippets.models import get_snippet_models

from pattern_pages.models import HomePage
from pattern_pages.site_setup import ensure_home_page
from tests import factories

from .conftest import WIDTHS, admin_login, open_preview_panel

PASSWORD = "a-long-test-password"  # noqa: S105


def build_every_page_type():
    """One page of each of the library's page types in English, and a Welsh copy of each: {label: page}."""
    home = ensure_home_page()
    patterns = factories.PatternIndexPageFactory(parent=home)
    processes = factories.ProcessIndexPageFactory(parent=home)
    english = [
        home,
        patterns,
        processes,
        factories.ContentPageFactory(parent=home, title="About the library", slug="about"),
        factories.ServicePatternPageFactory(parent=patterns, title="Apply for a blue badge", slug="blue-badge"),
        factories.ProcessPageFactory(parent=processes, title="Decide a blue badge application", slug="decide"),
    ]
    welsh = Locale.objects.get(language_code="cy")
    pages = {}
    for page in english:
        pages[f"en-{type(page).__name__}"] = page
    for page in english:
        copy = page.copy_for_translation(welsh, copy_parents=True)
        copy.title = f"{page.title} (Cymraeg)"
        copy.save_revision().publish()
        pages[f"cy-{type(page).__name__}"] = copy.specific
    return pages


def library_page_types():
    return {model for model in get_page_models() if model._meta.app_label == "pattern_pages"}


def previewable_snippets():
    return [model for model in get_snippet_models() if issubclass(model, PreviewableMixin)]


@pytest.fixture
def every_page(production_server):
    pages = build_every_page_type()
    get_user_model().objects.create_superuser("admin", "admin@example.gov.uk", PASSWORD)
    return pages


def test_the_fixture_covers_every_page_type_and_previewable_snippet(every_page):
    """Every page type is built in both locales; a snippet that becomes previewable must be added here."""
    built = {type(page) for page in every_page.values()}
    assert library_page_types() <= built | {HomePage}
    assert {page.locale.language_code for page in every_page.values()} == {"en", "cy"}
    # No snippet is previewable today (assessments are shown on the pattern page); one that becomes so
    # needs a case in test_preview_panel_and_new_tab_show_the_page.
    assert previewable_snippets() == []


@pytest.mark.parametrize("width", [WIDTHS["desktop"]])
def test_preview_panel_and_new_tab_show_every_page(journey, every_page, width):
    """The preview panel and "Preview in new tab" show each page, English and Welsh, with no refusal."""
    tab = journey.new_page(width=width)
    admin_login(tab, "admin", PASSWORD)
    for label, page in every_page.items():
        tab.goto(f"/admin/pages/{page.pk}/edit/")
        frame = open_preview_panel(tab)
        frame.locator("h1").first.wait_for()
        assert page.title in frame.locator("body").inner_text(), label
        if label in {"en-ServicePatternPage", "cy-ServicePatternPage"}:
            journey.screenshot(tab, f"panel-{label}")
        with tab.expect_popup() as popup_info:
            tab.get_by_role("link", name="Preview in new tab").click()
        popup = popup_info.value
        popup.wait_for_load_state()
        assert page.title in popup.locator("body").inner_text(), label
        popup.close()
    assert not journey.problems


def test_public_pages_stay_unframeable(journey, every_page):
    """A published page still refuses any framing (frame-ancestors 'none', X-Frame-Options DENY)."""
    tab = journey.new_page()
    for page in every_page.values():
        response = tab.goto(page.url)
        assert response.status == 200, page.url
        assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
        assert response.headers["x-frame-options"] == "DENY"
    # Framed by another origin (an opaque srcdoc document): Chromium refuses and the journey records it.
    tab.set_content(f'<iframe src="{journey.url}{every_page["en-ServicePatternPage"].url}"></iframe>')
    tab.wait_for_timeout(1000)
    assert any(re.search("frame-ancestors|X-Frame-Options", problem) for problem in journey.problems)
    journey.problems.clear()
