"""The adoption register: which councils use which patterns and processes. Only adoptions an editor
has approved, of pages that are live, are shown."""

from django.db.models import Q

from contributions.models import Adoption

from .. import filters, serializers
from .base import record_views


def public_adoptions():
    live_pages = (Q(pattern__isnull=True) | Q(pattern__live=True)) & (Q(process__isnull=True) | Q(process__live=True))
    return (
        Adoption.objects.public()
        .filter(live_pages)
        .select_related("council", "pattern", "process")
        .prefetch_related("services")
    )


AdoptionListView, AdoptionDetailView = record_views(
    "adoptions",
    public_adoptions,
    serializers.AdoptionSerializer,
    filters.AdoptionFilterSet,
    ["adopted_on", "id"],
    ["-adopted_on"],
    ("List adoptions", "Fetch an adoption"),
    "Councils' statements that they use a pattern or process, approved by the library's editors.",
    "council,pattern,status",
)
