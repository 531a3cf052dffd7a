"""Journeys: a user group's main path through the library, in real Chromium, under production's settings.

The server is the project's own WSGI stack in a thread of the test process, started with every setting
``cms.settings.production`` sets (DEBUG off, its security headers, framing rules and CSP), except the few
that only make sense on a deployed host (HTTPS redirect, the database, caches, tasks and email stay the
test suite's: see ``KEPT_FROM_TEST_SETTINGS``). The browser honours the CSP (no ``bypass_csp``), and every
CSP or framing refusal, and every uncaught script error, in any frame, fails the test that caused it.
"""

import importlib.util
import json
import os
import re
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.test.utils import override_settings

from tests.browser import AXE_SCRIPT, AXE_TAGS, chromium_missing_reason

PROJECT_DIR = Path(settings.BASE_DIR)
SCREENSHOT_DIR = PROJECT_DIR / "test-results" / "screenshots" / "journeys"
# What a deployment sets for its own host, or what the test suite needs to run at all (a test database,
# caches emptied between tests, tasks run at once, mail kept in memory, fast password hashing, static files
# served from the source folders without collectstatic).
KEPT_FROM_TEST_SETTINGS = {
    "DATABASES",
    "CACHES",
    "TASKS",
    "EMAIL_BACKEND",
    "PASSWORD_HASHERS",
    "STORAGES",
    "MEDIA_ROOT",
    "SECRET_KEY",
    "SECURE_SSL_REDIRECT",
    "ALLOWED_HOSTS",
    "LOGGING",
    "API_LIBRARY_VERSION_TTL",
    "WEBHOOKS_ALLOW_PRIVATE_TARGETS",
}
# Chromium reports refusals on the console of the page that holds the refused frame or resource.
REFUSAL = re.compile(r"Content Security Policy|X-Frame-Options|Refused to", re.IGNORECASE)
WIDTHS = {"desktop": 1280, "phone": 390}
BOTH_WIDTHS = tuple(WIDTHS.values())


def production_settings():
    """Every setting cms.settings.production defines, read from a fresh copy of the module.

    It is loaded with a stand-in SECRET_KEY (production refuses to start without one) and the HTTPS redirect
    off, since the live server speaks plain HTTP. Chromium treats 127.0.0.1 as a secure origin, so production's
    ``Secure`` cookies still work there.
    """
    env = {"SECRET_KEY": "journey-" + "x" * 50, "SECURE_SSL_REDIRECT": "0"}
    spec = importlib.util.find_spec("cms.settings.production")
    module = importlib.util.module_from_spec(spec)
    with mock.patch.dict(os.environ, env):
        spec.loader.exec_module(module)
    # Only what differs from the test settings: re-setting INSTALLED_APPS (even to the same list) would make
    # Django reload its app registry.
    return {
        name: getattr(module, name)
        for name in dir(module)
        if name.isupper()
        and name not in KEPT_FROM_TEST_SETTINGS
        and getattr(module, name) != getattr(settings, name, object())
    }


@pytest.fixture
def production_server(transactional_db):
    """A live server running production's settings; ``production_server.url`` is its address."""
    from pytest_django.live_server_helper import LiveServer

    overrides = production_settings()
    overrides["ALLOWED_HOSTS"] = ["127.0.0.1", "localhost"]
    with override_settings(**overrides):
        # Middleware is built when the server thread starts, so it sees the settings above.
        server = LiveServer("127.0.0.1:0")
        try:
            # Every absolute URL the site gives out (API, feeds, emails) is on the address it serves, as with
            # `make run` (SITE_URL; Wagtail's Site record follows it).
            with override_settings(SITE_URL=server.url, WAGTAILADMIN_BASE_URL=server.url):
                yield server
        finally:
            server.stop()


class Journey:
    """Browser tabs on the production server, with the refusals and script errors they met."""

    def __init__(self, chromium, server, name):
        self.chromium = chromium
        self.server = server
        self.name = name
        self.problems = []
        self.contexts = []

    @property
    def url(self):
        return self.server.url

    def new_page(self, width=WIDTHS["desktop"], height=900, **context_options):
        """A fresh tab (its own cookies) at ``width`` px; ``page.goto("/path/")`` is relative to the server."""
        context = self.chromium.new_context(
            base_url=self.server.url, viewport={"width": width, "height": height}, **context_options
        )
        self.contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.on("console", lambda message: self._console(page, message))
        page.on("pageerror", lambda error: self.problems.append(f"script error on {page.url}: {error}"))
        return page

    def _console(self, page, message):
        if message.type in {"error", "warning"} and REFUSAL.search(message.text):
            self.problems.append(f"refused on {page.url}: {message.text}")

    def screenshot(self, page, label):
        """Save a full-page screenshot at the page's current width, for a person to look at."""
        SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
        width = page.viewport_size["width"]
        path = SCREENSHOT_DIR / f"{self.name}-{label}-{width}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    def at_widths(self, path, label, widths=BOTH_WIDTHS):
        """Open ``path`` at each width, screenshot it and check it never scrolls sideways; return the pages."""
        pages = []
        for width in widths:
            page = self.new_page(width=width)
            page.goto(path)
            self.screenshot(page, label)
            assert_no_sideways_scroll(page)
            pages.append(page)
        return pages

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def journey(request, chromium, production_server):
    """Tabs on the production server; the test fails if any page met a CSP or framing refusal or a script
    error. (``chromium`` skips the test, saying why, where Chromium is not installed.)"""
    journey = Journey(chromium, production_server, request.node.name)
    yield journey
    journey.close()
    assert not journey.problems, "The browser refused or failed:\n" + "\n".join(journey.problems)


def assert_no_sideways_scroll(page):
    """The page is no wider than the window (no horizontal scrolling), naming the widest element if it is."""
    overflow = page.evaluate(
        """() => {
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width) return null;
            let widest = null;
            for (const el of document.body.querySelectorAll('*')) {
                const box = el.getBoundingClientRect();
                if (box.right > width + 1 && (!widest || box.right > widest.right)) {
                    widest = {right: box.right, tag: el.tagName, cls: el.className.toString(), id: el.id};
                }
            }
            return {scrollWidth: document.documentElement.scrollWidth, width, widest};
        }"""
    )
    assert overflow is None, f"{page.url} scrolls sideways at {page.viewport_size['width']} px: {overflow}"


def assert_accessible(page, tags=AXE_TAGS):
    """axe-core (WCAG 2.2 AA) finds nothing on ``page``. It is evaluated through DevTools, which the page's
    CSP does not govern, so the page under test keeps its real policy."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run `npm ci` (make test does)")
    page.evaluate(AXE_SCRIPT.read_text() + "\n;0")
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags)
    summary = [
        {"id": v["id"], "impact": v["impact"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"][:5]]}
        for v in result["violations"]
    ]
    assert not summary, f"axe-core violations on {page.url}:\n{json.dumps(summary, indent=2)}"


def admin_login(page, username, password):
    """Sign in through the admin's login form, as a person does."""
    page.goto("/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/(?!login)"))


def open_preview_panel(tab):
    """Open the editor's preview panel (the admin remembers it open from the last page) and return its frame."""
    toggle = tab.locator("[data-side-panel-toggle='preview']")
    tab.wait_for_load_state("networkidle")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    return tab.frame_locator("#w-preview-iframe")


def chromium_available():
    return chromium_missing_reason() is None
