"""On a phone no public page scrolls sideways: every table the public site shows scrolls in its own box."""

import re
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PUBLIC_TEMPLATE_DIRS = ["templates", "contributions/templates", "assessments/templates", "search/templates"]
SCROLL_BOX = re.compile(
    r'<div class="library-table-scroll" tabindex="0" role="region" aria-label(?:ledby)?="[^"]+">\s*$'
)


def public_templates():
    for folder in PUBLIC_TEMPLATE_DIRS:
        for path in (ROOT / folder).rglob("*.html"):
            if "admin" not in path.relative_to(ROOT).parts and "wagtailadmin" not in str(path):
                yield path


def test_every_public_table_scrolls_in_a_labelled_box():
    """A wide table (councils, data held, steps…) scrolls in its own focusable, named region."""
    bare = []
    for path in public_templates():
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<table\b", text):
            if not SCROLL_BOX.search(text[: match.start()]):
                line = text[: match.start()].count("\n") + 1
                bare.append(f"{path.relative_to(ROOT)}:{line}")
    assert not bare, "Tables outside a library-table-scroll box:\n" + "\n".join(bare)
