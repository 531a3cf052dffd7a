"""The contract every search engine passes: same query in, same shape of results out."""

import pytest

from search.indexing import rebuild_index
from search.query import SearchQuery, SearchQueryError
from tests import factories


def keys(results):
    return [hit.key for hit in results.hits]


def page_keys(*pages):
    return [f"page-{page.pk}" for page in pages]


def titles(results):
    return [hit.title for hit in results.hits]


def facet(results, name):
    return {fc.value: fc.count for fc in results.facets[name]}


def test_synonym_finds_the_councils_word(engine, indexed):
    """Someone typing "bins" finds the pattern that says "waste collection"."""
    results = engine.search(SearchQuery("bins"))
    assert "Report a missed waste collection" in titles(results)[:2]
    assert "Missed waste collection" in titles(results)[:2]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("disabled parking permit", "Apply for a blue badge"),
        ("council tax discount", "Apply for a council tax reduction"),
        ("school places", "Apply for a school place"),
    ],
)
def test_synonym_list_applies_to_queries(engine, indexed, typed, expected):
    """Each synonym in the council list leads to the page written in the library's words."""
    results = engine.search(SearchQuery(typed, facets=()))
    assert expected in titles(results)[:2]


def test_result_shape(engine, indexed):
    """Hits carry the page, a score, a highlighted title and snippet; the total and facets come too."""
    results = engine.search(SearchQuery("blue badge"))
    hit = results.hits[0]
    assert hit.page_id == indexed["pages"]["badge"].pk
    assert hit.kind == "pattern"
    assert hit.url == indexed["pages"]["badge"].url
    assert hit.score > 0
    assert "<mark>" in hit.title_html
    assert hit.snippet_html
    assert results.total >= 1
    assert set(results.facets) == {"type", "pattern_type", "life_event", "maturity", "component", "council"}


def test_highlighting_escapes_page_text(engine, indexed):
    """Markup in a page's text is shown as text, never run, around the highlighted words."""
    page = indexed["pages"]["badge"]
    page.summary = "Apply <script>alert(1)</script> for a badge"
    page.save_revision().publish()
    from search.indexing import rebuild_index

    rebuild_index(engine)
    hit = engine.search(SearchQuery("badge")).hits[0]
    assert "<script" not in hit.snippet_html
    assert "<mark>badge</mark>" in hit.snippet_html


def test_drafts_and_private_pages_are_never_found(engine, indexed):
    """Unpublished drafts and private pages stay out of the results, even on their own words."""
    results = engine.search(SearchQuery("bins waste collection"))
    found = keys(results)
    assert f"page-{indexed['pages']['draft'].pk}" not in found
    assert f"page-{indexed['pages']['private'].pk}" not in found
    assert f"page-{indexed['pages']['missed'].pk}" in found


def test_type_facet_counts(engine, indexed):
    """With no words, the type facet counts every pattern, process and service in the locale."""
    results = engine.search(SearchQuery(""))
    assert facet(results, "type") == {"pattern": 4, "process": 1, "service": 4}
    assert results.total == 9


def test_facet_counts_follow_the_other_filters(engine, indexed):
    """Ticking a pattern type narrows the hits and other facets, but its own facet keeps every option."""
    results = engine.search(SearchQuery("", filters={"type": ["pattern"], "pattern_type": ["apply"]}))
    assert results.total == 3
    assert set(titles(results)) == {
        "Apply for a school place",
        "Apply for a blue badge",
        "Apply for a council tax reduction",
    }
    assert facet(results, "pattern_type") == {"apply": 3, "tell": 1}
    assert facet(results, "maturity") == {"stable": 1, "beta": 1, "experimental": 1}
    assert facet(results, "type") == {"pattern": 3}
    selected = [fc.value for fc in results.facets["pattern_type"] if fc.selected]
    assert selected == ["apply"]


def test_facet_labels_are_names(engine, indexed):
    """Facet values carry the names people read, e.g. the council's official name."""
    results = engine.search(SearchQuery(""))
    labels = {fc.value: fc.label for fc in results.facets["council"]}
    assert labels == {"E10000012": "Essex County Council"}
    assert {fc.value: fc.label for fc in results.facets["component"]} == {"date-input": "Date input"}
    assert {fc.value: fc.count for fc in results.facets["life_event"]} == {
        "starting-school": 3,
        "moving-home": 1,
    }


def test_a_renamed_council_is_labelled_by_its_new_name(engine, indexed):
    """Facet labels are kept per library version: renaming a council changes the library, and the next search
    shows the new name."""
    from pattern_pages.models import Council

    def council_labels():
        return {fc.value: fc.label for fc in engine.search(SearchQuery("")).facets["council"]}

    assert council_labels() == {"E10000012": "Essex County Council"}
    essex = Council.objects.get(gss_code="E10000012")
    essex.official_name = "Essex Council"
    essex.save()
    assert council_labels() == {"E10000012": "Essex Council"}


def test_values_within_a_facet_widen_and_facets_narrow(engine, indexed):
    """Two values of one facet match either; a second facet must also match."""
    either = engine.search(SearchQuery("", filters={"maturity": ["stable", "beta"]}))
    assert either.total == 3
    both = engine.search(SearchQuery("", filters={"maturity": ["stable", "beta"], "life_event": ["moving-home"]}))
    assert titles(both) == ["Report a missed waste collection"]


def test_lgsl_code_finds_the_service_and_its_patterns(engine, indexed):
    """Typing an LGSL code puts the service and the pages for it first."""
    results = engine.search(SearchQuery("524"))
    assert set(keys(results)[:2]) == {
        f"service-{indexed['services']['waste'].pk}",
        f"page-{indexed['pages']['missed'].pk}",
    }


def test_locale_keeps_languages_apart(engine, indexed):
    """The Welsh search finds the Welsh translation, and the English search does not."""
    welsh = engine.search(SearchQuery("fathodyn", locale="cy"))
    assert keys(welsh) == [f"page-{indexed['pages']['welsh'].pk}"]
    assert engine.search(SearchQuery("fathodyn", locale="en")).total == 0


def test_pagination(engine, indexed):
    """Pages of results follow on from each other with the same total."""
    first = engine.search(SearchQuery("", page_size=4))
    second = engine.search(SearchQuery("", page=2, page_size=4))
    third = engine.search(SearchQuery("", page=3, page_size=4))
    assert first.total == second.total == 9
    assert len(first.hits) == 4 and len(second.hits) == 4 and len(third.hits) == 1
    assert not set(keys(first)) & set(keys(second))
    assert first.page_count == 3


def test_did_you_mean(engine, indexed):
    """A misspelt word gets a "did you mean" with the word the library uses."""
    results = engine.search(SearchQuery("blue bagde"))
    assert results.suggestion == "blue badge"


def test_no_suggestion_for_a_well_spelt_query(engine, indexed):
    """Words the library knows are not "corrected"."""
    assert engine.search(SearchQuery("school place")).suggestion == ""


def test_autocomplete(engine, indexed):
    """The first letters of a word suggest the titles that contain it."""
    suggestions = engine.autocomplete("blu", "en")
    assert suggestions[0]["title"] == "Apply for a blue badge"
    assert suggestions[0]["url"] == indexed["pages"]["badge"].url


def test_unknown_facet_is_an_error_naming_it(db):
    """A filter on a facet that does not exist is refused with its name."""
    with pytest.raises(SearchQueryError, match="'colour'"):
        SearchQuery("bins", filters={"colour": ["blue"]})


@pytest.fixture
def flood_services(indexed, engine):
    """Services about flooding, in other forms of the word than "flood", beside one about food."""
    services = {
        "emergencies": factories.ServiceFactory(
            lgsl_code=793, name="Civil emergencies - flooding", description="Sandbags and advice for flooded homes."
        ),
        "drains": factories.ServiceFactory(
            lgsl_code=555, name="Drain and gully clearance", description="Clearing gullies when roads are flooded."
        ),
        "food": factories.ServiceFactory(
            lgsl_code=1570, name="Food safety inspections", description="Inspecting kitchens that serve meals."
        ),
    }
    rebuild_index(engine)
    return services


@pytest.mark.parametrize("typed", ["flood", "flooding", "floods", "report flooding"])
def test_every_form_of_a_word_finds_the_others(engine, flood_services, typed):
    """The words "flood", "flooding" and "report flooding" find the flood services, not food, with no "did you mean"."""
    results = engine.search(SearchQuery(typed, facets=()))
    found = titles(results)
    assert {"Civil emergencies - flooding", "Drain and gully clearance"} <= set(found)
    assert "Civil emergencies - flooding" in found[:2]
    assert "Food safety inspections" not in found
    assert results.suggestion == ""


def test_no_suggestion_when_every_word_matches(engine, indexed):
    """A query whose words all match a document is not "corrected", even to a closer-looking word."""
    results = engine.search(SearchQuery("collecting", facets=()))
    assert "Report a missed waste collection" in titles(results)
    assert results.suggestion == ""


def test_snippet_is_a_passage_of_one_field(engine, indexed):
    """A snippet is the one passage that matched (a step's field), not words run together from its neighbours."""
    hit = next(h for h in engine.search(SearchQuery("enter the date", facets=())).hits if h.kind == "pattern")
    assert hit.title == "Report a missed waste collection"
    assert hit.snippet_html == "<mark>Enter</mark> the <mark>date</mark>"
