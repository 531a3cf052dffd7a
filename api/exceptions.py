"""Every error the API returns has one shape: ``{"error": {"code", "message", "field"}}``."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler


class InvalidParameter(exceptions.ValidationError):
    """A query parameter the API does not accept, or a value it cannot read."""

    def __init__(self, field, message, code="invalid_parameter"):
        super().__init__({field: [message]}, code=code)
        self.field = field
        self.message = message
        self.error_code = code


def error_body(code, message, field=None):
    return {"error": {"code": code, "message": str(message), "field": field}}


def _first_message(detail):
    """Flatten DRF's nested error detail to ``(field, message, code)`` of its first entry."""
    if isinstance(detail, dict):
        field, value = next(iter(detail.items()))
        _inner_field, message, code = _first_message(value)
        return field, message, code
    if isinstance(detail, list) and detail:
        return _first_message(detail[0])
    return None, str(detail), getattr(detail, "code", None)


def exception_handler(exc, context):
    if isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    response = drf_exception_handler(exc, context)
    if response is None:
        return None
    if isinstance(exc, InvalidParameter):
        body = error_body(exc.error_code, exc.message, exc.field)
    elif isinstance(exc, exceptions.ValidationError):
        field, message, code = _first_message(exc.detail)
        if field == "non_field_errors":
            field = None
        body = error_body("invalid_parameter" if code in (None, "invalid") else code, message, field)
    else:
        code = exc.get_codes() if isinstance(exc.get_codes(), str) else exc.default_code
        body = error_body(code, exc.detail if isinstance(exc.detail, str) else str(exc.detail))
    response.data = body
    return response
