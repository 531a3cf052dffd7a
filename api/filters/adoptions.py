"""Filters of the adoption register."""

from contributions.models import Adoption, AdoptionStatus

from .base import CharFilter, LgslCodesFilter, StrictFilterSet, choice_filter


class AdoptionFilterSet(StrictFilterSet):
    council = CharFilter(
        field_name="council__gss_code", help_text="The adopting council's GSS code.", example="E10000012"
    )
    pattern = CharFilter(
        field_name="pattern__slug", help_text="The adopted pattern's slug.", example="apply-for-a-blue-badge"
    )
    process = CharFilter(
        field_name="process__slug", help_text="The adopted process's slug.", example="assess-a-blue-badge"
    )
    service = LgslCodesFilter(
        field_name="services__lgsl_code",
        lookup_expr="in",
        distinct=True,
        help_text="LGSL codes (repeatable).",
        example=1,
    )
    status = choice_filter("status", AdoptionStatus.choices, "Planned, live or retired.", "live")
    supplier = CharFilter(
        field_name="platform",
        lookup_expr="icontains",
        help_text="Text the platform or supplier contains.",
        example="in-house",
    )

    class Meta:
        model = Adoption
        fields = []
