"""A Welsh reader's journey (issue 20): every public page type and the contribute journey under /cy/, in
Chromium under production's settings, with no interface text left in English.

Each page is opened in English and in Welsh; every text a reader meets on the Welsh page (text nodes, hidden
text for screen readers, labels, placeholders, alternative text) is compared with the English page's. A text
that is the same in both is a defect unless it is data that has one name in both languages (a council, a
service from the LGSL, a code), a word Welsh shares with English (the catalogue's entries whose translation is
the English word, such as "API"), or content the page itself declares English (``lang="en"``: a pattern not
yet translated, served with the notice).
"""

import re

import polib
from django.core.management import call_command
from django.utils import translation

from pattern_pages.models import Council, LifeEvent, PatternType, ProcessPage, Service, ServicePatternPage
from tests.i18n.catalogue import WELSH_CATALOGUE
from tests.journeys.conftest import assert_accessible, assert_no_sideways_scroll

READER_TEXTS = """() => {
    const texts = [];
    const add = (el, text) => {
        text = (text || '').replace(/\\s+/g, ' ').trim();
        if (!text) return;
        const declared = el.closest('[lang]');
        texts.push({text, lang: declared ? declared.getAttribute('lang') : '', code: !!el.closest('code, kbd, samp')});
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const el = walker.currentNode.parentElement;
        if (el && !el.closest('script, style, template, noscript')) add(el, walker.currentNode.textContent);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
        for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
            if (el.hasAttribute(name)) add(el, el.getAttribute(name));
        }
    }
    add(document.documentElement, document.title);
    return texts;
}"""

# Text with no letters (numbers, dates as digits, punctuation) is the same in every language; so are web
# addresses and domains, and the names of the languages in the switcher (each written in its own language).
NO_WORDS = re.compile(r"^[\W\d_]*$")
ADDRESS = re.compile(r"^\S+\.[a-z]{2,}\S*$")
FILE_TYPE = re.compile(r"^\.[a-z0-9]{2,4}$")  # a download's file type, such as ".zip"
WORD = re.compile(r"\w+")
# Proper names written the same in Welsh: the licence of the council codes data.
PROPER_NAMES = {"CC BY 4.0", "English", "Cymraeg"}


def shared_words():
    """Entries of the Welsh catalogue whose translation is the English text (e.g. "API", "Beta", "LGSL")."""
    return {entry.msgid for entry in polib.pofile(str(WELSH_CATALOGUE)) if entry.msgstr == entry.msgid}


def data_names():
    """Names that are the same in both languages: councils, services (the LGSL has English names), codes."""
    names = set()
    for council in Council.objects.all():
        names.update({council.official_name, council.name, council.gss_code, council.region})
    for service in Service.objects.select_related("function"):
        names.update({service.name, service.description, str(service.lgsl_code)})
        if service.function:
            names.add(service.function.name)
    # Spaces as the page shows them (some imported names hold double or trailing spaces).
    return {" ".join(name.split()) for name in names if name}


def journey_paths():
    """One path of every public page type, and the contribute journey's pages."""
    # Pages with a live Welsh copy where the demo has them, so that the interface around Welsh content is read;
    # an untranslated page is served in English (lang="en") and says so.
    pattern, process = (
        model.objects.live()
        .filter(
            locale__language_code="en",
            translation_key__in=model.objects.live().filter(locale__language_code="cy").values("translation_key"),
        )
        .first()
        or model.objects.live().filter(locale__language_code="en").first()
        for model in (ServicePatternPage, ProcessPage)
    )
    service = Service.objects.filter(adoptions__isnull=False).first() or Service.objects.first()
    council = Council.objects.filter(adoptions__isnull=False).first() or Council.objects.first()
    life_event = LifeEvent.objects.filter(locale__language_code="en").first()
    pattern_type = PatternType.objects.filter(locale__language_code="en").first()
    paths = [
        "/",
        "/patterns/",
        pattern.url,
        "/processes/",
        process.url,
        "/services/",
        f"/services/{service.lgsl_code}/",
        "/councils/",
        f"/councils/{council.gss_code}/",
        "/life-events/",
        f"/life-events/{life_event.slug}/",
        "/pattern-types/",
        f"/pattern-types/{pattern_type.slug}/",
        "/search/?q=school",
        "/search/?q=zzzzqqqq",
        "/reuse/",
        "/cookies/",
        "/assessments/prepare/",
        "/contribute/",
        "/contribute/council/",
        "/no-such-page/",
    ]
    return paths


def english_left(english_page, welsh_page, allowed):
    """The texts of the Welsh page that are also on the English page and are not allowed to be."""
    english = {item["text"] for item in english_page.evaluate(READER_TEXTS)}
    left = []
    for item in welsh_page.evaluate(READER_TEXTS):
        text = item["text"]
        if item["lang"].startswith("en") or item["code"] or len(text) == 1 or text in allowed:
            continue
        if NO_WORDS.match(text) or ADDRESS.match(text) or FILE_TYPE.match(text) or set(WORD.findall(text)) <= allowed:
            continue
        if text in english:
            left.append(text)
    return sorted(set(left))


def test_a_welsh_reader_meets_no_english_interface(journey):
    """Every page type and the contribute journey at /cy/: no interface text the same as the English page's,
    the page in Welsh (lang="cy"), the language switcher keeping the reader on the same page, hreflang links
    for en, cy and x-default, no sideways scrolling on a phone and no axe-core violation."""
    with translation.override("en"):
        call_command("load_demo", "--no-reference-data", verbosity=0)  # the demo's own councils and services
    allowed = shared_words() | data_names() | PROPER_NAMES
    english_tab = journey.new_page()
    welsh_tab = journey.new_page()
    found = {}
    for path in journey_paths():
        english_tab.goto(path)
        english_tab.goto(path)
        switcher = english_tab.locator(".govuk-language-navigation a[hreflang=cy]")
        # Where the switcher takes a reader (a page without one, such as the 404, is at the same path in /cy/).
        welsh_path = switcher.get_attribute("href") if switcher.count() else "/cy" + path
        welsh_tab.goto(welsh_path)
        assert welsh_tab.evaluate("document.documentElement.lang") == "cy", welsh_path
        left = english_left(english_tab, welsh_tab, allowed)
        if left:
            found[welsh_path] = left
        hreflangs = welsh_tab.eval_on_selector_all(
            "link[rel=alternate][hreflang]", "links => links.map(l => l.hreflang)"
        )
        assert {"en", "cy", "x-default"} <= set(hreflangs), (welsh_path, hreflangs)
    assert not found, "English left on Welsh pages:\n" + "\n".join(f"{p}: {t}" for p, t in found.items())

    # The switcher keeps the reader on the same page, both ways.
    pattern_path = journey_paths()[2]
    welsh_tab.goto(pattern_path)
    welsh_tab.click(".govuk-language-navigation a[hreflang=cy]")
    welsh_pattern_path = welsh_tab.url.removeprefix(journey.url)
    assert welsh_pattern_path.startswith("/cy/patterns/")
    welsh_tab.click(".govuk-language-navigation a[hreflang=en]")
    assert welsh_tab.url.removeprefix(journey.url) == pattern_path

    phone = journey.new_page(width=390)
    for path in ("/cy/", welsh_pattern_path, "/cy/contribute/council/"):
        phone.goto(path)
        assert_no_sideways_scroll(phone)
        assert_accessible(phone)
    journey.screenshot(phone, "welsh-contribute")
