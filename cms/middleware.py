"""Site-wide request checks that run before any view."""

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

NUL = "\x00"


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
