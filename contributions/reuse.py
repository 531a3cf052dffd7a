"""The numbers behind the Reuse dashboard: who reuses what, per service, council type and region.

Only approved adoptions that are planned or live count. An adoption counts for the services it names, or,
when it names none, for the services of the pattern or process it adopts. A pattern is *shared* for a
service when at least two councils have adopted it for that service.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from pattern_pages.models import Council, CouncilType, Nation, Service

from .models import Adoption, Contribution, ContributionStatus

CONFIRMED = [ContributionStatus.NEW, ContributionStatus.IN_TRIAGE, ContributionStatus.MERGED]


@dataclass
class ServiceReuse:
    service: Service
    # council id → the patterns it has adopted for this service
    patterns_by_council: dict = field(default_factory=lambda: defaultdict(set))
    # every council known to deliver this service: any adoption, or a confirmed contribution
    known_councils: set = field(default_factory=set)

    @property
    def councils_using_a_pattern(self):
        return sum(1 for patterns in self.patterns_by_council.values() if patterns)

    @property
    def distinct_patterns(self):
        return len(set().union(*self.patterns_by_council.values())) if self.patterns_by_council else 0

    @property
    def has_shared_pattern(self):
        councils_per_pattern = defaultdict(int)
        for patterns in self.patterns_by_council.values():
            for pattern in patterns:
                councils_per_pattern[pattern] += 1
        return any(count >= 2 for count in councils_per_pattern.values())

    @property
    def councils_known(self):
        return len(self.known_councils)


@dataclass
class CouncilGroupReuse:
    label: str
    councils: set = field(default_factory=set)
    adoptions: int = 0

    @property
    def council_count(self):
        return len(self.councils)


@dataclass
class Reuse:
    services: list  # ServiceReuse, most councils using a pattern first
    by_council_type: list  # CouncilGroupReuse
    by_region: list
    total_adoptions: int
    total_councils: int
    total_patterns: int

    @property
    def collaboration_opportunities(self):
        """Services with the most councils but no shared pattern: where working together would save most."""
        candidates = [row for row in self.services if not row.has_shared_pattern and row.councils_known]
        return sorted(candidates, key=lambda row: (-row.councils_known, row.service.name))[:10]


def _page_services(adoptions):
    """{("pattern"|"process", page id): {service ids}} for the pages the adoptions name."""
    pattern_ids = {a.pattern_id for a in adoptions if a.pattern_id}
    process_ids = {a.process_id for a in adoptions if a.process_id}
    services = defaultdict(set)
    for page_id, service_id in Service.objects.filter(patterns__in=pattern_ids).values_list("patterns", "pk"):
        services[("pattern", page_id)].add(service_id)
    for page_id, service_id in Service.objects.filter(processes__in=process_ids).values_list("processes", "pk"):
        services[("process", page_id)].add(service_id)
    return services


def compute_reuse():
    adoptions = list(Adoption.objects.public().in_use().select_related("council").prefetch_related("services"))
    page_services = _page_services(adoptions)
    rows = {}
    service_ids_needed = set()
    per_adoption = []
    for adoption in adoptions:
        service_ids = {service.pk for service in adoption.services.all()}
        if not service_ids:
            service_ids = (
                page_services[("pattern", adoption.pattern_id)] | page_services[("process", adoption.process_id)]
            )
        service_ids_needed |= service_ids
        per_adoption.append((adoption, service_ids))

    contributions = list(
        Contribution.objects.filter(status__in=CONFIRMED, service__isnull=False).values_list("service_id", "council_id")
    )
    service_ids_needed |= {service_id for service_id, _council in contributions}
    services = Service.objects.in_bulk(service_ids_needed)

    def row(service_id):
        if service_id not in rows:
            rows[service_id] = ServiceReuse(service=services[service_id])
        return rows[service_id]

    for adoption, service_ids in per_adoption:
        for service_id in service_ids:
            reuse = row(service_id)
            reuse.known_councils.add(adoption.council_id)
            if adoption.pattern_id:
                reuse.patterns_by_council[adoption.council_id].add(adoption.pattern_id)
    for service_id, council_id in contributions:
        row(service_id).known_councils.add(council_id)

    type_labels = dict(CouncilType.choices)
    nation_labels = dict(Nation.choices)
    by_type, by_region = {}, {}
    for adoption in adoptions:
        council: Council = adoption.council
        type_label = str(type_labels.get(council.council_type, council.council_type))
        region_label = council.region or str(nation_labels.get(council.nation, "")) or _("Not recorded")
        for groups, label in ((by_type, type_label), (by_region, region_label)):
            group = groups.setdefault(label, CouncilGroupReuse(label=label))
            group.councils.add(council.pk)
            group.adoptions += 1

    def by_size(groups):
        return sorted(groups.values(), key=lambda group: (-group.council_count, group.label))

    return Reuse(
        services=sorted(rows.values(), key=lambda r: (-r.councils_using_a_pattern, -r.councils_known, r.service.name)),
        by_council_type=by_size(by_type),
        by_region=by_size(by_region),
        total_adoptions=len(adoptions),
        total_councils=len({adoption.council_id for adoption in adoptions}),
        total_patterns=len({adoption.pattern_id for adoption in adoptions if adoption.pattern_id}),
    )


def bar_chart(items, *, label_width=260, bar_width=320, row_height=28):
    """Geometry for a horizontal bar chart drawn in SVG: ``items`` are (label, value) pairs.

    e.g. bar_chart([("County council", 3)]) → {"bars": [{"label": "County council", "value": 3, "y": 8, ...}], ...}
    """
    items = list(items)
    largest = max((value for _label, value in items), default=0) or 1
    bars = []
    for position, (label, value) in enumerate(items):
        y = 8 + position * row_height
        width = round(bar_width * value / largest) if value else 0
        short = label if len(label) <= 36 else label[:35] + "…"
        bars.append(
            {
                "label": label,
                "short_label": short,
                "value": value,
                "y": y,
                "text_y": y + row_height / 2 + 1,
                "bar_x": label_width,
                "width": max(width, 1 if value else 0),
                "value_x": label_width + width + 6,
                "height": row_height - 8,
            }
        )
    return {
        "bars": bars,
        "width": label_width + bar_width + 60,
        "height": 16 + len(items) * row_height,
        "label_x": label_width - 8,
    }
