"""The site's Content-Security-Policy: the public site's, the admin's own, and framed previews.

The admin (``/admin/``) gets ``ADMIN_CONTENT_SECURITY_POLICY``: the strictest Wagtail's admin works with.

Wagtail serves a preview (the editor's preview panel, "Preview in new tab", a revision or a workflow
preview) by running the page's own view through the whole middleware stack on a stand-in request marked
``is_preview``. That response would carry the public site's framing rules (``frame-ancestors 'none'``,
``X-Frame-Options: DENY``) and the admin's iframe would stay blank. Previews are framed by the admin, which
has the same origin, so they say ``'self'`` / ``SAMEORIGIN``; every public page still refuses all framing.
A real request cannot set ``is_preview``: only Wagtail's preview handler does.
"""

from csp.constants import SELF
from csp.middleware import CSPMiddleware
from django.conf import settings

ADMIN_PREFIX = "/admin/"


def is_preview(request):
    return getattr(request, "is_preview", False) is True


class LibraryCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, letting the admin frame the previews it asks for."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if is_preview(request):
            parts.replace = {**(parts.replace or {}), "frame-ancestors": [SELF]}
        elif request.path_info.startswith(ADMIN_PREFIX) and parts.config is None and not report_only:
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts

    def process_response(self, request, response):
        # Outside XFrameOptionsMiddleware, so this replaces the DENY it set on the preview.
        if is_preview(request):
            response["X-Frame-Options"] = "SAMEORIGIN"
        return super().process_response(request, response)
