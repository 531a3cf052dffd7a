import csv
import io

import pytest

from contributions.models import AdoptionStatus, ContributionStatus
from contributions.reuse import bar_chart, compute_reuse
from pattern_pages.models import CouncilType
from tests import factories


@pytest.fixture
def known_reuse(pattern_index, process_index):
    """Four councils, three services, three patterns, a process, and adoptions that do and do not count."""
    a = factories.CouncilFactory(name="A", council_type=CouncilType.COUNTY, region="East of England")
    b = factories.CouncilFactory(name="B", council_type=CouncilType.DISTRICT, region="East of England")
    c = factories.CouncilFactory(name="C", council_type=CouncilType.UNITARY, region="North West")
    d = factories.CouncilFactory(name="D", council_type=CouncilType.LONDON_BOROUGH, region="London")
    bins = factories.ServiceFactory(name="Missed bin collection", lgsl_code=524)
    school = factories.ServiceFactory(name="School place", lgsl_code=10)
    parking = factories.ServiceFactory(name="Parking permit", lgsl_code=20)

    def pattern(title, service):
        page = factories.ServicePatternPageFactory(parent=pattern_index, title=title)
        page.services.add(service)
        page.save()
        return page

    p1, p2, p3 = pattern("P1", bins), pattern("P2", bins), pattern("P3", school)
    q1 = factories.ProcessPageFactory(parent=process_index, title="Q1")
    factories.AdoptionFactory(council=a, pattern=p1)  # counts for the pattern's service
    factories.AdoptionFactory(council=b, pattern=p1, services=[bins])
    factories.AdoptionFactory(council=c, pattern=p2)
    factories.AdoptionFactory(council=a, pattern=p3)
    factories.AdoptionFactory(council=d, pattern=p3, status=AdoptionStatus.RETIRED)  # history, not reuse
    factories.AdoptionFactory(council=d, pattern=p2, is_approved=False)  # not reviewed yet
    factories.AdoptionFactory(council=c, process=q1, services=[parking])
    factories.ContributionFactory(council=d, service=parking, status=ContributionStatus.NEW)
    factories.ContributionFactory(council=b, service=parking, status=ContributionStatus.UNCONFIRMED)
    return {"bins": bins, "school": school, "parking": parking}


def by_service(reuse):
    return {
        row.service.name: (
            row.councils_using_a_pattern,
            row.distinct_patterns,
            row.has_shared_pattern,
            row.councils_known,
        )
        for row in reuse.services
    }


def test_reuse_per_service(known_reuse):
    """Per service: councils using a pattern, distinct patterns, whether one is shared, councils known."""
    reuse = compute_reuse()
    assert by_service(reuse) == {
        "Missed bin collection": (3, 2, True, 3),
        "School place": (1, 1, False, 1),
        "Parking permit": (0, 0, False, 2),
    }
    assert [row.service.name for row in reuse.services][0] == "Missed bin collection"


def test_collaboration_opportunities(known_reuse):
    """Services with the most councils but no shared pattern come first."""
    names = [row.service.name for row in compute_reuse().collaboration_opportunities]
    assert names == ["Parking permit", "School place"]


def test_totals_and_groups(known_reuse):
    """Totals and the counts by council type and region leave out retired and unapproved adoptions."""
    reuse = compute_reuse()
    assert (reuse.total_adoptions, reuse.total_councils, reuse.total_patterns) == (5, 3, 3)
    assert [(g.label, g.council_count, g.adoptions) for g in reuse.by_council_type] == [
        ("County council", 1, 2),
        ("District council", 1, 1),
        ("Unitary authority", 1, 2),
    ]
    assert [(g.label, g.council_count, g.adoptions) for g in reuse.by_region] == [
        ("East of England", 2, 3),
        ("North West", 1, 2),
    ]


def test_dashboard_page_shows_the_numbers(client, known_reuse):
    """The dashboard shows the totals, the charts and the tables beside them."""
    response = client.get("/reuse/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<span class="govuk-heading-xl govuk-!-margin-bottom-1" id="total-adoptions">5</span>' in html
    assert html.count('role="img"') == 3
    assert 'id="table-services"' in html and 'id="table-opportunities"' in html
    assert "Parking permit" in html


def test_dashboard_with_no_adoptions(client, db):
    """An empty register says so instead of drawing empty charts."""
    html = client.get("/reuse/").content.decode()
    assert "No council has said it uses a pattern yet." in html
    assert 'role="img"' not in html


def test_csv_download(client, known_reuse):
    """The CSV has one row per service with the same numbers as the dashboard."""
    response = client.get("/reuse/reuse.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert rows == [
        {"lgsl_code": "524", "service": "Missed bin collection", "councils_using_a_pattern": "3",
         "distinct_patterns": "2", "has_shared_pattern": "yes", "councils_known": "3"},
        {"lgsl_code": "10", "service": "School place", "councils_using_a_pattern": "1",
         "distinct_patterns": "1", "has_shared_pattern": "no", "councils_known": "1"},
        {"lgsl_code": "20", "service": "Parking permit", "councils_using_a_pattern": "0",
         "distinct_patterns": "0", "has_shared_pattern": "no", "councils_known": "2"},
    ]  # fmt: skip


def test_dashboard_query_count(client, known_reuse, django_assert_max_num_queries):
    """The dashboard's queries do not grow with the number of adoptions."""
    with django_assert_max_num_queries(20):
        client.get("/reuse/")


def test_bar_chart_scales_to_the_largest_value():
    """The largest value gets the full bar width, others in proportion; zero draws nothing."""
    chart = bar_chart([("A", 4), ("B", 2), ("C", 0)], bar_width=200)
    assert [bar["width"] for bar in chart["bars"]] == [200, 100, 0]


def test_csv_download_neutralises_formulas(client, known_reuse):
    """A service name an editor typed as a formula is inert in the public reuse CSV."""
    from tests.spreadsheets import HOSTILE, assert_inert, csv_cells

    known_reuse["bins"].name = HOSTILE["equals"]
    known_reuse["bins"].save()
    assert_inert(csv_cells(client.get("/reuse/reuse.csv")), HOSTILE["equals"])
