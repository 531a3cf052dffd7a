"""Site-wide request checks that run before any view."""

from django.core.exceptions import RequestDataTooBig
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from pattern_pages.text import JSON_MAX_DEPTH, json_too_deep

NUL = "\x00"
ADMIN_PREFIX = "/admin/"
# Far more than anyone types into a search box, far fewer than the search backend's recursion can take.
ADMIN_SEARCH_MAX_WORDS = 32
ADMIN_SEARCH_MAX_LENGTH = 255


class RejectNulCharactersMiddleware:
    """Answer 400 to a query string holding a NUL character.

    PostgreSQL text cannot hold NUL, so a search such as ``?q=%00`` in the admin or on the public site would
    otherwise end in a server error. Form fields already refuse NUL (Django's ProhibitNullCharactersValidator).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        field = self.field_with_nul(request)
        if field is None:
            return self.get_response(request)
        message = _("The address holds a NUL character (%00), which is not allowed in a query.")
        if request.path.startswith("/api/"):
            # The API's error shape, naming the parameter, so a client can tell which value to fix.
            return JsonResponse(
                {"error": {"code": "invalid_parameter", "message": str(message), "field": field or None}},
                status=400,
            )
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")

    @staticmethod
    def field_with_nul(request):
        """The query parameter holding a NUL ("" for the path itself), or None when there is none."""
        if NUL in request.path:
            return ""
        for key, values in request.GET.lists():
            if NUL in key or any(NUL in value for value in values):
                return key.replace(NUL, "")
        return None


class RefuseDeepJsonMiddleware:
    """Answer 400 to a JSON body nested more than ``JSON_MAX_DEPTH`` (64) deep, whatever view would read it.

    Python's json module parses by recursion, so a body of thousands of ``[`` was a RecursionError (500) in
    the API's adoption endpoint and in the admin's JSON endpoints alike.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "json" not in (request.content_type or "") or request.method in ("GET", "HEAD", "OPTIONS"):
            return self.get_response(request)
        try:
            text = request.body.decode("utf-8", errors="replace")
        except RequestDataTooBig:
            return self.get_response(request)  # Django answers that itself when the view reads the body
        if not json_too_deep(text):
            return self.get_response(request)
        message = ngettext(
            "The JSON is nested more than %(depth)s level deep.",
            "The JSON is nested more than %(depth)s levels deep.",
            JSON_MAX_DEPTH,
        ) % {"depth": JSON_MAX_DEPTH}
        if request.path.startswith("/api/"):
            error = {"code": "parse_error", "message": str(message), "field": None}
            return JsonResponse({"error": error, "errors": [error]}, status=400)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")


class BoundAdminSearchMiddleware:
    """Answer 400, with a message, to an admin search (``?q=``) longer than the search backends can take.

    Wagtail's PostgreSQL backend builds one nested expression per word, and 100 or more words overflowed
    Python's recursion limit (a server error). Every search box in the admin sends ``q``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.GET.get("q") if request.path.startswith(ADMIN_PREFIX) else None
        if not query or not request.user.is_authenticated:
            return self.get_response(request)
        words = len(query.split())
        if words <= ADMIN_SEARCH_MAX_WORDS and len(query) <= ADMIN_SEARCH_MAX_LENGTH:
            return self.get_response(request)
        # One count per sentence part, each through ngettext, so every language can make each agree.
        limit_words = ngettext("%(count)s word", "%(count)s words", ADMIN_SEARCH_MAX_WORDS) % {
            "count": ADMIN_SEARCH_MAX_WORDS
        }
        limit_length = ngettext("%(count)s character", "%(count)s characters", ADMIN_SEARCH_MAX_LENGTH) % {
            "count": ADMIN_SEARCH_MAX_LENGTH
        }
        given_words = ngettext("%(count)s word", "%(count)s words", words) % {"count": words}
        given_length = ngettext("%(count)s character", "%(count)s characters", len(query)) % {"count": len(query)}
        message = _(
            "Search for at most %(words)s and %(length)s: this search has %(given)s and %(given_length)s. "
            "Shorten it and search again."
        ) % {"words": limit_words, "length": limit_length, "given": given_words, "given_length": given_length}
        return render(request, "cms/admin_search_refused.html", {"message": message}, status=400)


class ApiLanguageMiddleware:
    """The API answers in the language the client asks for (``Accept-Language``; English by default).

    Django's LocaleMiddleware keeps every address outside the /cy/ prefix in English, which is right for the
    public site (the prefix is the reader's choice) but leaves an API client no way to ask for Welsh error
    messages. Under /api/ the header decides; responses say they vary by it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/api/"):
            return self.get_response(request)
        language = translation.get_language_from_request(request, check_path=False)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        patch_vary_headers(response, ["Accept-Language"])
        return response
