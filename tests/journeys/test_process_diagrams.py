"""A council officer reads the demo's process diagrams in Chromium, on a desktop and on phones.

Below 640 px the swimlanes give way to a top-to-bottom flow whose boxes name their roles; it fits the
phone or scrolls inside its own box, never the page. Texts as Chromium draws them never overlap."""

import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext

from tests.journeys.conftest import assert_accessible, assert_no_sideways_scroll

PHONES = (320, 390)
DESKTOP = 1280

# Every drawn text's box as Chromium lays it out (getBBox, in the SVG's own units), and the shown drawing.
READ_DRAWING = """() => {
    const shown = [...document.querySelectorAll('.library-diagram')].filter(d => d.offsetParent !== null);
    if (shown.length !== 1) return {shown: shown.length};
    const region = shown[0];
    const svg = region.querySelector('svg');
    const texts = [...svg.querySelectorAll('text')].map(t => {
        const b = t.getBBox();
        return {text: t.textContent, x0: b.x, y0: b.y, x1: b.x + b.width, y1: b.y + b.height};
    });
    const steps = [...svg.querySelectorAll('g.swimlane__step')].map(g => ({
        ref: g.dataset.stepRef,
        lines: [...g.querySelectorAll('tspan')].map(s => s.textContent),
    }));
    const box = region.getBoundingClientRect();
    return {
        shown: 1,
        variant: svg.classList.contains('library-swimlane--narrow') ? 'narrow' : 'wide',
        regionRight: box.right,
        regionScrolls: region.scrollWidth > region.clientWidth,
        overflowX: getComputedStyle(region).overflowX,
        viewport: document.documentElement.clientWidth,
        texts,
        steps,
        lanes: [...svg.querySelectorAll('g.swimlane')].map(g => g.dataset.role),
    };
}"""


def overlapping(texts):
    found = []
    for index, a in enumerate(texts):
        for b in texts[index + 1 :]:
            if (
                a["x0"] < b["x1"] - 0.5
                and b["x0"] < a["x1"] - 0.5
                and a["y0"] < b["y1"] - 0.5
                and b["y0"] < a["y1"] - 0.5
            ):
                found.append((a["text"], b["text"]))
    return found


@pytest.fixture
def demo_processes(production_server):
    from pattern_pages.models import ProcessPage

    call_command("load_demo", "--no-reference-data", stdout=None)
    return list(ProcessPage.objects.live().order_by("slug"))


def test_demo_processes_on_phones_and_desktop(journey, demo_processes):
    """On one load of the demo (a load takes most of a minute): every process diagram reads on phones and a
    desktop, and the Blue Badge process page fits every window and opens the interactive viewer."""
    process_diagrams_read_on_phones_and_desktop(journey, demo_processes)
    the_blue_badge_process_page_fits_every_window_and_opens_the_viewer(journey)


def process_diagrams_read_on_phones_and_desktop(journey, demo_processes):
    """Each demo process at 320 and 390 px: the flow shows, boxes name roles, nothing overlaps or scrolls the
    page sideways; at 1280 px the swimlanes show with their lanes and nothing overlaps."""
    # The ten English processes and the Welsh copies the demo publishes (their diagrams are drawn in Welsh).
    assert len([p for p in demo_processes if p.locale.language_code == "en"]) == 10
    roles_of = {p.pk: {str(r.value["name"]) for r in p.roles} for p in demo_processes}  # a Welsh copy has its slug
    phones = {width: journey.new_page(width=width) for width in PHONES}
    desktop = journey.new_page(width=DESKTOP)
    for process in demo_processes:
        for width, page in phones.items():
            page.goto(process.url)
            drawing = page.evaluate(READ_DRAWING)
            assert drawing["shown"] == 1 and drawing["variant"] == "narrow", (process.slug, width)
            # The drawing's own box fits the window; a flow still too wide scrolls inside it.
            assert drawing["regionRight"] <= drawing["viewport"] + 0.5, (process.slug, width, drawing["regionRight"])
            assert drawing["overflowX"] == "auto"
            # Lane names stay in view: every step's box starts with its role, wherever it is scrolled to.
            for step in drawing["steps"]:
                assert step["lines"][0] in roles_of[process.pk], (process.slug, step)
            assert not overlapping(drawing["texts"]), (process.slug, width, overlapping(drawing["texts"]))
            with translation.override(process.locale.language_code):
                page.get_by_role("table", name=gettext("Steps by role, in order")).wait_for()
        desktop.goto(process.url)
        drawing = desktop.evaluate(READ_DRAWING)
        assert drawing["variant"] == "wide" and set(drawing["lanes"]) <= roles_of[process.pk]
        assert len(drawing["lanes"]) >= 2
        assert not overlapping(drawing["texts"]), (process.slug, overlapping(drawing["texts"]))


OVERFLOWING = """() => {
    const width = document.documentElement.clientWidth;
    return [...document.body.querySelectorAll('*')]
        .filter(el => !el.closest('.library-steps-table') && !el.closest('.library-diagram svg'))
        .filter(el => el.getBoundingClientRect().right > width + 1)
        .map(el => el.tagName + '.' + el.className.toString());
}"""


def the_blue_badge_process_page_fits_every_window_and_opens_the_viewer(journey):
    """The Blue Badge process page: apart from the
    steps table (which fits phones on its own), nothing reaches past the window at phone widths or on a
    desktop, axe finds nothing, a phone never scrolls sideways; and the interactive viewer opens."""
    for width in (*PHONES, DESKTOP):
        page = journey.new_page(width=width)
        page.goto("/processes/assess-a-blue-badge-application/")
        journey.screenshot(page, "blue-badge")
        assert page.evaluate(OVERFLOWING) == [], width
        assert_accessible(page)
        if width in PHONES:
            assert_no_sideways_scroll(page)
        page.close()
    interactive_bpmn_viewer_opens_under_the_sites_csp(journey)


def interactive_bpmn_viewer_opens_under_the_sites_csp(journey):
    """With JavaScript, a button opens the process in bpmn-js, served from the site's own static files, with
    no CSP refusal or script error; the static diagram stays on the page."""
    from django.conf import settings

    from tests.bpmn_tools import require_tools

    viewer = Path(settings.BASE_DIR) / "static" / "bpmn-js" / "bpmn-navigated-viewer.production.min.js"
    if not viewer.exists():
        # What `make frontend` copies from node_modules, taken from the test's own npm cache instead.
        dist = require_tools() / "node_modules" / "bpmn-js" / "dist"
        viewer.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(dist / viewer.name, viewer)
        for name in ("diagram-js.css", "bpmn-js.css"):
            shutil.copy(dist / "assets" / name, viewer.parent / name)
    without_script = journey.new_page(width=DESKTOP, java_script_enabled=False)
    without_script.goto("/processes/assess-a-blue-badge-application/")
    assert not without_script.locator("[data-process-viewer-open]").is_visible(), "no button that does nothing"
    page = journey.new_page(width=DESKTOP)
    page.goto("/processes/assess-a-blue-badge-application/")
    page.get_by_role("button", name="Open the interactive diagram (pan and zoom)").click()
    page.wait_for_selector("[data-process-viewer][data-viewer-state]")
    assert page.get_attribute("[data-process-viewer]", "data-viewer-state") == "ready"
    assert page.locator(".library-process-viewer__canvas .djs-container svg").count() == 1
    assert page.locator(".library-process-viewer__canvas .djs-element[data-element-id='EndEvent_1']").count() == 1
    assert page.locator("svg.library-swimlane--wide").is_visible()
    assert not page.locator("[data-process-viewer-open]").is_visible()
    journey.screenshot(page, "blue-badge-viewer")
