"""Search across patterns, processes and services, with the same parameters, facets and result shape
as the public search page. Whichever engine is configured answers; callers never need to know which."""

from django.utils.translation import gettext
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers
from rest_framework.response import Response

from library.site_url import absolute
from search.answers import answered
from search.documents import FACETS
from search.engines import SearchEngineUnavailable, get_search_engine
from search.params import MAX_PAGE, MAX_PAGE_SIZE, MAX_QUERY_LENGTH, read_search
from search.query import MAX_RESULTS, PAGE_SIZE, SearchQueryError, last_page

from ..exceptions import InvalidParameter, error_body
from ..filters.base import LOCALE_CODES
from ..serializers.base import ErrorSerializer
from .base import ERROR_RESPONSES, ResourceMixin


class SearchHitSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="pattern, process or service")
    title = serializers.CharField()
    url = serializers.URLField(help_text="The item on the public site (absolute, on the site's address).")
    score = serializers.FloatField()
    title_html = serializers.CharField(help_text="The title with matched words in <mark>, HTML-escaped.")
    snippet_html = serializers.CharField(help_text="A passage with matched words in <mark>, HTML-escaped.")
    slug = serializers.CharField()
    lgsl_codes = serializers.ListField(child=serializers.CharField())


class FacetCountSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


class SearchResultsSerializer(serializers.Serializer):
    q = serializers.CharField()
    total = serializers.IntegerField()
    page = serializers.IntegerField()
    page_count = serializers.IntegerField()
    suggestion = serializers.CharField(help_text="'Did you mean' text, or empty.")
    results = SearchHitSerializer(many=True)
    facets = serializers.DictField(child=FacetCountSerializer(many=True), help_text="Counts per facet value.")


def facet_parameter(name):
    return OpenApiParameter(
        name,
        OpenApiTypes.STR,
        OpenApiParameter.QUERY,
        many=True,
        explode=True,
        description=f"Only results with this {name.replace('_', ' ')} (repeatable; any value matches).",
        examples=[OpenApiExample(name, value={"type": "pattern", "maturity": "stable"}.get(name, "apply"))],
    )


class SearchView(ResourceMixin, generics.GenericAPIView):
    serializer_class = SearchResultsSerializer
    cache_control = "public, max-age=30"

    def allowed_parameters(self):
        return {"q", "page", "page_size", "locale", "format", *FACETS}

    def read_fields(self, request):
        return None

    def repeatable_parameters(self):
        return set(FACETS)

    @extend_schema(
        operation_id="search",
        summary="Search patterns, processes and services",
        description="Full-text search with synonyms, highlighting, facet counts and a 'did you mean' suggestion.",
        parameters=[
            OpenApiParameter(
                "q",
                {"type": "string", "maxLength": MAX_QUERY_LENGTH},
                OpenApiParameter.QUERY,
                description="The words to search for.",
                examples=[OpenApiExample("q", value="blue badge")],
            ),
            OpenApiParameter(
                "page",
                {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
                OpenApiParameter.QUERY,
                description=(
                    f"The page of results, from 1. Only the first {MAX_RESULTS:,} results can be paged through, so "
                    f"the last page is {MAX_RESULTS:,} ÷ page_size ({last_page(PAGE_SIZE)} at the default size); "
                    "a page past it is a 400 naming `page`."
                ),
            ),
            OpenApiParameter(
                "page_size",
                {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
                OpenApiParameter.QUERY,
                description=f"Results a page, at most {MAX_PAGE_SIZE}.",
            ),
            OpenApiParameter(
                "locale", OpenApiTypes.STR, OpenApiParameter.QUERY, enum=LOCALE_CODES, description="en or cy."
            ),
            *[facet_parameter(name) for name in FACETS],
        ],
        responses={
            200: SearchResultsSerializer,
            **ERROR_RESPONSES,
            503: OpenApiResponse(ErrorSerializer, description="The search engine cannot be reached; try again later."),
        },
        tags=["search"],
    )
    def get(self, request):
        """The search, kept for the next anonymous client that asks the same (``search.answers``)."""
        return answered(request, self.request_locale(), ("api", request.accepted_media_type), self.render_search)

    def render_search(self):
        """``(the answer, rendered; whether it may be kept)``."""
        request = self.request
        try:
            query, problems = read_search(request.query_params, self.request_locale(), page_sizes=True)
        except SearchQueryError as error:
            raise InvalidParameter("q", str(error)) from None
        if problems:
            raise InvalidParameter(problems[0].parameter, problems[0].message)
        text = query.text
        try:
            results = get_search_engine().search(query)
        except SearchEngineUnavailable:
            response = Response(
                error_body(
                    "search_unavailable", gettext("The search engine cannot be reached; try again in a few minutes.")
                ),
                status=503,
            )
            response["Retry-After"] = "60"
            return response, False
        response = Response(
            {
                "q": text,
                "total": results.total,
                "page": query.page,
                "page_count": results.page_count,
                "suggestion": results.suggestion,
                "results": [
                    {
                        "kind": hit.kind,
                        "title": hit.title,
                        "url": absolute(hit.url),
                        "score": hit.score,
                        "title_html": str(hit.title_html),
                        "snippet_html": str(hit.snippet_html),
                        "slug": hit.slug,
                        "lgsl_codes": hit.lgsl_codes,
                    }
                    for hit in results.hits
                ],
                "facets": {
                    name: [
                        {"value": c.value, "label": str(c.label), "count": c.count, "selected": c.selected}
                        for c in counts
                    ]
                    for name, counts in results.facets.items()
                },
            }
        )
        # Rendered here, as DRF's finalize_response would, so that the body can be kept.
        response.accepted_renderer = request.accepted_renderer
        response.accepted_media_type = request.accepted_media_type
        response.renderer_context = self.get_renderer_context()
        return response.render(), True
