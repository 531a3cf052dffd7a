"""Responses kept for the next anonymous reader: which may be kept, and how, without the request's nonce.

Used by the public page cache (``cms.page_cache``) and the search's kept answers (``search.answers``).

Only a response that is the same for every anonymous reader is kept: to a GET with no session, messages or
Authorization (:func:`anonymous`), a 200 that sets no cookie (a form's CSRF token sets one), is not marked
private and was not rendered for a signed-in user (:func:`same_for_everyone`).

The Content-Security-Policy nonce is per request. A kept response holds no nonce: its body is kept split where
the nonce stood (:func:`keep`), and joined with the new request's nonce on the way out (:func:`replay`), so the
CSP middleware puts that same nonce in the header.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.functional import empty

UNCACHEABLE_CACHE_CONTROL = ("private", "no-store", "no-cache")


def anonymous(request):
    """A GET from a reader with no session (so not signed in), no messages waiting and no API key."""
    if request.method != "GET":
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies:
        return False
    return "HTTP_AUTHORIZATION" not in request.META


def same_for_everyone(request, response):
    """Whether the response to an anonymous GET may be given to any anonymous reader: a 200 that sets no cookie
    (nor will: no CSRF token in it), is not marked private, rendered for a reader who is not signed in."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # a CSRF token is in the page
        return False
    cache_control = response.get("Cache-Control", "")
    if any(directive in cache_control for directive in UNCACHEABLE_CACHE_CONTROL):
        return False
    user = getattr(request, "user", None)
    if user is None or getattr(user, "_wrapped", None) is empty:
        # Not read while the response was made: with no session (anonymous()) there is no one signed in, and
        # reading it now would read the session, which the session middleware answers with Vary: Cookie.
        return True
    return not user.is_authenticated


def keep(request, response):
    """``(body split at the nonce, headers, the view's CSP changes)``; the nonce itself is never kept.

    A view's changes to the policy (a live example allows framing by the site itself) are applied by the
    CSP middleware, so they are kept with the response and given back on replay.
    """
    nonce = getattr(request, "_csp_nonce", None)
    body = response.content
    chunks = body.split(nonce.encode()) if isinstance(nonce, str) else [body]
    return chunks, list(response.items()), getattr(response, "_csp_replace", None)


def replay(request, kept):
    """The response :func:`keep` kept, with this request's nonce where the kept one's stood."""
    chunks, headers, csp_replace = kept if len(kept) == 3 else (*kept, None)
    body = chunks[0] if len(chunks) == 1 else str(request.csp_nonce).encode().join(chunks)
    response = HttpResponse(body)
    for name, value in headers:
        response[name] = value
    response["Content-Length"] = str(len(body))
    if csp_replace:
        response._csp_replace = csp_replace
    return response
