def test_public_pages_carry_a_strict_content_security_policy(client, home_page):
    """The public site sends a CSP without unsafe-inline, forbidding framing, plus nosniff and a referrer policy."""
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "script-src 'self' 'nonce-" in policy or "script-src 'self'" in policy
    assert "default-src 'self'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY" or "frame-ancestors 'none'" in policy


def test_the_nonce_changes_with_every_response(client, home_page):
    """Each response gets its own script nonce when the page uses one."""
    from csp.middleware import CSPMiddleware
    from django.test import RequestFactory

    def nonce():
        request = RequestFactory().get("/")
        middleware = CSPMiddleware(lambda req: __import__("django.http").http.HttpResponse(str(req.csp_nonce)))
        return middleware(request).content

    assert nonce() != nonce()


def test_oversized_request_bodies_are_refused(client, db):
    """A request body over the upload limit gets a 4xx, not a server error."""
    big = "x" * (11 * 1024 * 1024)
    response = client.post("/admin/login/", {"username": big, "password": "x"})
    assert 400 <= response.status_code < 500


def test_previews_are_framed_by_the_admin_only_and_the_live_page_by_nobody(admin_client, pattern_page):
    """The editor's preview may be framed by the same origin; the same page served publicly by nobody."""
    revision = pattern_page.save_revision()
    revision.publish()
    # Every preview goes through Page.make_preview_request; a revision's preview (history, workflow) is one.
    # (The preview panel itself is tested in Chromium: tests/journeys/test_preview.py.)
    preview = admin_client.get(f"/admin/pages/{pattern_page.pk}/revisions/{revision.pk}/view/")
    assert preview.status_code == 200
    assert pattern_page.title in preview.content.decode()
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"

    public = admin_client.get(pattern_page.url)
    assert public.status_code == 200
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"]
    assert public["X-Frame-Options"] == "DENY"


def test_the_admin_has_its_own_content_security_policy(admin_client, home_page):
    """Admin pages carry a CSP: no plugins, no other base address, framed only by the admin itself."""
    for url in ("/admin/login/", "/admin/", f"/admin/pages/{home_page.pk}/edit/"):
        response = admin_client.get(url)
        policy = response["Content-Security-Policy"]
        for directive in ("object-src 'none'", "base-uri 'self'", "frame-ancestors 'self'", "default-src 'self'"):
            assert directive in policy, (url, directive)
        assert "http" not in policy  # no script, style or image from another site
