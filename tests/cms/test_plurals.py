"""Every count on the site agrees with its noun ("1 council", "2 councils") in both languages: each goes
through ngettext or {% blocktranslate count %}, never a number glued to a plural noun."""

import html
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from search.indexing import rebuild_index
from tests import factories

ROOT = Path(settings.BASE_DIR)
SOURCE_DIRS = ["api", "assessments", "cms", "contributions", "editorial", "pattern_pages", "search", "templates"]
# Nouns the site counts; a number in front of one of these, outside a plural form, reads "1 councils".
COUNTED = (
    "adoptions|characters|councils|days|hours|levels|minutes|pages|patterns|points|processes|results|roles|"
    "services|steps|weeks|words"
)
# "{{ total }} councils" in a blocktranslate without count; "%(count)s pages" in a gettext string;
# "{{ n }}</span>{% translate "councils ..." %}": a number beside a translated plural phrase.
TEMPLATE_NUMBER_NOUN = re.compile(r"\{\{ *[\w.|]+ *\}\} +(?:" + COUNTED + r")\b")
PYTHON_NUMBER_NOUN = re.compile(r"%\(\w+\)[sd] +(?:" + COUNTED + r")\b")
NUMBER_THEN_TRANSLATED_NOUN = re.compile(
    r"\{\{ *[\w.]*(?:total|count|number)[\w.]* *\}\}(?:<[^>]+>)*\s*\{% *translate +\"(?:" + COUNTED + r")\b"
)
BLOCKTRANSLATE = re.compile(r"\{% *blocktranslate(?P<args>[^%]*)%\}(?P<body>.*?)\{% *endblocktranslate *%\}", re.S)


def source_files(suffix):
    for folder in SOURCE_DIRS:
        yield from (path for path in (ROOT / folder).rglob(f"*{suffix}") if "migrations" not in path.parts)


def test_no_template_puts_a_number_before_a_plural_noun_without_a_plural_form():
    """Templates count through {% blocktranslate count %}: no "{{ n }} councils" in a plain block."""
    found = []
    for path in source_files(".html"):
        text = path.read_text(encoding="utf-8")
        for block in BLOCKTRANSLATE.finditer(text):
            if " count " not in f" {block['args']} " and TEMPLATE_NUMBER_NOUN.search(block["body"]):
                found.append(f"{path.relative_to(ROOT)}: {block.group(0)[:120]}")
        for match in NUMBER_THEN_TRANSLATED_NOUN.finditer(text):
            found.append(f"{path.relative_to(ROOT)}: {match.group(0)[:120]}")
    assert not found, "Counts without a plural form:\n" + "\n".join(found)


def test_no_python_message_puts_a_number_before_a_plural_noun():
    """Python messages count through ngettext: no "%(count)s pages" inside a plain gettext string."""
    found = []
    for path in source_files(".py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if PYTHON_NUMBER_NOUN.search(line) and "ngettext" not in line:
                # A plural form's second string sits on the line after its first, inside ngettext(...).
                window = "\n".join(path.read_text(encoding="utf-8").splitlines()[max(0, number - 4) : number])
                if "ngettext" not in window:
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not found, "Counts without ngettext:\n" + "\n".join(found)


ONE_OF_EACH = {
    "en": ["1 council using a pattern or process", "1 adoption, planned or live", "1 pattern in use"],
    "cy": [
        "1 cyngor sy'n defnyddio patrwm neu broses",
        "1 mabwysiad, wedi'i gynllunio neu'n fyw",
        "1 patrwm sy'n cael ei ddefnyddio",
    ],
}


@pytest.mark.parametrize("language", ["en", "cy"])
def test_reuse_totals_agree_with_one(client, pattern_index, language):
    """One council with one adoption of one pattern: "1 council", "1 adoption", "1 pattern", in both languages."""
    council = factories.CouncilFactory(name="A")
    pattern = factories.ServicePatternPageFactory(parent=pattern_index, title="P1")
    factories.AdoptionFactory(council=council, pattern=pattern)
    with translation.override(language):
        url = reverse("contributions:reuse")
    text = html.unescape(client.get(url, headers={"accept-language": language}).content.decode())
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))
    for phrase in ONE_OF_EACH[language]:
        assert phrase in text
    assert "1 councils" not in text and "1 adoptions" not in text and "1 patterns" not in text


@pytest.mark.parametrize("language", ["en", "cy"])
def test_search_page_count_message_agrees_with_one(client, db, language):
    """Asking for page 5 of a one-page search says "There is only 1 page", not "1 pages"."""
    locale = Locale.objects.get_or_create(language_code=language)[0]
    factories.ServiceFactory(name="Flood prevention", description="Works against flooding.", locale=locale)
    rebuild_index()
    with translation.override(language):
        url = reverse("search:search")
    text = client.get(url, {"q": "flood", "page": "5"}, headers={"accept-language": language}).content.decode()
    expected = {
        "en": "There is only 1 page of results; showing page 1.",
        "cy": "Dim ond 1 tudalen o ganlyniadau sydd; yn dangos tudalen 1.",
    }
    assert expected[language] in html.unescape(text)
    assert "1 pages" not in text
