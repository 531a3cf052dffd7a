"""The site's public address (``settings.SITE_URL``), from which every absolute URL is built.

API responses, the sitemap, robots.txt, the Atom feed, hreflang links and emails all say
``SITE_URL + path``, never the address a request happened to arrive on (behind a proxy, or with
``make run`` on 127.0.0.1:8000, that is not the address a supplier or reader can use). Wagtail's default
Site record follows the setting (``sync_default_site``, after every migrate and in ``load_demo``), so
Wagtail's own links (the admin's "View live") agree, and ``WAGTAILADMIN_BASE_URL`` defaults to it. The
site's own absolute URLs do not depend on the Site record: they are ``absolute(path)`` and ``page_url(page)``.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks


def site_url():
    """``SITE_URL`` without a trailing slash, e.g. ``https://patterns.example.org``."""
    return settings.SITE_URL.rstrip("/")


def absolute(path):
    """``path`` (``/api/v1/…``, or already absolute) as an absolute URL on the site's address."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return site_url() + ("" if path.startswith("/") else "/") + path


def site_address(value=None):
    """``(hostname, port)`` for Wagtail's Site record, or raise ValueError saying what is wrong with ``value``.

    Wagtail's Site makes ``http://host`` of port 80, ``https://host`` of port 443 and ``http://host:port`` of
    any other, so those are the addresses the setting may hold.
    """
    value = settings.SITE_URL if value is None else value
    if not isinstance(value, str) or not value:
        raise ValueError("it is empty")
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"it cannot be read as a URL ({exc})") from None
    if parts.scheme not in ("http", "https"):
        raise ValueError("it must start with http:// or https://")
    if not parts.hostname:
        raise ValueError("it has no host name")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username or parts.password:
        raise ValueError("it must be only the scheme, host and port (no path, query, fragment or user name)")
    if parts.scheme == "https":
        if port not in (None, 443):
            raise ValueError("an https address must use the default port (443)")
        return parts.hostname, 443
    if port == 443:
        raise ValueError("port 443 is for https")
    return parts.hostname, port or 80


@checks.register(checks.Tags.compatibility)
def check_site_url(app_configs=None, **kwargs):
    """A malformed SITE_URL would put dead links in every API response, feed and email: refuse it."""
    try:
        site_address()
    except ValueError as exc:
        return [
            checks.Error(
                f"SITE_URL {settings.SITE_URL!r} is not a usable site address: {exc}.",
                hint="Set SITE_URL to the address readers use, e.g. https://patterns.example.org or "
                "http://127.0.0.1:8000.",
                id="cms.E001",
            )
        ]
    return []


def sync_default_site(**kwargs):
    """Point Wagtail's default Site at SITE_URL's host and port (no-op when it already does)."""
    from wagtail.models import Site

    try:
        hostname, port = site_address()
    except ValueError:
        return  # the system check reports it
    changed = (
        Site.objects.filter(is_default_site=True)
        .exclude(hostname=hostname, port=port)
        .update(hostname=hostname, port=port)
    )
    if changed:
        from .changes import SAVED, library_changed

        Site.clear_site_root_paths_cache()
        # An update sends no signal: say so, so that what was kept under the old address (the pages, the
        # site each process remembers for serving them) is let go.
        library_changed(SAVED, *Site.objects.filter(is_default_site=True))


def on_site(url):
    """A URL built from the request (``request.build_absolute_uri``, DRF's next/previous links) moved onto
    SITE_URL: same path and query, the site's scheme, host and port. None stays None."""
    if not url:
        return url
    parts = urlsplit(url)
    return absolute(parts.path + (f"?{parts.query}" if parts.query else ""))


def page_url(page, request=None):
    """A Wagtail page's absolute URL on SITE_URL ("" for a page outside any site)."""
    try:
        # The path within its site (what get_full_url puts after the Site's root URL), without get_url's
        # lookup of the request's own Site: one query fewer per request.
        parts = page.get_url_parts(request=request)
    except Exception:  # noqa: BLE001  a page outside any site has no public URL
        return ""
    return absolute(parts[2]) if parts and parts[2] else ""
