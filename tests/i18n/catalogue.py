"""The project's gettext catalogues, for the tests: where they are, compiling them, reading their entries."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import polib

PROJECT_DIR = Path(__file__).resolve().parents[2]
LOCALE_DIR = PROJECT_DIR / "locale"
WELSH_CATALOGUE = LOCALE_DIR / "cy" / "LC_MESSAGES" / "django.po"


def compile_catalogues():
    """Compile each .po whose .mo is missing or older, as ``make translations`` does.

    gettext's msgfmt is used where installed (it checks the catalogue too); otherwise polib writes the same
    binary format, so a machine without gettext still serves the Welsh interface. Each .mo is written beside
    and renamed into place, so parallel test workers never read half a file.
    """
    for po in LOCALE_DIR.glob("*/LC_MESSAGES/*.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        handle, partial = tempfile.mkstemp(dir=po.parent, suffix=".mo.part")
        os.close(handle)
        if shutil.which("msgfmt"):
            subprocess.run(["msgfmt", "--check", "-o", partial, str(po)], check=True)  # noqa: S603,S607
        else:
            polib.pofile(str(po)).save_as_mofile(partial)
        os.replace(partial, mo)


def entries(path):
    """{(context, msgid, plural msgid)} of a catalogue."""
    return {(entry.msgctxt, entry.msgid, entry.msgid_plural or None) for entry in polib.pofile(str(path))}
