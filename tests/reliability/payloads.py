"""Hostile and unusual text shared by the injection tests, and helpers that fill every text field with it."""

from django.db import models
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from pattern_pages.blocks import RICH_TEXT_FEATURES

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
JS_URL = "javascript:alert(1)"
SQL = "' OR 1=1; DROP TABLE wagtailcore_page; --"
WELSH = "Gwasanaeth ŵ ŷ â ê î ô û Ŵ Ŷ Â"
# Welsh with combining accents, right-to-left text, an emoji family (zero-width joiners) and CJK.
UNICODE = "ŵŷâ w\u0302 مرحبا 👩\u200d👩\u200d👧 中文 “quotes” —"

# Short enough for a 100-character block field, so validation would accept it too.
PAYLOAD = f"{SCRIPT}{IMG} {WELSH}"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"

# What an editor could paste into the rich text editor: Wagtail's whitelist must strip the active parts.
RICH_HTML = (
    f'<p>Intro <script>alert(1)</script><img src="x" onerror="alert(1)"/> '
    f'<a href="{JS_URL}">click</a> <a href=" JaVaScRiPt:alert(1)">again</a> '
    f'<b onmouseover="alert(1)">bold</b> {WELSH}</p><iframe src="https://attacker.example"></iframe>'
    f"<table><tr><td>cell</td></tr></table><h2>Heading two is not allowed</h2>"
)


def through_editor(html, features=RICH_TEXT_FEATURES):
    """``html`` as the Draftail editor would store it: parsed into contentstate and written back."""
    converter = ContentstateConverter(features)
    return converter.to_database_format(converter.from_database_format(html))


def assert_inert(html, expect_escaped=True):
    """No payload reaches ``html`` as markup; with ``expect_escaped``, it does reach it as text."""
    assert SCRIPT not in html
    assert "<img src=x onerror" not in html
    assert "onerror=alert(1)>" not in html.replace("&gt;", "")  # only escaped forms may remain
    assert 'href="javascript:' not in html.lower()
    assert "href='javascript:" not in html.lower()
    if expect_escaped:
        assert ESCAPED_SCRIPT in html or "\\u003Cscript\\u003E" in html, "the payload was not shown at all"


def text_fields(model, length=64):
    """Names of the free-text fields of ``model`` long enough to hold ``length`` characters."""
    names = []
    for field in model._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        if isinstance(field, models.SlugField | models.URLField | models.EmailField) or field.choices:
            continue
        if field.max_length and field.max_length < length:
            continue
        if field.name in {"translation_key", "draft_title", "url_path", "path"}:
            continue
        names.append(field.name)
    return names


def fill(instance, text=PAYLOAD):
    """Set every free-text field of ``instance`` to ``text``; returns the names set."""
    names = text_fields(type(instance), len(text))
    for name in names:
        setattr(instance, name, text)
    return names
