"""The Welsh catalogue: every string of the interface is translated, nothing fuzzy, and it matches the code."""

import shutil
import subprocess
import uuid

import polib
import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.i18n.catalogue import PROJECT_DIR, WELSH_CATALOGUE, entries

needs_gettext = pytest.mark.skipif(
    not shutil.which("msgfmt") or not shutil.which("xgettext"),
    reason="gettext (msgfmt, xgettext) is not installed: apt-get install gettext",
)


@needs_gettext
def test_every_string_has_a_welsh_translation_and_none_is_fuzzy():
    """msgfmt's own check passes, and its statistics count no untranslated or fuzzy entry."""
    result = subprocess.run(  # noqa: S603
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(WELSH_CATALOGUE)],  # noqa: S607
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr
    catalogue = polib.pofile(str(WELSH_CATALOGUE))
    assert catalogue.percent_translated() == 100
    assert catalogue.metadata["Language"] == "cy"
    # Welsh has four plural forms in gettext; each plural entry gives all four.
    assert "nplurals=4" in catalogue.metadata["Plural-Forms"]
    for entry in catalogue:
        if entry.msgid_plural:
            assert all(entry.msgstr_plural.get(form) for form in range(4)), entry.msgid


@needs_gettext
def test_the_catalogue_is_current_with_the_code(monkeypatch):
    """``make messages`` would change nothing: every marked string is in the catalogue, and nothing more."""
    # makemessages writes each file's strings to the first locale path whose parent holds the file, so the
    # fresh catalogue goes to a folder beside locale/ (a dot folder, which makemessages never reads).
    fresh_dir = PROJECT_DIR / f".locale-check-{uuid.uuid4().hex}"
    monkeypatch.chdir(PROJECT_DIR)
    try:
        with override_settings(LOCALE_PATHS=[fresh_dir]):
            call_command("makemessages", locale=["cy"], verbosity=0)
        fresh = entries(fresh_dir / "cy" / "LC_MESSAGES" / "django.po")
    finally:
        shutil.rmtree(fresh_dir, ignore_errors=True)
    committed = entries(WELSH_CATALOGUE)
    assert not fresh - committed, f"strings missing from the catalogue (run make messages): {sorted(fresh - committed)}"
    assert not committed - fresh, f"strings no longer in the code (run make messages): {sorted(committed - fresh)}"
