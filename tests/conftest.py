import pytest

from pattern_pages.site_setup import ensure_home_page
from tests import factories
from tests.i18n.catalogue import compile_catalogues


def pytest_configure(config):
    """The Welsh interface needs its compiled catalogue; ``make test`` compiles it, a bare pytest run here."""
    compile_catalogues()


@pytest.fixture(autouse=True)
def empty_library_change_batch():
    """A test's transaction is rolled back, never committed, so the changes it made never reach their commit
    step; each test starts with none left over (they would only be hints, but they would pile up)."""
    from library import changes

    yield
    changes._batch.changes = []


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language. Django's LocaleMiddleware (and our API's
    ``ApiLanguageMiddleware``) activates a request's language on the thread and never puts the old one back,
    so a test that asked for a Welsh page left Welsh active for whichever test its worker ran next: messages
    made outside a request (a block's validation errors) then came out in Welsh, depending on test order."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_response_caches():
    """Cached API responses, public pages and search answers are keyed on the library version, which a test's
    rollback winds back: a later test could be answered from an earlier test's library. Production's version
    never goes back. The search's taxonomy labels, kept per process under the version, and its facet sets,
    kept under the index's generation, likewise."""
    from django.core.cache import caches

    from search.engines.facet_sets import forget as forget_facet_sets
    from search.facets import forget_taxonomy_labels

    caches["api"].clear()
    caches["pages"].clear()
    caches["search"].clear()
    forget_taxonomy_labels()
    forget_facet_sets()
    yield


@pytest.fixture
def sql_built(monkeypatch):
    """How many SELECTs the ORM builds (``SQLCompiler.as_sql`` called from outside another one, and not giving up
    on a query that can find nothing)."""
    from django.db.models.sql.compiler import SQLCompiler

    built = {"count": 0, "depth": 0}
    original = SQLCompiler.as_sql

    def as_sql(self, *args, **kwargs):
        built["depth"] += 1
        try:
            sql = original(self, *args, **kwargs)
        finally:
            built["depth"] -= 1
        if not built["depth"]:  # not one that finds nothing to ask (``.none()``: EmptyResultSet)
            built["count"] += 1
        return sql

    monkeypatch.setattr(SQLCompiler, "as_sql", as_sql)
    return built


@pytest.fixture
def home_page(db):
    """The English home page at the root of the default site."""
    return ensure_home_page()


@pytest.fixture
def pattern_index(home_page):
    return factories.PatternIndexPageFactory(parent=home_page)


@pytest.fixture
def process_index(home_page):
    return factories.ProcessIndexPageFactory(parent=home_page)


@pytest.fixture
def pattern_page(pattern_index):
    return factories.ServicePatternPageFactory(parent=pattern_index)


@pytest.fixture
def process_page(process_index):
    return factories.ProcessPageFactory(parent=process_index)


from tests.assessments.fixtures import (  # noqa: E402,F401
    council,
    govuk,
    make_assessment,
    people,
    service,
    standards,
)
from tests.browser import browser_page, chromium  # noqa: E402,F401  (fixtures shared by browser tests)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "browser_page" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)
