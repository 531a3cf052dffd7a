import pytest

from pattern_pages.site_setup import ensure_home_page
from tests import factories


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
