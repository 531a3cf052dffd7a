"""Site-wide request checks that run before any view."""

from django.http import HttpResponseBadRequest
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
        if NUL in request.path or any(
            NUL in key or any(NUL in value for value in values) for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(
                _("The address holds a NUL character (%00), which is not allowed in a query."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
