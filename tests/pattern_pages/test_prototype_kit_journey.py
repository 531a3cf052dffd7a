"""The export in a real GOV.UK Prototype Kit: create a kit (npm ``govuk-prototype-kit`` 13.x), install the
export of two patterns and a Welsh one, start the kit and walk each journey over HTTP.

The kit is created once and cached outside the repository (``LGPL_PROTOTYPE_KIT_CACHE``, default
``~/.cache/lgpl-prototype-kit``); the test is skipped with the reason when npm or its registry cannot be
reached. Slow (a Node server starts), so it runs as one test.
"""

import html
import http.cookiejar
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from wagtail.models import Locale

from pattern_pages.screens.prototype_kit import build_archive
from tests import factories
from tests.pattern_pages import screen_values as sv
from tests.pattern_pages.test_screens import needs_node

KIT_VERSION = "13.20.3"
CACHE = Path(os.environ.get("LGPL_PROTOTYPE_KIT_CACHE", Path.home() / ".cache" / "lgpl-prototype-kit"))
KIT = CACHE / "kit"

pytestmark = [needs_node, pytest.mark.django_db]


def run(command, cwd, timeout):
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False)  # noqa: S603


@pytest.fixture
def kit():
    if shutil.which("npm") is None or shutil.which("npx") is None:
        pytest.skip("npm is not installed")
    if not (KIT / "node_modules" / "govuk-prototype-kit").exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        shutil.rmtree(KIT, ignore_errors=True)
        try:
            created = run(
                ["npx", "--yes", f"govuk-prototype-kit@{KIT_VERSION}", "create", "--version", KIT_VERSION, "kit"],
                CACHE,
                900,
            )
        except subprocess.TimeoutExpired:
            pytest.skip("creating a Prototype Kit took over 15 minutes (is the npm registry reachable?)")
        if created.returncode != 0:
            pytest.skip(f"could not create a Prototype Kit (npm registry unreachable?): {created.stderr[-300:]}")
    return KIT


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Browser:
    """Just enough of a browser: a cookie jar (the kit's session) and redirects followed."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path):
        status, _url, body = self.open(path)
        return status, body

    def post(self, path, fields):
        return self.open(path, urllib.parse.urlencode(fields, doseq=True).encode())

    def open(self, path, data=None):
        try:
            with self.opener.open(self.base + path, data=data, timeout=30) as response:  # noqa: S310 (local kit)
                return response.status, response.geturl(), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.geturl(), error.read().decode()


def answers_for(screen):
    """Form fields a user would send on a screen, with answers we can look for on check answers."""
    fields = {}
    for child in screen.value.get("components") or []:
        value = child.value
        if child.block_type in {"text_input", "textarea", "character_count"}:
            fields[value["name"]] = f"Answer for {value['name']}"
        elif child.block_type in {"radios", "checkboxes", "select"}:
            fields[value["name"]] = next(i["value"] for i in value["items"] if i.get("value"))
        elif child.block_type == "date_input":
            prefix = value.get("namePrefix") or value["id"]
            fields.update({f"{prefix}-day": "14", f"{prefix}-month": "2", f"{prefix}-year": "1990"})
        elif child.block_type == "fieldset":
            for inner in value["inputs"]:
                fields[inner["name"]] = f"Answer for {inner['name']}"
    return fields


@pytest.fixture
def exported_patterns(pattern_index):
    contact = factories.ServicePatternPageFactory(
        parent=pattern_index,
        title="Contact the council",
        slug="contact-the-council",
        steps=[
            sv.step("Contact", sv.contact_screen()),
            sv.step("Name", sv.screen("What is your name?", sv.text_input("full-name", "Full name", heading=True))),
        ],
    )
    moving = factories.ServicePatternPageFactory(
        parent=pattern_index,
        title="Tell us you are moving",
        slug="tell-us-you-are-moving",
        steps=[
            sv.step(
                "When",
                sv.screen(
                    "When are you moving?",
                    {
                        "type": "date_input",
                        "value": {"id": "move-date", "legend": sv.label("When are you moving?", True)},
                    },
                ),
            ),
            sv.step(
                "Which",
                sv.screen(
                    "Which services should we tell?",
                    {
                        "type": "checkboxes",
                        "value": {
                            "name": "services",
                            "legend": sv.label("Which services should we tell?", True),
                            "items": [sv.item("council-tax", "Council Tax"), sv.item("bins", "Bin collections")],
                        },
                    },
                    sv.button(),
                ),
            ),
        ],
    )
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    for page in (pattern_index.get_parent(), pattern_index):
        page.copy_for_translation(welsh, copy_parents=True).save_revision().publish()
    copy = contact.copy_for_translation(welsh, copy_parents=True)
    # Its own slug, so that its package and its journey's URLs in the kit are not the English one's.
    copy.title, copy.slug = "Cysylltu â'r cyngor", "cysylltu-ar-cyngor"
    copy.steps = [
        sv.step("Enw", sv.screen("Beth yw eich enw?", sv.text_input("full-name", "Enw llawn", heading=True))),
    ]
    copy.save_revision().publish()
    return [contact, moving, copy.specific]


# What the export's own pages say, in each pattern's language.
SCAFFOLD = {
    "en": {"lang": '<html lang="en"', "start": "Start now", "sent": "Your reference number"},
    "cy": {"lang": '<html lang="cy"', "start": "Dechrau nawr", "sent": "Eich cyfeirnod"},
}


def test_the_export_installs_in_a_prototype_kit_and_the_journey_runs(kit, exported_patterns):
    """npm install of three exports; the kit lists their templates, renders each, and runs each journey, the
    Welsh pattern's pages in Welsh (lang="cy")."""
    archives = []
    exports = kit / "exports"
    exports.mkdir(exist_ok=True)
    for page in exported_patterns:
        data, _content_type = build_archive(page, "tgz")
        archive = exports / f"{page.slug}-prototype-kit.tgz"
        archive.write_bytes(data)
        archives.append(f"./exports/{archive.name}")
    installed = run(["npm", "install", "--no-audit", "--no-fund", "--prefer-offline", *archives], kit, 600)
    # npm records where each export came from; keep those files in the kit so later installs still resolve.
    assert installed.returncode == 0, installed.stderr[-1000:]

    port = free_port()
    env = dict(os.environ, PORT=str(port), NODE_ENV="development", USE_BROWSER_SYNC="false", USE_AUTH="false")
    server = subprocess.Popen(  # noqa: S603
        ["npx", "govuk-prototype-kit", "serve"],  # noqa: S607
        cwd=kit,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    browser = Browser(f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                if browser.get("/")[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError, OSError):
                pass
            assert server.poll() is None, server.stdout.read().decode()[-2000:]
            assert time.monotonic() < deadline, "the kit did not start within 3 minutes"
            time.sleep(1)

        status, templates = browser.get("/manage-prototype/templates")
        assert status == 200
        templates = html.unescape(templates)
        for page in exported_patterns:
            for screen in page.screens():
                assert f"{page.title}: {screen.number}. {screen.title}" in templates
                status, view = browser.get(
                    "/manage-prototype/templates/view?"
                    + urllib.parse.urlencode(
                        {"package": f"lgpl-{page.slug}", "template": f"/templates/screen-{screen.number}.html"}
                    )
                )
                assert status == 200
                assert html.escape(screen.title, quote=False) in view or screen.title in html.unescape(view)

        for page in exported_patterns:
            base = f"/{page.slug}"
            scaffold = SCAFFOLD[page.locale.language_code]
            status, start = browser.get(f"{base}/start")
            assert status == 200 and scaffold["start"] in start and scaffold["lang"] in start
            entered = {}
            screens = page.screens()
            for screen in screens:
                status, body = browser.get(f"{base}/screen-{screen.number}")
                assert status == 200, (screen.title, body[-2000:])
                fields = answers_for(screen)
                entered.update(fields)
                following = (
                    f"{base}/screen-{screen.number + 1}" if screen.number < len(screens) else f"{base}/check-answers"
                )
                status, landed, _body = browser.post(following, fields)
                assert status == 200 and landed.endswith(following)
            status, check = browser.get(f"{base}/check-answers")
            assert status == 200
            for name, answer in entered.items():
                if answer.startswith("Answer for") or name == "services":
                    assert answer in html.unescape(check), name
            assert "14/2/1990" in check or page.slug != "tell-us-you-are-moving"
            status, landed, confirmation = browser.post(f"{base}/confirmation", {})
            assert status == 200 and scaffold["sent"] in confirmation and scaffold["lang"] in confirmation
            # The answers stay in the session: going back shows them filled in.
            _status, again = browser.get(f"{base}/screen-{len(screens)}")
            last = answers_for(screens[-1])
            assert all(f'value="{value}"' in again for value in last.values() if value.startswith("Answer"))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
