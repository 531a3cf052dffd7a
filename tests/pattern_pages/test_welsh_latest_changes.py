"""The Welsh home lists recent changes: Welsh pages, and English ones not yet translated, marked as English."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from tests import factories


def test_welsh_home_lists_welsh_pages_and_untranslated_english_ones(client, pattern_index):
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    translated = factories.ServicePatternPageFactory(parent=pattern_index, title="Apply for a school place")
    translated.save_revision().publish()
    english_only = factories.ServicePatternPageFactory(parent=pattern_index, title="Report a pothole")
    english_only.save_revision().publish()
    welsh_home = pattern_index.get_parent().copy_for_translation(welsh)
    welsh_home.save_revision().publish()
    welsh_index = pattern_index.copy_for_translation(welsh)
    welsh_index.save_revision().publish()
    welsh_page = translated.copy_for_translation(welsh)
    welsh_page.title = "Gwneud cais am le mewn ysgol"
    welsh_page.save_revision().publish()

    html = client.get("/cy/").content.decode()
    assert "Nothing has been published yet" not in html and "Nid oes dim wedi'i gyhoeddi eto" not in html
    assert "Gwneud cais am le mewn ysgol" in html
    # The English page of a translated pattern is not listed again beside its Welsh one.
    assert "Apply for a school place" not in html
    # An untranslated page is listed, in English, marked so, and linked under /cy/ so the reader stays in Welsh.
    assert f'href="/cy{english_only.url}" lang="en">Report a pothole</a>' in html
    assert "Saesneg yn unig" in html
    english = client.get("/").content.decode()
    assert "Apply for a school place" in english and "Gwneud cais" not in english and "In English only" not in english


def test_latest_changes_take_the_same_queries_however_many_pages(client, pattern_index):
    """The Welsh list runs a fixed number of queries, whatever the number of pages it lists."""
    Locale.objects.get_or_create(language_code="cy")
    pattern_index.get_parent().copy_for_translation(Locale.objects.get(language_code="cy")).save_revision().publish()
    from pattern_pages.presenters import latest_changes

    def count(pages):
        for number in range(pages):
            factories.ServicePatternPageFactory(
                parent=pattern_index, title=f"Pattern {number}"
            ).save_revision().publish()
        welsh = Locale.objects.get(language_code="cy")
        with CaptureQueriesContext(connection) as queries:
            changes = latest_changes(welsh, limit=20)
            [change["url"] for change in changes]
        return len(queries), len(changes)

    few_queries, few = count(2)
    many_queries, many = count(6)
    assert (few, many) == (2, 8)
    assert many_queries == few_queries
