"""The API's front doors: /api/ (an HTML page for suppliers) and /api/v1/ (the resources, as JSON)."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view, permission_classes, renderer_classes, throttle_classes
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from library.site_url import absolute

from ..exceptions import InvalidParameter
from ..throttling import AnonThrottle, KeyThrottle
from .base import ERROR_RESPONSES

# The resources /api/v1/ lists, by the name a supplier sees, and their list routes.
RESOURCES = {
    "patterns": "api:pattern-list",
    "processes": "api:process-list",
    "services": "api:service-list",
    "life-events": "api:life-event-list",
    "pattern-types": "api:pattern-type-list",
    "councils": "api:council-list",
    "components": "api:component-list",
    "standards": "api:standard-list",
    "assessments": "api:assessment-list",
    "adoptions": "api:adoption-list",
    "search": "api:search",
    "changes": "api:changes",
}


def landing(request):
    """What the API offers, for a supplier who followed the site's "API" link (in English, as the docs are)."""
    with translation.override("en"):
        return render(
            request,
            "api/landing.html",
            {"resources": [(name, reverse(route)) for name, route in RESOURCES.items()], "site_url": absolute("/")},
        )


@extend_schema(
    operation_id="api_index",
    summary="The API's resources",
    description="Each resource's list address, and where the schema and the documentation are.",
    responses={
        200: inline_serializer(
            "ApiIndex",
            {
                "resources": serializers.DictField(child=serializers.URLField(), help_text="Name → list address."),
                "schema": serializers.URLField(),
                "docs": serializers.URLField(),
            },
        ),
        **ERROR_RESPONSES,
    },
    tags=["index"],
)
@api_view(["GET"])
@permission_classes([AllowAny])
@throttle_classes([AnonThrottle, KeyThrottle])
@renderer_classes([JSONRenderer])
def api_index(request):
    unknown = sorted(set(request.query_params) - {"format"})
    if unknown:
        name = unknown[0]
        raise InvalidParameter(name, f"'{name}' is not a parameter of this endpoint.", code="unknown_parameter")
    return Response(
        {
            "resources": {name: absolute(reverse(route)) for name, route in RESOURCES.items()},
            "schema": absolute(reverse("api:schema")),
            "docs": absolute(reverse("api:docs")),
        }
    )
