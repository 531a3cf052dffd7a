"""The adoption register: which councils use which patterns and processes. Only adoptions an editor
has approved, of pages that are live, are shown. A supplier's key may send adoptions for the councils
it serves; they wait for an editor's approval before they are public."""

from django.db import IntegrityError, transaction
from django.db.models import Q
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import exceptions, status
from rest_framework.response import Response
from wagtail.models import Locale

from contributions.models import Adoption, AdoptionSource
from pattern_pages.models import Council, ProcessPage, Service, ServicePatternPage
from pattern_pages.text import plain_text

from ..exceptions import error_body
from ..filters.adoptions import AdoptionFilterSet
from ..models import ApiKey
from ..parsers import JSONParser
from ..serializers.adoptions import AdoptionSerializer, AdoptionSubmissionSerializer, SubmittedAdoptionSerializer
from ..serializers.base import ErrorSerializer, SubmissionErrorSerializer
from .base import ERROR_RESPONSES, RecordViewSet, record_schema


class SubmissionRefused(Exception):
    """A well-formed submission the library cannot accept (not the key's council, already recorded)."""

    def __init__(self, status_code, code, message, field):
        super().__init__(message)
        self.status_code, self.body = status_code, error_body(code, message, field)


def field_errors(errors, prefix=""):
    """DRF's nested ``serializer.errors`` as a flat list of ``{"code", "message", "field"}``."""
    flat = []
    for field, value in errors.items():
        name = f"{prefix}{field}"
        if isinstance(value, dict):
            flat += field_errors(value, f"{name}.")
        else:
            blamed = None if name == "non_field_errors" else name
            for message in value if isinstance(value, list) else [value]:
                code = getattr(message, "code", "invalid")
                flat.append(error_body("invalid" if code is None else code, message, blamed)["error"])
    return flat


class Submission:
    """A supplier's adoption, resolved against the library: every problem is collected, none dropped."""

    def __init__(self, data):
        self.data = data
        self.errors = []
        locale = Locale.get_default()
        councils = Council.objects.filter(locale=locale)
        self.council = self._one(councils, "council", "gss_code", "No council has the GSS code")
        self.pattern = self._page(ServicePatternPage, "pattern", "service pattern", locale)
        self.process = self._page(ProcessPage, "process", "process", locale)
        if not (data.get("pattern") or data.get("process")):
            self._error("required", "Name the service pattern (pattern) or the process (process) the council uses.")
        codes = list(dict.fromkeys(data["services"]))
        self.services = list(Service.objects.filter(locale=locale, lgsl_code__in=codes))
        unknown = sorted(set(codes) - {service.lgsl_code for service in self.services})
        if unknown:
            self._error("not_found", f"No service has the LGSL code(s) {', '.join(map(str, unknown))}.", "services")

    def _error(self, code, message, field=None):
        self.errors.append(error_body(code, message, field)["error"])

    def _one(self, queryset, field, lookup, missing):
        """The item whose ``lookup`` is the submitted ``field``, or an error 'missing 'value''."""
        value = self.data.get(field)
        if not value:
            return None
        found = queryset.filter(**{lookup: value}).first()
        if found is None:
            self._error("not_found", f"{missing} '{value}'.", field)
        return found

    def _page(self, model, field, label, locale):
        pages = model.objects.live().public().filter(locale=locale)
        return self._one(pages, field, "slug", f"No published {label} has the slug")


def refused(*errors):
    """400 with every problem found: ``error`` is the first, ``errors`` all of them."""
    return Response({"error": errors[0], "errors": list(errors)}, status=status.HTTP_400_BAD_REQUEST)


@record_schema
class AdoptionViewSet(RecordViewSet):
    """Approved adoptions of live pages (the list and items); a supplier's key may send one (``create``)."""

    serializer_class = AdoptionSerializer
    filterset_class = AdoptionFilterSet
    ordering_fields = ["adopted_on", "id"]
    ordering = ["-adopted_on"]
    parser_classes = [JSONParser]
    schema_name = "adoptions"
    summaries = ("List adoptions", "Fetch an adoption")
    description = "Councils' statements that they use a pattern or process, approved by the library's editors."
    fields_example = "council,pattern,status"

    def get_queryset(self):
        live_pages = (Q(pattern__isnull=True) | Q(pattern__live=True)) & (
            Q(process__isnull=True) | Q(process__live=True)
        )
        return (
            Adoption.objects.public()
            .filter(live_pages)
            .select_related("council", "pattern", "process")
            .prefetch_related("services")
        )

    @extend_schema(
        operation_id="adoptions_create",
        summary="Send an adoption",
        description=(
            "A supplier records that a council it serves uses a pattern or a process. Needs an API key "
            "whose councils include this one (the library's administrators list them). The adoption is "
            "kept, not public: it appears in the list once an editor approves it."
        ),
        request=AdoptionSubmissionSerializer,
        responses={
            201: SubmittedAdoptionSerializer,
            400: OpenApiResponse(SubmissionErrorSerializer, description="The body has problems."),
            401: ERROR_RESPONSES[401],
            403: OpenApiResponse(ErrorSerializer, description="The key does not serve this council."),
            409: OpenApiResponse(ErrorSerializer, description="The council already has this adoption."),
            429: ERROR_RESPONSES[429],
        },
        tags=["adoptions"],
    )
    def create(self, request, *args, **kwargs):
        key = request.auth
        if not isinstance(key, ApiKey):
            raise exceptions.NotAuthenticated("Send adoptions with an API key: 'Authorization: Bearer <key>'.")
        try:
            data = request.data
        except exceptions.ParseError as exc:
            return refused(error_body("parse_error", exc.detail)["error"])
        if not isinstance(data, dict):
            return refused(error_body("invalid", "Send the adoption as a JSON object.")["error"])
        body = AdoptionSubmissionSerializer(data=data)
        known = list(body.fields)
        errors = [
            error_body("unknown_field", f"'{name}' is not a field of an adoption. Fields: {', '.join(known)}.", name)[
                "error"
            ]
            for name in data
            if name not in known
        ]
        if not body.is_valid():
            errors += field_errors(body.errors)
        if errors:
            return refused(*errors)
        submission = Submission(body.validated_data)
        if submission.errors:
            return refused(*submission.errors)
        try:
            adoption = self.record(key, submission)
        except SubmissionRefused as refusal:
            return Response(refusal.body, status=refusal.status_code)
        return Response(SubmittedAdoptionSerializer(adoption).data, status=status.HTTP_201_CREATED)

    def record(self, key, submission):
        council = submission.council
        if not key.councils.filter(pk=council.pk).exists():
            raise SubmissionRefused(
                status.HTTP_403_FORBIDDEN,
                "not_your_council",
                f"This API key does not serve {council.official_name or council.name} ({council.gss_code}). "
                "Ask the library's administrators to add the council to the key.",
                "council",
            )
        try:
            with transaction.atomic():
                self.refuse_a_second_adoption(submission)
                return self.save(key, submission)
        except IntegrityError:
            # Another request recorded the same adoption between the check and the insert: the database's
            # unique constraint refused this one. Name the adoption that won, as the check would have.
            self.refuse_a_second_adoption(submission)
            raise

    @staticmethod
    def refuse_a_second_adoption(submission):
        """409 naming the council's existing adoption of the same pattern or process, if there is one."""
        council = submission.council
        pages = {"pattern": submission.pattern, "process": submission.process}
        clash = Adoption.objects.clash(council.pk, *(page and page.pk for page in pages.values()))
        if clash:
            field, existing = clash
            raise SubmissionRefused(
                status.HTTP_409_CONFLICT,
                "already_recorded",
                f"{council.name} already has an adoption of '{pages[field].title}' (adoption {existing.pk}).",
                field,
            )

    @staticmethod
    def save(key, submission):
        data = submission.data
        supplier = key.supplier_name or key.name
        adoption = Adoption(
            council=submission.council,
            pattern=submission.pattern,
            process=submission.process,
            status=data["status"],
            live_url=data["live_url"],
            platform=plain_text(data["platform"]) or supplier,
            local_variations=plain_text(data["local_variations"]),
            source=AdoptionSource.API,
            supplier_name=supplier,
            is_approved=False,
        )
        if data.get("adopted_on"):
            adoption.adopted_on = data["adopted_on"]
        adoption.save()
        adoption.services.set(submission.services)
        return adoption
