"""What published assessments say about the services built on a pattern, point by point.

Only the latest published assessment of each council's service counts, so a service assessed at alpha
and again at beta is one assessed service, judged by its beta assessment.
"""

from dataclasses import dataclass

from library.fixed import FixedQuery

from .models import Assessment, Result


@dataclass
class PointSummary:
    """e.g. GOV.UK point 5, make sure everyone can use the service: met in 9 of 10 assessed services."""

    point: object
    met: int
    assessed: int

    @property
    def standard(self):
        return self.point.standard


def published_assessments():
    return Assessment.objects.filter(live=True)


def latest_per_service(assessments):
    """Keep each (council, service, standard)'s most recent assessment; the queryset is newest first."""
    latest = {}
    for assessment in assessments:
        latest.setdefault((assessment.council_id, assessment.service_id, assessment.standard_id), assessment)
    return list(latest.values())


# The published assessments of services on a pattern (by id), newest first, with their outcomes' points.
PATTERN_ASSESSMENTS = FixedQuery(
    lambda pattern_id: (
        published_assessments()
        .filter(pattern_id=pattern_id)
        .order_by("-date", "-pk")
        .prefetch_related("outcomes__point__standard")
    )
)


def pattern_point_summaries(pattern):
    """Return a PointSummary per standard point that assessments of services on ``pattern`` judged.

    Two queries whatever the number of assessments or points.
    """
    totals = {}
    for assessment in latest_per_service(PATTERN_ASSESSMENTS.run(pattern.pk)):
        for outcome in assessment.outcomes.all():
            summary = totals.setdefault(outcome.point_id, PointSummary(outcome.point, 0, 0))
            summary.assessed += 1
            summary.met += outcome.result == Result.MET
    return sorted(totals.values(), key=lambda s: (s.point.standard.name, s.point.number))


def checklist(standard, pattern):
    """Each point of ``standard``, with what ``pattern`` already says about it (or None).

    >>> [(row.point.number, bool(row.claim)) for row in checklist(govuk, blue_badge)][:2]
    [(1, True), (2, False)]
    """
    claims = {}
    if pattern is not None:
        for child in pattern.standards:
            if child.value.get("standard") and child.value["standard"].pk == standard.pk:
                claims[child.value.get("point")] = child.value
    return [ChecklistRow(point, claims.get(point.number)) for point in standard.points.order_by("number")]


@dataclass
class ChecklistRow:
    point: object
    claim: object  # the pattern's StandardPointBlock value, or None: the council must show it

    @property
    def covered(self):
        return self.claim is not None
