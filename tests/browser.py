"""Real-Chromium helpers for browser tests: a Playwright page against the live server, and axe-core.

Chromium comes from Debian (/usr/bin/chromium); Playwright cannot download its own browser here.
Tests using these fixtures are marked ``browser`` and skip, saying why, when Chromium is missing.
"""

import json
import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PROJECT_DIR = Path(__file__).resolve().parent.parent
AXE_SCRIPT = PROJECT_DIR / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOT_DIR = PROJECT_DIR / "test-results" / "screenshots"
# WCAG 2.2 AA and everything below it.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def chromium_missing_reason():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        return f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
    return None


@pytest.fixture(scope="session")
def chromium():
    reason = chromium_missing_reason()
    if reason:
        pytest.skip(reason)
    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium, live_server):
    """A fresh Chromium tab; ``browser_page.goto("/path/")`` is relative to the live server."""
    # bypass_csp lets axe-core be injected into pages whose Content-Security-Policy forbids inline
    # scripts; the policy itself is tested on the responses (tests/cms/test_security_headers.py).
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_violations(page, tags=AXE_TAGS):
    """Run axe-core in ``page`` and return its violations (empty when the page passes)."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `npm ci` (make test does)")
    page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags)
    return result["violations"]


def assert_accessible(page):
    """Fail with a readable list when axe-core finds any WCAG 2.2 AA violation on ``page``."""
    violations = axe_violations(page)
    summary = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"][:5]]}
        for v in violations
    ]
    assert not violations, f"axe-core violations on {page.url}:\n{json.dumps(summary, indent=2)}"


def save_screenshot(page, name):
    """Keep a full-page screenshot under test-results/screenshots/ for review."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
