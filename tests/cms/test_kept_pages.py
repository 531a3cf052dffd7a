"""Pattern and process pages kept by what they depend on (library.kept), not emptied by every change.

The per-process cache of rendered pages is keyed by the library version, so any change empties it; these tests
read what is kept in the shared table (``KeptRender``), which a change empties only where it shows.
"""

import re

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from library import kept
from library.models import KeptRender
from tests import factories


def served(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def kept_pages():
    return set(KeptRender.objects.filter(kind="page").values_list("address", flat=True))


def kept_bodies():
    return KeptRender.objects.filter(kind="body").count()


def address(page, prefix=""):
    return f"http://testserver{prefix}{page.url}"


def test_a_pattern_page_and_its_body_are_kept(client, pattern_page):
    served(client, pattern_page.url)
    assert kept_pages() == {address(pattern_page)}
    assert kept_bodies() == 1


def test_publishing_one_page_leaves_another_kept(client, pattern_index):
    """A publish of page A empties A only: B's kept page stays and is served as kept; A shows its new title."""
    first = factories.ServicePatternPageFactory(parent=pattern_index, title="Apply for a blue badge")
    second = factories.ServicePatternPageFactory(parent=pattern_index, title="Report a missed bin")
    served(client, first.url)
    served(client, second.url)
    assert kept_pages() == {address(first), address(second)}

    first.title = "Apply for a disabled parking badge"
    first.save_revision().publish()

    assert kept_pages() == {address(second)}
    assert "Apply for a disabled parking badge" in served(client, first.url)
    with CaptureQueriesContext(connection) as queries:
        assert "Report a missed bin" in served(client, second.url)
    # The library version moved, so this process's cache misses; the page comes from the table in one query.
    assert len(queries) <= 2


def test_an_adoption_shows_on_the_next_request_and_keeps_the_body(client, pattern_page):
    """An adoption approved empties the pattern's kept page but not its body (rendered once per revision)."""
    adoption = factories.AdoptionFactory(
        pattern=pattern_page, is_approved=False, council__official_name="Essex County Council"
    )
    assert "Essex County Council" not in served(client, pattern_page.url)
    bodies = kept_bodies()
    adoption.is_approved = True
    adoption.save()
    assert kept_pages() == set()
    assert kept_bodies() == bodies == 1
    html = served(client, pattern_page.url)
    assert "Essex County Council" in html
    assert html.count('id="councils-using-it"') == 1


def test_an_assessment_published_shows_on_the_pattern_page(client, council, service, pattern_page, make_assessment):
    """An assessment of a service built on the pattern is summarised on the pattern page at the next request,
    and the contents list gains its section."""
    assessment = make_assessment(council, service, pattern_page, {5: "met"}, live=False)
    assert "What service assessments say" not in served(client, pattern_page.url)
    assessment.save_revision().publish()
    html = served(client, pattern_page.url)
    assert "What service assessments say" in html
    assert 'href="#assessments-heading"' in html


def test_a_renamed_council_shows_on_the_pages_that_name_it(client, pattern_page):
    adoption = factories.AdoptionFactory(pattern=pattern_page, council__official_name="Essex County Council")
    assert "Essex County Council" in served(client, pattern_page.url)
    adoption.council.official_name = "Essex Council"
    adoption.council.save()
    html = served(client, pattern_page.url)
    assert "Essex Council" in html and "Essex County Council" not in html


def test_a_linked_page_renamed_shows_on_the_page_linking_to_it(client, pattern_index):
    """A pattern's related link names the other pattern: renaming that one renders this one again (its kept body
    recorded the other page among the rows it loaded)."""
    other = factories.ServicePatternPageFactory(parent=pattern_index, title="Report a missed bin")
    pattern = factories.ServicePatternPageFactory(parent=pattern_index, related=[("pattern", other)])
    assert "Report a missed bin" in served(client, pattern.url)
    other.title = "Report a bin not collected"
    other.save_revision().publish()
    assert "Report a bin not collected" in served(client, pattern.url)


def test_a_renamed_pattern_type_and_council_show_on_the_pattern_page(client, pattern_page):
    """The pattern's type and council are read with the page when it is routed, before its kept body renders:
    renaming either still renders the body again."""
    council = factories.CouncilFactory(official_name="Essex County Council")
    pattern_page.owner_council = council
    pattern_page.save_revision().publish()
    pattern_page.pattern_type.name = "Request a thing"
    pattern_page.pattern_type.save()
    html = served(client, pattern_page.url)
    assert "Service pattern: Request a thing" in html and "Essex County Council" in html
    pattern_page.pattern_type.name = "Make an application"
    pattern_page.pattern_type.save()
    council.official_name = "Essex Council"
    council.save()
    html = served(client, pattern_page.url)
    assert "Service pattern: Make an application" in html and "Essex Council" in html
    assert "Request a thing" not in html and "Essex County Council" not in html


def test_a_view_restriction_applies_at_once_to_pages_served_before_it(client, pattern_index):
    """Pages served while no page had a view restriction skip Wagtail's check of them; a restriction added later
    moves the library version, so the next request checks again: the page asks for the password."""
    private = factories.ServicePatternPageFactory(parent=pattern_index, title="Report a missed bin")
    assert "Report a missed bin" in served(client, private.url)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="correct horse battery")
    html = served(client, private.url)
    assert 'name="password"' in html and private.summary not in html


def test_welsh_and_english_are_kept_apart(client, pattern_page):
    """The English page and its Welsh address (served in English with a notice) are two kept pages and bodies,
    each served as it was rendered."""
    english = served(client, pattern_page.url)
    welsh = served(client, "/cy" + pattern_page.url)
    assert kept_pages() == {address(pattern_page), address(pattern_page, "/cy")}
    assert kept_bodies() == 2
    assert '<html lang="cy"' in welsh and '<html lang="en"' in english
    caches["pages"].clear()  # this process forgets both: they come from the table
    assert without_nonce(served(client, "/cy" + pattern_page.url)) == without_nonce(welsh)
    assert without_nonce(served(client, pattern_page.url)) == without_nonce(english)


def without_nonce(html):
    return re.sub(r'nonce="[^"]+"', "", html)


def test_the_worker_renders_again_the_pages_a_publish_changed(client, pattern_page, django_capture_on_commit_callbacks):
    """After the commit, the pages deleted are rendered again (Django Tasks; at once in the tests), so the first
    reader is answered from the table, with the new content."""
    served(client, pattern_page.url)
    pattern_page.title = "Report a pothole"
    with django_capture_on_commit_callbacks(execute=True):
        pattern_page.save_revision().publish()
    assert kept_pages() == {address(pattern_page)}
    caches["pages"].clear()
    with CaptureQueriesContext(connection) as queries:
        assert "Report a pothole" in served(client, pattern_page.url)
    assert len(queries) <= 2


def test_an_index_page_change_empties_every_kept_page(client, pattern_index, pattern_page):
    """An index page is in every page's navigation: changing it empties everything kept."""
    served(client, pattern_page.url)
    pattern_index.title = "All patterns"
    pattern_index.save_revision().publish()
    assert kept_pages() == set() and kept_bodies() == 0


def test_pages_without_declared_dependencies_are_not_kept_in_the_table(client, pattern_index):
    """An index page shows lists it does not declare: it stays in the per-process cache only."""
    served(client, pattern_index.url)
    served(client, "/services/")
    assert kept_pages() == set()


def test_a_query_string_is_not_kept_in_the_table(client, pattern_page):
    served(client, pattern_page.url + "?utm_source=x")
    assert KeptRender.objects.count() == 0


def test_a_rendering_that_raced_a_change_is_not_kept(db):
    """Rendered under a library version that has moved since: dropped after storing (see library.kept)."""
    started = kept.read_version()
    factories.CouncilFactory()  # a change: the version goes up
    assert not kept.put("k" * 64, "page", b"<p>old</p>", {"page:1"}, started, address="http://testserver/x/")
    assert kept.get("k" * 64) is None
    assert kept.put("k" * 64, "page", b"<p>new</p>", {"page:1"}, kept.read_version(), address="http://testserver/x/")
    assert kept.get("k" * 64) == b"<p>new</p>"


def test_a_rendering_kept_again_replaces_the_one_kept_with_its_dependencies(db):
    """Rendered again (by the worker, or by two readers at once): one entry, the new HTML, the new dependencies."""
    version = kept.read_version()
    assert kept.put("r" * 64, "page", b"<p>old</p>", {"page:1", "page:2"}, version, address="http://testserver/r/")
    assert kept.put("r" * 64, "page", b"<p>new</p>", {"page:2", "page:3"}, version, address="http://testserver/r/")
    assert kept.get("r" * 64) == b"<p>new</p>"
    entry = KeptRender.objects.get(key="r" * 64)
    assert sorted(entry.tags.values_list("tag", flat=True)) == ["page:2", "page:3"]
    assert kept.invalidate({"page:1"}) == []
    assert kept.invalidate({"page:3"}) == ["http://testserver/r/"]


def test_signed_in_editors_and_previews_keep_nothing(client, admin_user, pattern_page):
    client.force_login(admin_user)
    served(client, pattern_page.url)
    assert KeptRender.objects.count() == 0
