"""The public search page works without JavaScript: a GET form, links and checkboxes."""

import pytest

from search.engines.database import DatabaseEngine
from search.indexing import rebuild_index
from tests import factories


@pytest.fixture
def site(library):
    rebuild_index(DatabaseEngine())
    return library


def page_text(response):
    assert response.status_code == 200
    return response.content.decode()


def test_search_page_shows_count_and_highlighted_results(client, site):
    """Searching shows how many results there are, each linked, with the matched words marked."""
    html = page_text(client.get("/search/", {"q": "blue badge"}))
    assert 'id="result-count"' in html
    assert "2 results" in html  # the pattern, and the service by its synonym "disabled parking permits"
    assert f'href="{site["pages"]["badge"].url}">Apply for a <mark>blue badge</mark></a>' in html


def test_empty_search_lists_everything_with_filters(client, site):
    """With no words the page lists the whole library and offers every filter as checkboxes."""
    html = page_text(client.get("/search/"))
    assert "9 results" in html
    for heading in ("Type", "Pattern type", "Life event", "Maturity", "Design System component", "Council"):
        assert f">{heading}</legend>" in html
    assert 'name="type" type="checkbox" value="pattern"' in html


def test_filters_are_checkboxes_in_the_query_string(client, site):
    """Ticking filters (sent as a GET form) narrows the results and keeps the boxes ticked."""
    html = page_text(client.get("/search/", {"type": "pattern", "pattern_type": "apply"}))
    assert "3 results" in html
    assert 'name="pattern_type" type="checkbox" value="apply" checked' in html
    assert 'name="pattern_type" type="checkbox" value="tell">' in html
    assert "Clear filters" in html


def test_did_you_mean_links_to_the_corrected_search(client, site):
    """A misspelling offers a link to search for the corrected words."""
    html = page_text(client.get("/search/", {"q": "blue bagde"}))
    assert "Did you mean" in html
    assert 'href="?q=blue+badge"' in html


def test_no_results_page_suggests_what_to_try(client, site):
    """A search with no results says so and suggests how to search differently."""
    html = page_text(client.get("/search/", {"q": "xylophone", "type": "process"}))
    assert "There are no matching results" in html
    assert "removing filters" in html
    assert "double-checking your spelling" in html


def test_pagination_links(client, site):
    """Results run over several pages with previous and next links."""
    for n in range(12):
        factories.ServiceFactory(name=f"Allotment plot {n}")
    rebuild_index(DatabaseEngine())
    first = page_text(client.get("/search/", {"q": "allotment"}))
    assert "12 results" in first
    assert 'href="?q=allotment&amp;page=2"' in first
    assert 'rel="prev"' not in first
    second = page_text(client.get("/search/", {"q": "allotment", "page": "2"}))
    assert 'rel="prev"' in second and 'rel="next"' not in second
    assert 'start="11"' in second


def test_bad_page_number_is_explained(client, site):
    """A page number that is not a number shows an error and the first page."""
    html = page_text(client.get("/search/", {"q": "blue badge", "page": "two"}))
    assert "There is a problem" in html
    assert "The page number must be a whole number" in html
    assert "Apply for a <mark>blue badge</mark>" in html


def test_a_page_past_the_deepest_result_shows_the_last_it_can(client, site, monkeypatch):
    """Only the first MAX_RESULTS results can be paged to (ordering every match to find a deep page cost a
    third of a second): a page past them says so, in English and Welsh, and shows the last page there is;
    the count of results stays exact. (MAX_RESULTS made 10 here: one page of ten, of twelve results.)"""
    import html as html_module

    from search import params, query

    monkeypatch.setattr(query, "MAX_RESULTS", 10)
    monkeypatch.setattr(params, "MAX_RESULTS", 10)
    for n in range(12):
        factories.ServiceFactory(name=f"Allotment plot {n}")
    rebuild_index(DatabaseEngine())
    html = page_text(client.get("/search/", {"q": "allotment", "page": "2"}))
    assert "There is a problem" in html
    assert "Only the first 10 results can be shown, so the last page is 1: add words or choose filters" in html
    assert "12 results" in html and "</mark> plot" in html
    welsh = html_module.unescape(page_text(client.get("/cy/search/", {"q": "allotment", "page": "9" * 30})))
    assert "Dim ond y 10 canlyniad cyntaf y gellir eu dangos, felly tudalen 1 yw'r olaf" in welsh
    html = page_text(client.get("/search/", {"q": "allotment", "page": "1"}))
    assert "Only the first" not in html


def test_a_page_past_the_limit_with_fewer_results_than_the_limit_says_only_how_many_pages_there_are(client, site):
    """Twelve results and page 500 asked for: the reader is told there are only 2 pages and shown the second,
    not also that only the first 1,000 results can be shown (true, but not what stops them here)."""
    for n in range(12):
        factories.ServiceFactory(name=f"Allotment plot {n}")
    rebuild_index(DatabaseEngine())
    for address, words, only, limit in (
        ("/search/", "allotment", "There are only 2 pages of results; showing page 2.", "Only the first"),
        # No results at all: the limit is not mentioned either.
        ("/search/", "zzyzx", "There are no matching results", "Only the first"),
    ):
        html = page_text(client.get(address, {"q": words, "page": "500"}))
        assert only in html
        assert limit not in html
    assert "</mark> plot" in page_text(client.get("/search/", {"q": "allotment", "page": "500"}))  # the last page shown


def test_a_query_of_too_many_words_is_refused_whole(client, site):
    """Past MAX_QUERY_WORDS words that count the page searches nothing and says why, in English and Welsh;
    no word is dropped, and the query stays in the box to be shortened. Words like "the" are not counted."""
    from search.params import MAX_QUERY_WORDS

    many = "red orange yellow green blue indigo violet black white grey brown pink gold silver bronze"
    html = page_text(client.get("/search/", {"q": many}))
    assert "There is a problem" in html
    assert f"Search for {MAX_QUERY_WORDS} words or fewer" in html
    assert "you typed 15." in html
    assert 'id="result-count"' not in html
    assert f'value="{many}"' in html
    welsh = page_text(client.get("/cy/search/", {"q": many}))
    assert f"Chwiliwch am {MAX_QUERY_WORDS} gair neu lai" in welsh
    fitting = "how do I apply for a blue badge for my mother who is disabled and cannot walk to the shops"
    html = page_text(client.get("/search/", {"q": fitting}))
    assert "There is a problem" not in html
    assert 'id="result-count"' in html


def test_a_problem_with_the_words_is_shown_beside_the_box(client, site):
    """The GOV.UK error pattern: the summary, the message again beside the search box (which the box is
    described by), the box marked, and "Error:" before the page title; a problem with another parameter
    (the page number) is summarised but leaves the box alone."""
    from bs4 import BeautifulSoup

    many = "red orange yellow green blue indigo violet black white grey brown pink gold silver bronze"
    for path, error in (("/search/", "Error:"), ("/cy/search/", "Gwall:")):
        soup = BeautifulSoup(client.get(path, {"q": many}).content, "html.parser")
        assert soup.title.get_text().strip().startswith(error)
        inline = soup.find(id="search-q-error")
        assert inline is not None and "15" in inline.get_text()
        box = soup.find(id="search-q")
        assert "govuk-input--error" in box["class"]
        assert "search-q-error" in box["aria-describedby"].split()
        assert "govuk-form-group--error" in box.find_parent(class_="govuk-form-group")["class"]
    soup = BeautifulSoup(client.get("/search/", {"q": "blue badge", "page": "two"}).content, "html.parser")
    assert soup.find(class_="govuk-error-summary") is not None
    assert soup.find(id="search-q-error") is None
    assert "govuk-input--error" not in soup.find(id="search-q")["class"]


def test_welsh_search_page(client, site):
    """/cy/search/ searches the Welsh library."""
    english = page_text(client.get("/search/", {"q": "blue badge"}))
    assert ">Service pattern</strong>" in english
    html = page_text(client.get("/cy/search/", {"q": "fathodyn"}))
    assert "Gwneud cais am <mark>fathodyn</mark> glas" in html
    assert 'lang="cy"' in html
    # The kind of each result in the reader's language, after an English page has shown it in English.
    assert ">Patrwm gwasanaeth</strong>" in html and ">Service pattern</strong>" not in html


def test_search_page_query_count_does_not_grow_with_results(client, site, django_assert_max_num_queries):
    """The page runs a fixed number of queries however many results it shows."""
    with django_assert_max_num_queries(30):
        client.get("/search/", {"q": "apply"})


def test_suggest_endpoint_returns_titles(client, site):
    """The autocomplete endpoint returns matching titles and links as JSON."""
    response = client.get("/search/suggest/", {"q": "blu"})
    assert response.status_code == 200
    assert response.json()["suggestions"][0] == {
        "title": "Apply for a blue badge",
        "url": site["pages"]["badge"].url,
        "kind": "pattern",
    }


def test_autocomplete_is_progressive_enhancement(client, site):
    """The search box works as a plain form; the script only adds suggestions to it."""
    html = page_text(client.get("/search/"))
    assert '<form method="get" action="/search/"' in html
    assert 'data-suggest-url="/search/suggest/"' in html
    assert "search/autocomplete.js" in html


def test_suggest_endpoint_never_echoes_markup(client, db):
    """A hostile query comes back in the JSON as escaped text, never as a tag."""
    response = client.get("/search/suggest/", {"q": "<script>alert(1)</script>"})
    assert "<script>" not in response.content.decode()
    assert response.json()["query"] == "<script>alert(1)</script>"


@pytest.mark.parametrize(
    "query_string",
    [
        "q=bins",
        "page=2&q=bins",
        "q=bins&page=3&type=pattern&type=service",
        "q=caf%C3%A9+%26+bar&council=E07000223&page=1",
        "type=pattern&q=a%2Bb%3Dc&page=9&page=4",
        "",
    ],
)
def test_every_page_link_is_the_query_string_with_only_the_page_changed(rf, query_string):
    """The page links, the rest of the query string encoded once, are what copying the query and setting the
    page gives: the same parameters in the same order, repeated ones kept, the page where it was."""
    from search.views import page_href, with_params

    request = rf.get("/search/?" + query_string)
    href = page_href(request)
    for number in (1, 2, 10, 250):
        assert href(number) == with_params(request, page=number)


def test_facet_checkboxes_escape_as_django_does_and_say_results_in_the_readers_language():
    """Each checkbox's value and label are escaped (a safe string is kept as it is); the hidden words after the
    count are the language's plural for that count, also when the same count came before in another language."""
    from django.utils.html import format_html
    from django.utils.safestring import mark_safe
    from django.utils.translation import ngettext, override

    from search.query import FacetCount
    from search.templatetags.search_tags import CHECKBOX, facet_checkboxes

    values = [
        FacetCount(value='a"<b>&', label="Tom & Jerry's <i>", count=1, selected=True),
        FacetCount(value="plain", label=mark_safe("<abbr>LGSL</abbr>"), count=2),
        FacetCount(value="x", label="Three", count=3),
    ]
    for language in ("en", "cy", "en"):
        with override(language):
            written = facet_checkboxes({"name": "type", "values": values})
            expected = "".join(
                format_html(
                    CHECKBOX,
                    name="type",
                    number=number,
                    value=facet.value,
                    checked=" checked" if facet.selected else "",
                    label=facet.label,
                    count=facet.count,
                    results=ngettext("result)", "results)", facet.count),
                )
                for number, facet in enumerate(values, start=1)
            )
        assert written == expected
        assert 'value="a&quot;&lt;b&gt;&amp;"' in written
        assert "<abbr>LGSL</abbr>" in written
