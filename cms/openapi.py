"""OpenAPI schema hooks (drf-spectacular)."""


def public_api_only(endpoints, **kwargs):
    """Keep the supplier API under /api/ in the schema; leave out the admin's internal APIs.

    Wagtail's admin and wagtail-localize expose DRF views under /admin/ that are not part of the
    public API and that the schema generator cannot describe (``check --deploy`` would warn).
    """
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/")]
