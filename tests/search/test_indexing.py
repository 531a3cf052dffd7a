"""The index follows every lifecycle event, outside the editor's request, and survives an engine outage."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from search.documents import page_key, service_key
from search.engines import SearchEngineUnavailable
from search.engines.database import DatabaseEngine
from search.models import PendingIndexUpdate, SearchDocument
from search.query import SearchQuery
from tests import factories


def indexed_document(page):
    return SearchDocument.objects.filter(key=page_key(page.pk)).first()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what the page lifecycle enqueues on commit (the task, on the ImmediateBackend)."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def draft(pattern_index):
    return factories.ServicePatternPageFactory(
        parent=pattern_index, title="Book a bulky waste collection", slug="bulky", live=False
    )


def test_publish_indexes_the_page(draft, commit):
    """Publishing a page puts it in the index with its live title and URL."""
    assert indexed_document(draft) is None
    commit(draft.save_revision().publish)
    document = indexed_document(draft)
    assert document.title == "Book a bulky waste collection"
    assert document.url == "/patterns/bulky/"
    assert not PendingIndexUpdate.objects.exists()


def test_indexing_waits_for_the_commit(draft, django_capture_on_commit_callbacks):
    """Within the editor's request only a pending update is recorded; the index changes after it."""
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        draft.save_revision().publish()
    assert indexed_document(draft) is None
    assert PendingIndexUpdate.objects.filter(key=page_key(draft.pk)).exists()
    assert callbacks


def test_saving_a_draft_of_a_live_page_keeps_the_live_text(draft, commit):
    """A new draft of a published page is not searchable until it is published."""
    commit(draft.save_revision().publish)
    draft.title = "Secret new title"
    commit(draft.save_revision)
    assert indexed_document(draft).title == "Book a bulky waste collection"
    assert DatabaseEngine().search(SearchQuery("secret")).total == 0


def test_unpublish_removes_the_page(draft, commit):
    """Unpublishing takes the page out of the results."""
    commit(draft.save_revision().publish)
    draft.refresh_from_db()
    commit(draft.unpublish)
    assert indexed_document(draft) is None


def test_delete_removes_the_page(draft, commit):
    """Deleting a page removes its entry."""
    commit(draft.save_revision().publish)
    pk = draft.pk
    commit(draft.delete)
    assert not SearchDocument.objects.filter(key=page_key(pk)).exists()
    assert not PendingIndexUpdate.objects.exists()


def test_move_updates_the_url(draft, commit, home_page):
    """Moving a page re-indexes it at its new URL."""
    commit(draft.save_revision().publish)
    archive = factories.PatternIndexPageFactory(parent=home_page, title="Archive", slug="archive")
    commit(draft.move, archive, pos="last-child")
    assert indexed_document(draft).url == "/archive/bulky/"


def test_translation_publish_indexes_in_its_locale(draft, commit):
    """Publishing a Welsh translation adds a Welsh entry, leaving the English one."""
    from wagtail.models import Locale

    commit(draft.save_revision().publish)
    welsh = Locale.objects.get_or_create(language_code="cy")[0]
    translation = commit(draft.copy_for_translation, welsh, copy_parents=True)
    translation.title = "Archebu casgliad gwastraff swmpus"
    commit(translation.save_revision().publish)
    assert indexed_document(translation).locale == "cy"
    assert indexed_document(translation).title == "Archebu casgliad gwastraff swmpus"
    assert indexed_document(draft).locale == "en"


def test_making_a_page_private_removes_it(draft, commit):
    """A page restricted to logged-in users leaves the index; lifting the restriction brings it back."""
    commit(draft.save_revision().publish)
    restriction = commit(PageViewRestriction.objects.create, page=draft, restriction_type="login")
    assert indexed_document(draft) is None
    commit(restriction.delete)
    assert indexed_document(draft) is not None


def test_editing_a_service_updates_its_pages(pattern_index, commit):
    """Renaming a service changes the service's entry and the text of the pages for it."""
    service = commit(factories.ServiceFactory, lgsl_code=524, name="Missed bins")
    page = factories.ServicePatternPageFactory(parent=pattern_index, live=False, services=[service])
    commit(page.save_revision().publish)
    service.name = "Missed waste collection"
    commit(service.save)
    assert SearchDocument.objects.get(key=service_key(service.pk)).title == "Missed waste collection"
    assert indexed_document(page).service_names == "Missed waste collection"


class FlakyEngine(DatabaseEngine):
    """The database engine, but unreachable while ``down`` is set."""

    down = True

    def upsert(self, entries):
        if self.down:
            raise SearchEngineUnavailable("Connection refused")
        return super().upsert(entries)

    delete = upsert


@pytest.fixture
def flaky_engine(monkeypatch):
    engine = FlakyEngine()
    monkeypatch.setattr("search.indexing.get_search_engine", lambda: engine)
    return engine


def test_publishing_succeeds_while_the_engine_is_down(draft, commit, flaky_engine):
    """An unreachable engine does not stop publishing; the update waits, with the error recorded."""
    commit(draft.save_revision().publish)
    draft.refresh_from_db()
    assert draft.live
    assert indexed_document(draft) is None
    pending = PendingIndexUpdate.objects.get(key=page_key(draft.pk))
    assert pending.attempts == 1
    assert "Connection refused" in pending.last_error


def test_retry_lands_when_the_engine_is_back(draft, commit, flaky_engine):
    """Once the engine answers again, the next update clears the backlog."""
    commit(draft.save_revision().publish)
    flaky_engine.down = False
    other = factories.ServicePatternPageFactory(parent=draft.get_parent(), slug="other", live=False)
    commit(other.save_revision().publish)
    assert indexed_document(draft) is not None
    assert indexed_document(other) is not None
    assert not PendingIndexUpdate.objects.exists()


def test_retry_command_lands_pending_updates(draft, commit, flaky_engine):
    """manage.py retry_search_updates applies what is pending once the engine is back."""
    commit(draft.save_revision().publish)
    flaky_engine.down = False
    call_command("retry_search_updates")
    assert indexed_document(draft) is not None
    assert not PendingIndexUpdate.objects.exists()


def test_dashboard_says_the_index_is_behind(draft, commit, flaky_engine, admin_client):
    """Editors see on the dashboard that search is behind, and the notice goes when it catches up."""
    commit(draft.save_revision().publish)
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert "The search index is behind" in response.content.decode()
    assert "Connection refused" in response.content.decode()
    flaky_engine.down = False
    call_command("retry_search_updates")
    response = admin_client.get(reverse("wagtailadmin_home"))
    assert "The search index is behind" not in response.content.decode()


def test_rebuild_command_reports_progress_and_summary(draft, commit, capsys):
    """manage.py rebuild_search_index shows a progress bar and counts what it indexed."""
    commit(draft.save_revision().publish)
    SearchDocument.objects.all().delete()
    call_command("rebuild_search_index")
    out = capsys.readouterr().out
    assert "1/1" in out
    assert "Indexed 1 documents" in out
    assert indexed_document(draft) is not None


def test_rebuild_command_can_recompute_every_vector(draft, commit, capsys, monkeypatch):
    """``--recompute-vectors`` reaches the engine (tests/search/test_postgres.py shows what it does there)
    and the index is rebuilt as usual."""
    from search.engines.database import DatabaseEngine

    asked = []
    rebuild = DatabaseEngine.rebuild

    def spied(self, entries, progress=None, recompute_vectors=False):
        asked.append(recompute_vectors)
        return rebuild(self, entries, progress=progress, recompute_vectors=recompute_vectors)

    monkeypatch.setattr(DatabaseEngine, "rebuild", spied)
    commit(draft.save_revision().publish)
    call_command("rebuild_search_index", "--recompute-vectors")
    call_command("rebuild_search_index")
    assert asked == [True, False]
    assert "Indexed 1 documents" in capsys.readouterr().out
    assert indexed_document(draft) is not None


def test_the_search_commands_report_in_welsh_to_an_admin_working_in_welsh(draft, commit, flaky_engine, capsys):
    """With Welsh active, retry_search_updates and rebuild_search_index say what they did in Welsh."""
    commit(draft.save_revision().publish)
    flaky_engine.down = False
    with translation.override("cy"):
        call_command("retry_search_updates")
        call_command("retry_search_updates")
    out = capsys.readouterr().out
    assert "Cymhwyswyd 1 o ddiweddariadau chwilio a oedd yn aros." in out
    assert "Mae'r mynegai chwilio yn gyfredol." in out
    with translation.override("cy"):
        call_command("rebuild_search_index")
    out = capsys.readouterr().out
    assert "Wrthi'n ailadeiladu mynegai chwilio" in out and "Mynegeiwyd 1 o ddogfennau mewn" in out
    assert "Indexed" not in out and "Rebuilding" not in out


def test_rebuild_keeps_search_working_until_it_swaps(draft, commit):
    """A rebuild that fails half-way leaves the old index in place."""
    commit(draft.save_revision().publish)

    def broken_entries():
        yield from []
        raise RuntimeError("Database went away")

    with pytest.raises(RuntimeError):
        DatabaseEngine().rebuild(broken_entries())
    assert indexed_document(draft) is not None


def test_approved_adoption_adds_the_council_facet(draft, commit):
    """When an editor approves a council's adoption, the pattern is found under that council."""
    commit(draft.save_revision().publish)
    council = factories.CouncilFactory(gss_code="E06000001", official_name="Hartlepool Borough Council")
    adoption = commit(factories.AdoptionFactory, council=council, pattern=draft, is_approved=False)
    assert "council" not in indexed_document(draft).facets
    adoption.is_approved = True
    commit(adoption.save)
    assert indexed_document(draft).facets["council"] == ["E06000001"]
    results = DatabaseEngine().search(SearchQuery("", filters={"council": ["E06000001"]}))
    assert [hit.page_id for hit in results.hits] == [draft.pk]
    commit(adoption.delete)
    assert "council" not in indexed_document(draft).facets
