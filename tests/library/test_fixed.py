import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from library import kept
from library.fixed import FixedQuery
from pattern_pages.models import Council, ServicePatternPage
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_fixed_query_gives_what_its_queryset_gives_for_each_value(sql_built):
    """Run with new values, a fixed query returns the rows the queryset for those values returns, built once."""
    councils = [factories.CouncilFactory() for _ in range(3)]
    query = FixedQuery(lambda pk: Council.objects.filter(pk=pk))
    for council in councils:
        assert query.run(council.pk) == list(Council.objects.filter(pk=council.pk))
    built = sql_built["count"]
    with CaptureQueriesContext(connection) as queries:
        assert query.run(councils[1].pk) == [councils[1]]
        assert query.run(0) == []
    assert sql_built["count"] == built  # no statement built again
    assert len(queries) == 2


def test_a_fixed_query_reads_related_rows_and_tells_what_it_loaded(pattern_index):
    """``select_related`` rows come with the row, and every row loaded is a dependency of what is being kept."""
    pattern = factories.ServicePatternPageFactory(parent=pattern_index, owner_council=factories.CouncilFactory())
    query = FixedQuery(lambda pk: ServicePatternPage.objects.filter(pk=pk).select_related("owner_council"))
    query.run(pattern.pk)  # built
    with kept.collecting() as dependencies, CaptureQueriesContext(connection) as queries:
        (found,) = query.run(pattern.pk)
        assert found.owner_council == pattern.owner_council
    assert len(queries) == 1
    assert {f"page:{pattern.pk}", f"pattern_pages.council:{pattern.owner_council_id}"} <= dependencies.tags


def test_a_fixed_query_takes_a_translation_key(pattern_index):
    """A UUID is a value like any other (native on PostgreSQL, text on SQLite)."""
    pattern = factories.ServicePatternPageFactory(parent=pattern_index)
    query = FixedQuery(lambda key: Page.objects.filter(translation_key=key).values_list("pk", flat=True))
    assert query.run(uuid.uuid4()) == []
    assert query.run(pattern.translation_key) == [pattern.pk]


def test_a_shape_whose_values_change_on_their_way_is_run_by_the_orm(sql_built):
    """``startswith`` sends its value with ``%``: the queryset is built and run each time, and is still right."""
    council = factories.CouncilFactory(name="Borsetshire County Council")
    query = FixedQuery(lambda name: Council.objects.filter(name__startswith=name))
    assert query.run("Borset") == [council]
    built = sql_built["count"]
    assert query.run("Ambridge") == []
    assert sql_built["count"] == built + 1


def test_a_value_with_no_marker_is_run_by_the_orm():
    """None (a page not saved yet) is looked up as the queryset looks it up, and the shape is still built later."""
    council = factories.CouncilFactory()
    query = FixedQuery(lambda pk: Council.objects.filter(pk=pk))
    assert query.run(None) == []
    assert query.run(council.pk) == [council]
