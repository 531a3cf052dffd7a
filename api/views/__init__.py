"""The supplier API's views, one module per resource."""

from django.http import JsonResponse
from django.utils.translation import gettext

from ..exceptions import error_body


def not_found(request, *args, **kwargs):
    """The API's 404 for an address no route matches, in the API's error shape."""
    response = JsonResponse(error_body("not_found", gettext("Not found.")), status=404)
    response["Vary"] = "Accept, Authorization"
    return response
