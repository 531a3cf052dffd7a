"""What every resource has in common: strict parameters, fields=, ordering, conditional requests."""

import hashlib
from datetime import UTC, datetime

from django.core.cache import caches
from django.db.models import Max
from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.filters import OrderingFilter
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from library import version

from ..authentication import ApiKeyAuthentication, SessionAuthentication
from ..exceptions import InvalidParameter
from ..filters.base import LOCALES, LgslCodesFilter
from ..models import ChangeEvent
from ..pagination import LibraryPagination
from ..serializers.base import ErrorSerializer
from ..throttling import AnonThrottle, KeyThrottle

EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
RESPONSE_CACHE = "api"
COMMON_PARAMETERS = {"fields", "format"}
LIST_PARAMETERS = {"limit", "offset", "cursor", "ordering"}

ERROR_RESPONSES = {
    400: OpenApiResponse(ErrorSerializer, description="A parameter is unknown or its value cannot be read."),
    401: OpenApiResponse(ErrorSerializer, description="The API key is not valid or has been revoked."),
    429: OpenApiResponse(ErrorSerializer, description="Too many requests; the Retry-After header says when to retry."),
}
DETAIL_ERROR_RESPONSES = {
    **ERROR_RESPONSES,
    404: OpenApiResponse(ErrorSerializer, description="No published item with this key."),
}
NOT_MODIFIED = {304: OpenApiResponse(description="Not modified since If-None-Match / If-Modified-Since.")}


def fields_parameter(example, serializer):
    """``fields=title,summary``: the schema lists the serializer's fields, so a client (or a generated one)
    knows which names are accepted; any other name is a 400 naming ``fields``."""
    names = list(serializer().fields)
    return OpenApiParameter(
        "fields",
        {"type": "array", "items": {"type": "string", "enum": names}, "minItems": 1},
        OpenApiParameter.QUERY,
        description="A comma-separated list of the fields to return; all of them when absent.",
        style="form",
        explode=False,
        examples=[OpenApiExample("fields", value=example.split(","))],
    )


def ordering_parameter(fields):
    terms = [term for field in fields for term in (field, f"-{field}")]
    return OpenApiParameter(
        "ordering",
        {"type": "array", "items": {"type": "string", "enum": terms}, "minItems": 1},
        OpenApiParameter.QUERY,
        description=f"Sort by one of: {', '.join(fields)}; prefix with '-' for descending.",
        style="form",
        explode=False,
        examples=[OpenApiExample("ordering", value=[f"-{fields[-1]}"])],
    )


def joined_parameter(request, name):
    """A comma-separated list parameter given once or repeated (``?a=x&a=y`` is ``?a=x,y``); None if absent."""
    values = request.query_params.getlist(name)
    return ",".join(values) if values else None


class StrictOrderingFilter(OrderingFilter):
    """Like DRF's, but an ordering it does not know is a 400, not silently ignored."""

    def get_ordering(self, request, queryset, view):
        raw = joined_parameter(request, self.ordering_param)
        if raw is None:
            return self.get_default_ordering(view)
        terms = [term.strip() for term in raw.split(",") if term.strip()]
        if not terms:
            raise InvalidParameter(
                "ordering", gettext("Give an ordering: one of %(known)s.") % {"known": ", ".join(view.ordering_fields)}
            )
        allowed = set(view.ordering_fields)
        for term in terms:
            if term.lstrip("-") not in allowed:
                raise InvalidParameter(
                    "ordering",
                    gettext("'%(value)s' is not an ordering. Use one of: %(known)s.")
                    % {"value": term, "known": ", ".join(view.ordering_fields)},
                )
        return [*terms, "pk"]

    def get_schema_operation_parameters(self, view):
        return []


class StrictFilterBackend:
    """Applies the view's FilterSet and turns its errors into a 400 naming the parameter."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = getattr(view, "filterset_class", None)
        if filterset_class is None:
            return queryset
        filterset = filterset_class(request.query_params, queryset=queryset, request=request)
        if not filterset.is_valid():
            name, errors = next(iter(filterset.errors.items()))
            raise InvalidParameter(name, errors[0])
        return filterset.qs

    def get_schema_operation_parameters(self, view):
        return []


class LibraryContentNegotiation(DefaultContentNegotiation):
    """DRF's, with a shortcut for the usual request (no Accept header, or JSON, and no ?format=): JSON.

    DRF parses the Accept header into media types on every request (Django 5.2 builds all of
    ``request.headers`` to read it): a fifth of a revalidation's CPU, for the answer it always gives.
    """

    def select_renderer(self, request, renderers, format_suffix=None):
        accept = request.META.get("HTTP_ACCEPT", "*/*")
        first = renderers[0]
        if (
            accept in ("*/*", first.media_type)
            and format_suffix is None
            and self.settings.URL_FORMAT_OVERRIDE not in request.query_params
        ):
            return first, first.media_type
        return super().select_renderer(request, renderers, format_suffix)


class ResourceMixin:
    """Read-only, conditional (ETag, Last-Modified) resources with strict parameters."""

    authentication_classes = [ApiKeyAuthentication, SessionAuthentication]
    permission_classes = [AllowAny]
    throttle_classes = [AnonThrottle, KeyThrottle]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = LibraryContentNegotiation
    pagination_class = LibraryPagination
    filter_backends = [StrictFilterBackend, StrictOrderingFilter]
    change_resources = ()  # the change feed's resource names, for Last-Modified
    cache_control = "public, max-age=60"

    def allowed_parameters(self):
        """The query parameters this endpoint reads; any other is a 400 naming it."""
        raise NotImplementedError

    def repeatable_parameters(self):
        """Parameters that may be given more than once: ``fields`` and ``ordering`` (the values are joined,
        ``?fields=title&fields=summary`` is ``?fields=title,summary``) and the filters that take a list."""
        names = {"fields", "ordering"}
        filterset_class = getattr(self, "filterset_class", None)
        if filterset_class is not None:
            filters = filterset_class.base_filters.items()
            names |= {name for name, filter_ in filters if isinstance(filter_, LgslCodesFilter)}
        return names

    def perform_content_negotiation(self, request, force=False):
        try:
            return super().perform_content_negotiation(request, force)
        except Http404:
            # DRF answers 404 to a ?format= no renderer has; the client asked for something we cannot give.
            formats = ", ".join(renderer.format for renderer in self.get_renderers())
            raw = request.query_params.get("format", "")
            raise InvalidParameter(
                "format",
                gettext("'%(value)s' is not a format of this endpoint. Use: %(known)s.")
                % {"value": raw[:20], "known": formats},
            ) from None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        allowed = self.allowed_parameters()
        for name in request.query_params:
            if name not in allowed:
                raise InvalidParameter(
                    name,
                    gettext("'%(name)s' is not a parameter of this endpoint. Use: %(known)s.")
                    % {"name": name, "known": ", ".join(sorted(allowed))},
                    code="unknown_parameter",
                )
        repeatable = self.repeatable_parameters()
        for name in request.query_params:
            count = len(request.query_params.getlist(name))
            if count > 1 and name not in repeatable:
                # Which one was meant? Answering with the last would drop the others without a word.
                raise InvalidParameter(
                    name,
                    gettext("'%(name)s' is given %(count)s times: give it once.") % {"name": name, "count": count},
                    code="repeated_parameter",
                )
        self.selected_fields = self.read_fields(request)

    def read_fields(self, request):
        raw = joined_parameter(request, "fields")
        if raw is None:
            return None
        names = [name.strip() for name in raw.split(",") if name.strip()]
        known = list(self.get_serializer_class()().fields)
        unknown = [name for name in names if name not in known]
        if unknown or not names:
            raise InvalidParameter(
                "fields",
                gettext("Unknown fields: %(unknown)s. Fields: %(known)s.")
                % {"unknown": ", ".join(unknown) or gettext("(none given)"), "known": ", ".join(known)},
            )
        return names

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["fields"] = getattr(self, "selected_fields", None)
        return context

    # ----- conditional requests --------------------------------------------------------------------

    def last_modified_for(self, queryset=None, obj=None):
        """The latest of the items' publication times and the resource's latest change event."""
        candidates = []
        if obj is not None and getattr(obj, "last_published_at", None):
            candidates.append(obj.last_published_at)
        if queryset is not None and hasattr(queryset.model, "last_published_at"):
            latest = queryset.order_by().aggregate(latest=Max("last_published_at"))["latest"]
            if latest:
                candidates.append(latest)
        if self.change_resources:
            latest_event = (
                ChangeEvent.objects.filter(resource__in=self.change_resources)
                .order_by("-id")
                .values_list("occurred_at", flat=True)
                .first()
            )
            if latest_event:
                candidates.append(latest_event)
        return max(candidates) if candidates else EPOCH

    def library_etag(self, request):
        """This answer's ETag from the library version (``library.version``), without reading any content.

        None where the answer is not the public library's (a draft preview): those are hashed instead.
        """
        if request.method not in ("GET", "HEAD") or request.query_params.get("version") == "draft":
            return None
        material = "|".join(
            [
                "v1",
                version.current(),
                request.accepted_media_type or "",
                translation.get_language() or "",
                request.get_full_path(),
            ]
        )
        return '"' + hashlib.sha256(material.encode()).hexdigest()[:32] + '"'

    def answer(self, request, render):
        """Answer 304 or from the response cache when the library has not changed, else ``render()``."""
        self.etag = self.library_etag(request)
        if self.etag is None:
            return render()
        not_modified = get_conditional_response(request, etag=self.etag)
        if not_modified is not None:
            return not_modified
        cached = caches[RESPONSE_CACHE].get(self.etag)
        if cached is None:
            return render()
        content, content_type, last_modified = cached
        self.last_modified = last_modified
        return HttpResponse(content, content_type=content_type)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return response
        patch_vary_headers(response, ["Accept", "Authorization"])
        etag = getattr(self, "etag", None)
        cache_control = getattr(self, "response_cache_control", self.cache_control)
        if response.status_code == 304 and etag:
            response["ETag"] = etag
            response["Cache-Control"] = cache_control
            return response
        if response.status_code != 200:
            return response
        if hasattr(response, "render"):
            response.render()
            if etag:
                caches[RESPONSE_CACHE].set(
                    etag, (response.content, response["Content-Type"], getattr(self, "last_modified", None))
                )
        if not etag:
            etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
        response["ETag"] = etag
        last_modified = getattr(self, "last_modified", None)
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified.timestamp())
        response["Cache-Control"] = cache_control
        conditional = get_conditional_response(
            request,
            etag=etag,
            last_modified=int(last_modified.timestamp()) if last_modified else None,
            response=response,
        )
        return conditional or response

    def request_locale(self):
        locale = self.request.query_params.get("locale", "en")
        if locale not in dict(LOCALES):
            raise InvalidParameter("locale", gettext("'%(value)s' is not a locale: use en or cy.") % {"value": locale})
        return locale


class ResourceViewSet(ResourceMixin, viewsets.GenericViewSet):
    """A resource's list (paginated, filtered, ordered) and its items, registered on ``api.urls``' router.

    ``list`` and ``retrieve`` answer through ``answer()``: a 304 or the cached body when the library has
    not changed, else DRF's usual steps (``render_list``, ``render_detail``). ``detail`` is the router's
    flag (False on the list's route, where a POST goes too); ``detail_serializer_class``, if set, is the
    items' serializer, ``serializer_class`` the list's.
    """

    ordering_fields = ["id"]
    ordering = ["id"]
    filterset_class = None
    detail_serializer_class = None
    detail_parameters = {"locale"}

    def get_serializer_class(self):
        if self.detail and self.detail_serializer_class is not None:
            return self.detail_serializer_class
        return super().get_serializer_class()

    def allowed_parameters(self):
        if self.detail:
            return COMMON_PARAMETERS | self.detail_parameters
        names = COMMON_PARAMETERS | LIST_PARAMETERS
        if self.filterset_class is not None:
            names |= set(self.filterset_class.base_filters)
        return names

    def list(self, request, *args, **kwargs):
        return self.answer(request, self.render_list)

    def render_list(self):
        queryset = self.filter_queryset(self.get_queryset())
        self.last_modified = self.last_modified_for(queryset=queryset)
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(self.serialize_page(page))

    def serialize_page(self, page):
        return self.get_serializer(page, many=True).data

    def retrieve(self, request, *args, **kwargs):
        return self.answer(request, self.render_detail)

    def render_detail(self):
        obj = self.get_object()
        self.last_modified = self.last_modified_for(obj=obj)
        return self.render_object(obj)

    def render_object(self, obj):
        return Response(self.get_serializer(obj).data)

    def get_object(self):
        try:
            return super().get_object()
        except (ValueError, TypeError) as exc:
            raise Http404 from exc


class RecordViewSet(ResourceViewSet):
    """Records keyed by id (assessments, adoptions): no locale, so an item takes no parameter but fields."""

    lookup_value_converter = "number"
    detail_parameters = set()


def record_schema(cls):
    """The OpenAPI description of a ``RecordViewSet``, from its attributes: ``schema_name`` (operation ids and
    tag), ``summaries`` (list, detail), ``description`` and ``fields_example``."""
    name, serializer = cls.schema_name, cls.serializer_class
    return extend_schema_view(
        list=extend_schema(
            operation_id=f"{name}_list",
            summary=cls.summaries[0],
            description=cls.description,
            parameters=[
                *cls.filterset_class.openapi_parameters(),
                fields_parameter(cls.fields_example, serializer),
                ordering_parameter(cls.ordering_fields),
            ],
            responses={200: serializer(many=True), **NOT_MODIFIED, **ERROR_RESPONSES},
            tags=[name],
        ),
        retrieve=extend_schema(
            operation_id=f"{name}_retrieve",
            summary=cls.summaries[1],
            # What the schema has always said here (it was the shared view class's docstring).
            description="Read-only, conditional (ETag, Last-Modified) resources with strict parameters.",
            responses={200: serializer, **NOT_MODIFIED, **DETAIL_ERROR_RESPONSES},
            tags=[name],
        ),
    )(cls)
