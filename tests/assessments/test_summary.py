import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.summary import pattern_point_summaries
from tests import factories


def test_counts_met_points_across_assessed_services(pattern_page, make_assessment, service):
    """Point 5 met by two of three assessed services reads 'met in 2 of 3'."""
    councils = factories.CouncilFactory.create_batch(3)
    make_assessment(councils[0], service, pattern_page, {5: "met", 1: "met"})
    make_assessment(councils[1], service, pattern_page, {5: "met"})
    make_assessment(councils[2], service, pattern_page, {5: "not-met"})
    summaries = {s.point.number: s for s in pattern_point_summaries(pattern_page)}
    assert (summaries[5].met, summaries[5].assessed) == (2, 3)
    assert (summaries[1].met, summaries[1].assessed) == (1, 1)


def test_drafts_and_other_patterns_do_not_count(pattern_page, pattern_index, make_assessment, service, council):
    """Unpublished assessments and assessments of other patterns are left out."""
    other = factories.ServicePatternPageFactory(parent=pattern_index)
    make_assessment(council, service, pattern_page, {5: "met"}, live=False)
    make_assessment(factories.CouncilFactory(), service, other, {5: "met"})
    assert pattern_point_summaries(pattern_page) == []


def test_a_reassessed_service_counts_once_by_its_latest_assessment(pattern_page, make_assessment, service, council):
    """A service failed at alpha and passed at beta counts as one service that met the point."""
    make_assessment(council, service, pattern_page, {5: "not-met"}, date=datetime.date(2025, 6, 1), phase="alpha")
    make_assessment(council, service, pattern_page, {5: "met"}, date=datetime.date(2026, 2, 1), phase="beta")
    [summary] = pattern_point_summaries(pattern_page)
    assert (summary.met, summary.assessed) == (1, 1)


def test_the_summary_query_count_does_not_grow(pattern_page, make_assessment, service):
    """Summarising 2 or 8 assessments takes the same number of queries."""

    def count():
        with CaptureQueriesContext(connection) as queries:
            pattern_point_summaries(pattern_page)
        return len(queries)

    for council in factories.CouncilFactory.create_batch(2):
        make_assessment(council, service, pattern_page, {5: "met", 6: "met"})
    few = count()
    for council in factories.CouncilFactory.create_batch(6):
        make_assessment(council, service, pattern_page, {5: "met", 7: "not-met"})
    assert count() == few
