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
