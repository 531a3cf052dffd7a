"""The hashes the API docs' CSP allows are the styles Redoc and Swagger UI really write (issue 14).

Redoc writes ``<style>`` elements as it starts (styled-components' empty one, filled through the CSSOM, and
its bundled stylesheets); the policy of /api/v1/docs/ allows them by hash (api.views.docs), never with
'unsafe-inline'. This test collects every ``<style>`` element on each docs page in Chromium, hashes its text,
and checks the page's own policy allows each one and nothing more: a new sidecar version whose styles
differ fails here, with the hashes to use.
"""

import base64
import hashlib

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from api.views import docs


def style_hashes(page):
    texts = page.eval_on_selector_all("style", "els => els.map(el => el.textContent)")
    return {"sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() for text in texts}


@pytest.mark.parametrize(
    "path, ready, allowed",
    [
        ("/api/v1/docs/", "[data-section-id^='operation/']", docs.REDOC_STYLE_HASHES),
        ("/api/v1/docs/swagger/", ".opblock", docs.SWAGGER_STYLE_HASHES),
    ],
)
def test_docs_styles_are_allowed_by_exactly_their_hashes(journey, home_page, path, ready, allowed):
    page = journey.new_page()
    response = page.goto(path)
    policy = response.headers["content-security-policy"]
    style_src = next(part for part in policy.split(";") if part.strip().startswith("style-src"))
    assert "unsafe-inline" not in policy
    try:
        page.wait_for_selector(ready, timeout=60_000)
    except PlaywrightTimeout:
        pass  # a refused style can stop the page rendering: the hashes below say which
    found = style_hashes(page)
    assert found == set(allowed), f"the page writes styles hashed {sorted(found)}; allowed: {sorted(allowed)}"
    for value in allowed:
        assert f"'{value}'" in style_src
