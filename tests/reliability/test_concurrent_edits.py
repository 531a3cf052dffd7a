"""Two editors saving the same page at once, through the real admin edit view: no lost update without a
warning. The second, stale save is refused with a message saying who saved what when; the editor keeps
their text in the form; the first editor's content stays in a revision either way."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Revision

from editorial.roles import REVIEWER
from tests import factories
from tests.editorial.conftest import council, editorial, make_user, pattern_form_data  # noqa: F401  (fixtures)

HIDDEN = re.compile(r'<input type="hidden" name="(loaded_revision_id|loaded_revision_created_at)" value="([^"]*)"')


@pytest.fixture
def reviewers(make_user):  # noqa: F811  (the fixture imported above)
    return make_user(REVIEWER, "rhian"), make_user(REVIEWER, "owen")


@pytest.fixture
def live_pattern(reviewers, pattern_index):
    page = factories.ServicePatternPageFactory(parent=pattern_index, title="Report a pothole", slug="pothole")
    page.save_revision().publish()
    return page


def open_editor(user, page):
    """A client signed in as ``user`` with the edit view open: ``(client, the revision fields it was given)``."""
    client = Client()
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return client, dict(HIDDEN.findall(response.content.decode()))


def save(client, page, opened, title):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), pattern_form_data(page, title=title, **opened)
    )


def revision_titles(page):
    return [revision.content["title"] for revision in Revision.objects.for_instance(page).order_by("created_at")]


def test_a_stale_save_is_refused_with_a_warning_and_keeps_both_versions(reviewers, live_pattern, record_figures):
    """Rhian and Owen open the page; Rhian saves; Owen's save is refused, warned, and his text stays in the form."""
    rhian, owen = reviewers
    rhian_client, rhian_opened = open_editor(rhian, live_pattern)
    owen_client, owen_opened = open_editor(owen, live_pattern)
    assert rhian_opened["loaded_revision_id"] == owen_opened["loaded_revision_id"] != ""

    first = save(rhian_client, live_pattern, rhian_opened, "Report a pothole or a damaged pavement")
    assert first.status_code == 302
    second = save(owen_client, live_pattern, owen_opened, "Report a road defect")

    html = second.content.decode()
    assert second.status_code == 200, "Owen's stale save was accepted"
    assert "rhian saved this page at" in html and "your changes have not been saved" in html
    assert 'value="Report a road defect"' in html, "Owen's text is not kept in the form"
    assert revision_titles(live_pattern) == ["Report a pothole", "Report a pothole or a damaged pavement"]

    # Warned, Owen saves again from the form he was shown: now a deliberate replacement, and Rhian's
    # version is still in the history.
    third = save(owen_client, live_pattern, dict(HIDDEN.findall(html)), "Report a road defect")
    assert third.status_code == 302
    assert revision_titles(live_pattern) == [
        "Report a pothole",
        "Report a pothole or a damaged pavement",
        "Report a road defect",
    ]
    record_figures("concurrent_edits", {"stale_saves_refused": 1, "lost_updates": 0})


def test_a_save_without_a_newer_revision_goes_through(reviewers, live_pattern):
    """The check refuses only stale saves: an editor saving twice in a row is never stopped."""
    rhian, _owen = reviewers
    client, opened = open_editor(rhian, live_pattern)
    assert save(client, live_pattern, opened, "Report a pothole").status_code == 302
    _client, reopened = open_editor(rhian, live_pattern)
    assert save(client, live_pattern, reopened, "Report a pothole on a road").status_code == 302
    assert revision_titles(live_pattern)[-1] == "Report a pothole on a road"


def test_a_page_locked_by_one_reviewer_cannot_be_saved_by_another(reviewers, live_pattern):
    """Rhian locks the page; Owen's save is refused with a message and makes no revision."""
    rhian, owen = reviewers
    rhian_client, _opened = open_editor(rhian, live_pattern)
    owen_client, owen_opened = open_editor(owen, live_pattern)
    assert rhian_client.post(reverse("wagtailadmin_pages:lock", args=[live_pattern.pk])).status_code == 302
    response = save(owen_client, live_pattern, owen_opened, "Report a road defect")
    assert response.status_code == 200
    assert "locked" in response.content.decode()
    assert revision_titles(live_pattern) == ["Report a pothole"]
