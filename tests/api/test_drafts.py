"""Drafts (?version=draft): only for a key or session whose user may edit the page; 404 otherwise."""

import pytest

from .conftest import key_for


def draft_url(page):
    return f"/api/v1/patterns/{page.pk}/?version=draft"


def test_anonymous_never_sees_a_draft(api, draft_pattern, school_pattern):
    """Anonymous clients get 404 for a draft, and for the draft version of a live page."""
    assert api.get(draft_url(draft_pattern)).status_code == 404
    assert api.get(f"/api/v1/patterns/{draft_pattern.pk}/").status_code == 404
    assert api.get(draft_url(school_pattern)).status_code == 404


def test_editor_key_reads_own_councils_draft(api, kent_editor, draft_pattern):
    """Kent's contributor's key reads Kent's draft, uncached."""
    _key, raw_key = key_for(kent_editor)
    response = api.get(draft_url(draft_pattern), HTTP_AUTHORIZATION=f"Bearer {raw_key}")
    assert response.status_code == 200
    assert response.json()["title"] == "Book a bulky waste collection"
    assert response["Cache-Control"] == "private, no-store"


def test_contributor_cannot_read_another_councils_draft(api, essex_editor, draft_pattern):
    """Essex's contributor's key gets 404 (not 403) for Kent's draft, so nothing leaks."""
    _key, raw_key = key_for(essex_editor)
    response = api.get(draft_url(draft_pattern), HTTP_AUTHORIZATION=f"Bearer {raw_key}")
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_draft_shows_unpublished_changes_live_does_not(api, essex_editor, school_pattern):
    """The draft version has the saved-but-unpublished title; the live version keeps the published one."""
    school_pattern.title = "Apply for a school place (new)"
    school_pattern.save_revision()
    _key, raw_key = key_for(essex_editor)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw_key}"}
    assert api.get(draft_url(school_pattern), **auth).json()["title"] == "Apply for a school place (new)"
    assert api.get(f"/api/v1/patterns/{school_pattern.pk}/", **auth).json()["title"] == "Apply for a school place"
    assert api.get(draft_url(school_pattern)).status_code == 404


def test_signed_in_editor_session_reads_draft(api, kent_editor, essex_editor, draft_pattern):
    """Headless preview with an admin session follows the same page permissions."""
    api.force_login(kent_editor)
    assert api.get(draft_url(draft_pattern)).status_code == 200
    api.force_login(essex_editor)
    assert api.get(draft_url(draft_pattern)).status_code == 404


def test_superuser_key_reads_any_draft(api, draft_pattern):
    """An Administrator's key may read every draft."""
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser(username="root", password="x", email="r@example.com")
    _key, raw_key = key_for(admin)
    assert api.get(draft_url(draft_pattern), HTTP_AUTHORIZATION=f"Bearer {raw_key}").status_code == 200


@pytest.mark.parametrize("version", ["preview", "DRAFT"])
def test_unknown_version_is_400(api, school_pattern, version):
    """version takes live or draft only."""
    response = api.get(f"/api/v1/patterns/{school_pattern.pk}/?version={version}")
    assert response.status_code == 400 and response.json()["error"]["field"] == "version"


def test_drafts_are_not_in_lists_even_for_editors(api, kent_editor, draft_pattern):
    """Lists show live pages only, whoever asks; version is a detail parameter."""
    _key, raw_key = key_for(kent_editor)
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw_key}"}
    assert api.get("/api/v1/patterns/", **auth).json()["results"] == []
    assert api.get("/api/v1/patterns/?version=draft", **auth).status_code == 400
