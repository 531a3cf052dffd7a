"""A small library for the search tests, and the engines to run the contract suite against."""

import os

import pytest
from wagtail.models import Locale, PageViewRestriction

from search.engines.database import DatabaseEngine
from search.indexing import rebuild_index
from tests import factories

ES_SKIP_REASON = (
    "Elasticsearch contract run skipped: no server. Set ELASTICSEARCH_URL (e.g. http://127.0.0.1:9200); "
    "see search/README.md"
)


def pytest_terminal_summary(terminalreporter):
    """Say once, at the end of the run, why the Elasticsearch half of the contract suite did not run."""
    if not os.environ.get("ELASTICSEARCH_URL") and terminalreporter.stats.get("skipped"):
        terminalreporter.write_line(ES_SKIP_REASON)


def elasticsearch_engine():
    url = os.environ.get("ELASTICSEARCH_URL")
    if not url:
        pytest.skip(ES_SKIP_REASON)
    from search.engines.elasticsearch import ElasticsearchEngine

    return ElasticsearchEngine(url, index_prefix="test-patterns")


@pytest.fixture(params=["database", "elasticsearch"])
def engine(request, db):
    """Each search engine in turn; Elasticsearch skips (with the reason) when no server is configured."""
    if request.param == "elasticsearch":
        return elasticsearch_engine()
    return DatabaseEngine()


@pytest.fixture
def welsh(db):
    return Locale.objects.get_or_create(language_code="cy")[0]


@pytest.fixture
def library(pattern_index, process_index, welsh):
    """Patterns, a process and services with known words, a draft and a private page; not yet indexed."""
    apply = factories.PatternTypeFactory(slug="apply", name="Apply")
    tell = factories.PatternTypeFactory(slug="tell", name="Tell")
    starting_school = factories.LifeEventFactory(slug="starting-school", name="Starting school")
    moving_home = factories.LifeEventFactory(slug="moving-home", name="Moving home")
    essex = factories.CouncilFactory(gss_code="E10000012", official_name="Essex County Council", name="Essex")
    date_input = factories.DesignSystemComponentFactory(slug="date-input", name="Date input")

    waste = factories.ServiceFactory(lgsl_code=524, name="Missed waste collection", description="Report a missed bin.")
    admissions = factories.ServiceFactory(lgsl_code=13, name="School admissions", description="Primary and secondary.")
    admissions.life_events.add(starting_school)
    badge = factories.ServiceFactory(lgsl_code=11, name="Disabled parking permits", description="Permits to park.")
    reduction = factories.ServiceFactory(lgsl_code=1003, name="Council tax reduction", description="Help to pay.")

    pages = {}
    pages["missed"] = factories.ServicePatternPageFactory(
        parent=pattern_index,
        title="Report a missed waste collection",
        slug="report-a-missed-waste-collection",
        summary="Residents tell the council that their refuse was not collected on the scheduled day.",
        pattern_type=tell,
        maturity="stable",
        owner_council=essex,
        services=[waste],
        life_events=[moving_home],
        steps=[
            (
                "step",
                {
                    "title": "When was your collection due",
                    "user_action": "Enter the date",
                    "components": [date_input],
                    "content_guidance": "",
                    "example_screen": None,
                    "process_steps": [],
                },
            )
        ],
    )
    pages["school"] = factories.ServicePatternPageFactory(
        parent=pattern_index,
        title="Apply for a school place",
        slug="apply-for-a-school-place",
        summary="Parents apply for a primary or secondary school place for their child.",
        pattern_type=apply,
        maturity="beta",
        services=[admissions],
        life_events=[starting_school],
    )
    pages["badge"] = factories.ServicePatternPageFactory(
        parent=pattern_index,
        title="Apply for a blue badge",
        slug="apply-for-a-blue-badge",
        summary="Disabled people apply for a badge that lets them park closer to where they need to go.",
        pattern_type=apply,
        maturity="stable",
        services=[badge],
    )
    pages["reduction"] = factories.ServicePatternPageFactory(
        parent=pattern_index,
        title="Apply for a council tax reduction",
        slug="apply-for-a-council-tax-reduction",
        summary="People on a low income ask for help paying their council tax.",
        pattern_type=apply,
        maturity="experimental",
        services=[reduction],
    )
    pages["process"] = factories.ProcessPageFactory(
        parent=process_index,
        title="Decide school admissions applications",
        slug="decide-school-admissions-applications",
        summary="How the admissions team ranks applications against the oversubscription criteria.",
        services=[admissions],
    )
    pages["draft"] = factories.ServicePatternPageFactory(
        parent=pattern_index,
        title="Draft pattern about bins and waste collection",
        slug="draft-bins",
        summary="Never published.",
        live=False,
    )
    pages["private"] = factories.ServicePatternPageFactory(
        parent=pattern_index,
        title="Private pattern about bins and waste collection",
        slug="private-bins",
        summary="Only for logged-in users.",
    )
    PageViewRestriction.objects.create(page=pages["private"], restriction_type=PageViewRestriction.LOGIN)
    pages["welsh"] = pages["badge"].copy_for_translation(welsh, copy_parents=True)
    pages["welsh"].title = "Gwneud cais am fathodyn glas"
    pages["welsh"].save_revision().publish()
    pages["welsh"].refresh_from_db()
    services = {"waste": waste, "admissions": admissions, "badge": badge, "reduction": reduction}
    return {"pages": pages, "services": services}


@pytest.fixture
def indexed(library, engine):
    """The library, fully indexed by the engine under test."""
    rebuild_index(engine)
    return library
