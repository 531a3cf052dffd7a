"""The API's documentation pages, Redoc and Swagger UI, under the site's Content-Security-Policy.

Both come from drf-spectacular-sidecar's static files (no CDN). Each page's one inline script carries the
request's nonce (api/templates/api/). What the policy adds for these two pages only:

- ``style-src``: the hashes of the ``<style>`` elements each library writes into the page as it starts
  (Redoc's styled-components and its own rules; Swagger UI's). They are fixed text in the pinned bundles;
  ``tests/api/test_docs_csp.py`` computes them from the bundles, so a new version that changes them fails
  the test rather than the page. No ``'unsafe-inline'``.
- ``worker-src blob:``: Redoc runs its search index in a Web Worker made from a blob.
"""

from csp.constants import SELF
from csp.decorators import csp_update
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerView

REDOC_STYLE_HASHES = [
    # styled-components' <style> element, empty when written (its rules go in through the CSSOM).
    "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
    # Redoc's bundled stylesheet, written by its style loader.
    "sha256-QMIg+bpjm3JdElJ388KYke01izlUW0UoNOeKjpMxdgc=",
]
SWAGGER_STYLE_HASHES = []


def _hashes(hashes):
    return [f"'{value}'" for value in hashes]


class RedocView(SpectacularRedocView):
    template_name = "api/redoc.html"


class SwaggerView(SpectacularSwaggerView):
    template_name = "api/swagger_ui.html"


def redoc_view(**kwargs):
    return csp_update({"style-src": _hashes(REDOC_STYLE_HASHES), "worker-src": [SELF, "blob:"]})(
        RedocView.as_view(**kwargs)
    )


def swagger_view(**kwargs):
    return csp_update({"style-src": _hashes(SWAGGER_STYLE_HASHES)})(SwaggerView.as_view(**kwargs))
