"""Live examples on the pattern page: each screen framed from its own page (same origin only), with its
HTML and Nunjucks under tabs; drafts' examples 404 to the public and open for editors."""

import html

import pytest
from django.contrib.auth.models import Group

from tests import factories
from tests.pattern_pages import screen_values as sv
from tests.pattern_pages.test_screens import needs_node

pytestmark = [needs_node, pytest.mark.django_db]


@pytest.fixture
def screens_page(pattern_index):
    return factories.ServicePatternPageFactory(
        parent=pattern_index,
        slug="contact-us",
        steps=[
            sv.step("Contact", sv.contact_screen()),
            sv.step("Name", sv.screen("What is your name?", sv.text_input("full-name", "Full name", heading=True))),
        ],
    )


def test_each_screen_is_a_framed_example_with_html_and_nunjucks(client, screens_page):
    """The pattern page frames each screen's own page and shows the code under HTML and Nunjucks tabs."""
    body = client.get(screens_page.url).content.decode()
    assert body.count('class="library-example__frame"') == 2
    assert 'src="/patterns/contact-us/screens/1/"' in body
    assert 'src="/patterns/contact-us/screens/2/"' in body
    assert 'title="Example screen: How should we contact you?"' in body
    assert 'href="#screen-1-html">HTML</a>' in body and 'href="#screen-1-nunjucks">Nunjucks</a>' in body
    # The code is shown as text: the markup escaped once, so it reads as the real HTML when copied.
    assert "&lt;div class=&quot;govuk-radios&quot; data-module=&quot;govuk-radios&quot;&gt;" in body
    assert "{{ govukRadios({" in html.unescape(body)
    assert "<script" not in screens_page.screens()[0].nunjucks


def test_an_example_page_is_the_screen_alone_and_frameable_by_the_site_only(client, screens_page, settings):
    """An example may be framed by the site itself (frame-ancestors 'self', SAMEORIGIN), even from the cache;
    the pattern page itself still may not be framed at all."""
    for _ in range(2):  # the second answer comes from the page cache
        example = client.get("/patterns/contact-us/screens/1/")
        assert example.status_code == 200
        assert "frame-ancestors 'self'" in example["Content-Security-Policy"]
        assert example["X-Frame-Options"] == "SAMEORIGIN"
        assert b'<input class="govuk-radios__input" id="contact"' in example.content
        assert b"govuk-header" not in example.content and b"govuk-footer" not in example.content
    page = client.get(screens_page.url)
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
    assert page.get("X-Frame-Options", "DENY") == "DENY"


def test_a_screen_number_out_of_range_is_404(client, screens_page):
    """Screen 0 and a screen past the last are not found."""
    assert client.get("/patterns/contact-us/screens/0/").status_code == 404
    assert client.get("/patterns/contact-us/screens/3/").status_code == 404


def test_draft_examples_404_to_the_public_and_open_for_editors(client, screens_page, admin_user, django_user_model):
    """A draft's examples are not public; an editor sees the latest revision's; a reader without edit rights
    is refused."""
    screens_page.unpublish()
    assert client.get("/patterns/contact-us/screens/1/").status_code == 404
    preview_url = f"/admin/screens/{screens_page.pk}/1/"
    assert client.get(preview_url).status_code in {302, 403}
    client.force_login(admin_user)
    preview = client.get(preview_url)
    assert preview.status_code == 200
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert b'class="govuk-radios"' in preview.content
    nobody = django_user_model.objects.create_user("reader", password="x")  # noqa: S106
    nobody.groups.add(Group.objects.get_or_create(name="Readers")[0])
    client.force_login(nobody)
    assert client.get(preview_url).status_code in {302, 403}
