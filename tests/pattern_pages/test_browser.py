"""The public site in a real Chromium: every page type passes axe-core (WCAG 2.2 AA), works by keyboard
and without JavaScript, and asks nothing of any host but this one."""

from urllib.parse import urlsplit

import pytest

from tests.browser import assert_accessible, save_screenshot


@pytest.fixture
def site_content(build_pattern, admission_process):
    """One of each kind of page, linked together the way editors link them."""
    pattern = build_pattern(steps=3, related=1, title="Apply for a school place")
    service = pattern.services.first()
    admission_process.services.add(service)
    admission_process.supported_patterns = [("pattern", pattern)]
    admission_process.save_revision().publish()
    council = pattern.owner_council
    return {"pattern": pattern, "process": admission_process, "service": service, "council": council}


def visited_hosts(page):
    hosts = set()
    page.on("request", lambda request: hosts.add(urlsplit(request.url).netloc))
    return hosts


def test_every_page_type_is_accessible_and_local(browser_page, live_server, site_content):
    """Each page type shows what a user looks for, has no axe-core violations and loads only from this host."""
    page = browser_page
    hosts = visited_hosts(page)
    pattern, process, service, council = (site_content[k] for k in ("pattern", "process", "service", "council"))
    life_event = pattern.life_events.first()
    pages = [
        ("home", "/", "Browse by pattern type"),
        ("pattern-index", pattern.get_parent().url, "Apply for a school place"),
        ("pattern", pattern.url, "Steps"),
        ("process-index", process.get_parent().url, "Admit a child to school"),
        ("process", process.url, "Steps by role, in order"),
        ("services", "/services/", "Services A to Z"),
        ("service", f"/services/{service.lgsl_code}/{service.slug}/", f"LGSL {service.lgsl_code}"),
        ("life-events", "/life-events/", life_event.name),
        ("life-event", f"/life-events/{life_event.slug}/", pattern.title),
        ("councils", "/councils/", council.official_name),
        ("council", f"/councils/{council.gss_code}/", "Service patterns it has contributed"),
        ("pattern-types", "/pattern-types/", pattern.pattern_type.name),
        ("pattern-type", f"/pattern-types/{pattern.pattern_type.slug}/", pattern.title),
        ("service-welsh", f"/cy/services/{service.lgsl_code}/{service.slug}/", service.name),
        ("cookies", "/cookies/", "Essential cookies"),
        ("not-found", "/no-such-page/", "Page not found"),
    ]
    for name, path, expected in pages:
        response = page.goto(path)
        assert response.status == (404 if name == "not-found" else 200), path
        assert page.get_by_text(expected).first.is_visible(), f"{expected!r} is not visible on {path}"
        assert page.locator("a.govuk-skip-link").count() == 1
        assert_accessible(page)
        save_screenshot(page, name)
    page.goto(process.url)
    assert page.locator("svg.library-swimlane--wide g.swimlane").count() == 3
    # GOV.UK Frontend's JavaScript loaded (as an ES module, from this host) and initialised its components.
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
    assert page.locator("[data-module='govuk-service-navigation'][data-govuk-service-navigation-init]").count() == 1
    assert hosts == {urlsplit(live_server.url).netloc}
    assert page.context.cookies() == []


def focus_state(page):
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const all = Array.from(document.querySelectorAll('*'));
            return {
                index: all.indexOf(el),
                tag: el.tagName,
                text: (el.textContent || '').trim().slice(0, 40),
                outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
                shadow: style.boxShadow !== 'none',
                background: style.backgroundColor,
            };
        }"""
    )


def tab_through(page, limit=200):
    """Press Tab until focus leaves the document's last focusable element; return each focus state."""
    states = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = focus_state(page)
        if state["tag"] == "BODY" or (states and state["index"] <= states[-1]["index"]):
            break
        states.append(state)
    return states


def assert_keyboard_usable(page, path):
    page.goto(path)
    states = tab_through(page)
    assert states, f"nothing on {path} takes keyboard focus"
    assert states[0]["text"] == "Skip to main content"
    invisible = [s for s in states if not (s["outline"] or s["shadow"])]
    assert not invisible, f"focus is not visible on {invisible[:3]}"
    indexes = [s["index"] for s in states]
    assert indexes == sorted(indexes), "focus does not follow the reading order"
    return states


def test_keyboard_users_can_reach_everything_in_order(browser_page, site_content):
    """Tabbing through a pattern page (and the search page) visits every control in reading order, focus visible."""
    pattern = site_content["pattern"]
    states = assert_keyboard_usable(browser_page, pattern.url)
    texts = [s["text"] for s in states]
    assert "Download as JSON" in texts
    assert any(text.startswith("Date input") for text in texts)
    # The skip link moves focus to the main content.
    browser_page.goto(pattern.url)
    browser_page.keyboard.press("Tab")
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main-content"
    search = browser_page.goto("/search/?q=school")
    if search.status == 200:
        assert_keyboard_usable(browser_page, "/search/?q=school")


def test_pages_work_without_javascript(chromium, live_server, site_content):
    """With JavaScript off, navigation, the diagram, the steps table and the filter form all work."""
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        pattern, process = site_content["pattern"], site_content["process"]
        page.goto(process.url)
        assert page.locator("svg.library-swimlane--wide").is_visible()
        assert page.get_by_role("table", name="Steps by role, in order").is_visible()
        assert page.get_by_role("link", name="Councils", exact=True).is_visible()
        page.goto(pattern.get_parent().url)
        page.get_by_label(pattern.pattern_type.name).check()
        page.get_by_role("button", name="Apply filters").click()
        assert f"pattern_type={pattern.pattern_type.slug}" in page.url
        assert page.get_by_role("link", name=pattern.title).is_visible()
        page.goto(pattern.url)
        assert page.get_by_role("heading", name="Steps").is_visible()
        save_screenshot(page, "pattern-without-javascript")
    finally:
        context.close()
