import pytest
from django.db import IntegrityError
from django.template import Context, Template

from contributions.models import AdoptionStatus
from tests import factories

PARTIAL = (
    "{% load contribution_tags %}{% page_adoptions page as adoptions %}"
    '{% include "contributions/includes/adoptions.html" with empty_text="None yet" %}'
)


def test_pattern_shows_the_councils_using_it(pattern_page):
    """'Used by N councils' lists approved, planned or live adoptions only."""
    live = factories.AdoptionFactory(pattern=pattern_page, council__official_name="Essex County Council")
    factories.AdoptionFactory(
        pattern=pattern_page, status=AdoptionStatus.PLANNED, council__official_name="Kent County Council"
    )
    factories.AdoptionFactory(pattern=pattern_page, status=AdoptionStatus.RETIRED, council__official_name="Old Council")
    factories.AdoptionFactory(pattern=pattern_page, is_approved=False, council__official_name="Unreviewed Council")
    html = Template(PARTIAL).render(Context({"page": pattern_page}))
    assert "Used by 2 councils" in html
    assert live.council.official_name in html and "Kent County Council" in html
    assert "Old Council" not in html and "Unreviewed Council" not in html
    assert "Planned" in html


def test_no_adoptions_shows_the_empty_text(pattern_page):
    """A pattern nobody uses says so."""
    assert "None yet" in Template(PARTIAL).render(Context({"page": pattern_page}))


def test_one_council_is_singular(process_page):
    """One adoption reads 'Used by 1 council'."""
    factories.AdoptionFactory(process=process_page)
    assert "Used by 1 council<" in Template(PARTIAL).render(Context({"page": process_page}))


def test_service_adoptions_include_those_of_its_patterns(pattern_page):
    """A service lists adoptions naming it and adoptions of a pattern for it."""
    service = factories.ServiceFactory()
    pattern_page.services.add(service)
    pattern_page.save()
    via_pattern = factories.AdoptionFactory(pattern=pattern_page)
    other = factories.AdoptionFactory(pattern=factories.ServicePatternPageFactory(parent=pattern_page.get_parent()))
    html = Template(
        "{% load contribution_tags %}{% service_adoptions service as adoptions %}"
        "{% for a in adoptions %}{{ a.council }};{% endfor %}"
    ).render(Context({"service": service}))
    assert str(via_pattern.council) in html and str(other.council) not in html


def test_a_council_adopts_a_page_once(pattern_page):
    """The database refuses a second adoption of the same page by the same council."""
    adoption = factories.AdoptionFactory(pattern=pattern_page)
    with pytest.raises(IntegrityError):
        factories.AdoptionFactory(pattern=pattern_page, council=adoption.council)


def test_an_adoption_names_a_pattern_or_a_process(db):
    """An adoption of nothing is refused."""
    with pytest.raises(IntegrityError):
        factories.AdoptionFactory()


def test_pattern_page_shows_adoptions_and_feedback_without_a_cookie(client, pattern_page):
    """The public pattern page lists the councils using it and asks for feedback, setting no cookie."""
    factories.AdoptionFactory(pattern=pattern_page, council__official_name="Essex County Council")
    response = client.get(pattern_page.url)
    html = response.content.decode()
    assert "Used by 1 council<" in html and "Essex County Council" in html
    assert "Is this page useful?" in html
    assert not response.cookies


def test_process_page_shows_its_empty_text(client, process_page):
    """A process nobody uses says so once."""
    html = client.get(process_page.url).content.decode()
    assert html.count("No council has said it uses this process yet.") == 1


def test_council_and_service_pages_show_adoptions(client, pattern_page):
    """The council page lists what it uses; the service page lists the councils using a pattern for it."""
    service = factories.ServiceFactory(name="Missed bin collection", lgsl_code=524)
    pattern_page.services.add(service)
    pattern_page.save_revision().publish()
    adoption = factories.AdoptionFactory(pattern=pattern_page, council__official_name="Essex County Council")
    council_html = client.get(f"/councils/{adoption.council.gss_code}/").content.decode()
    assert pattern_page.title in council_html
    service_html = client.get(f"/services/524/{service.slug}/").content.decode()
    assert "Used by 1 council<" in service_html and "Essex County Council" in service_html
