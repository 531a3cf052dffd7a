"""Welsh translations: made in wagtail-localize, reviewed through the workflow, served at /cy/, tracked."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation

from tests import factories

from .test_permission_matrix import CHECKLIST, workflow_action_url


def reload(page):
    return Page.objects.get(pk=page.pk).specific


@pytest.fixture
def welsh():
    return Locale.objects.get(language_code="cy")


@pytest.fixture
def english_pattern(passing_pattern, users):
    """The passing pattern, published in English."""
    passing_pattern.get_latest_revision().publish(user=users["Publisher"])
    return reload(passing_pattern)


def translate(client, user, page, welsh):
    """Start a Welsh translation of ``page`` through wagtail-localize's submit view; return the Translation."""
    client.force_login(user)
    response = client.post(reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [welsh.pk]})
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=welsh)


def translate_strings_by_po(client, translation, translations):
    """Download the PO file, fill in ``translations`` ({English: Welsh}), upload it again."""
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    upload = SimpleUploadedFile("welsh.po", str(po).encode(), content_type="text/x-gettext-translation")
    client.post(reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload})
    return po


def test_translating_a_page_makes_a_welsh_draft_not_a_live_page(client, users, english_pattern, welsh):
    """Starting a translation creates the Welsh page as a draft: nothing Welsh is public before review."""
    translate(client, users["Contributor"], english_pattern, welsh)
    welsh_page = english_pattern.get_translation(welsh)
    assert not welsh_page.live


def test_po_export_and_import_round_trip(client, users, english_pattern, welsh):
    """A translator downloads the PO file, fills in Welsh, uploads it, and the strings are translated."""
    translation = translate(client, users["Contributor"], english_pattern, welsh)
    po = translate_strings_by_po(client, translation, {"Apply for a school place": "Gwneud cais am le mewn ysgol"})
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    assert "Apply for a school place" in [entry.msgid for entry in po]
    assert StringTranslation.objects.filter(locale=welsh, data="Gwneud cais am le mewn ysgol").exists()


def test_welsh_translation_goes_through_review_and_is_served_at_cy(client, users, english_pattern, welsh):
    """Translate, submit, approve both steps: the Welsh page is live at /cy/… in Welsh."""
    contributor = users["Contributor"]
    translation = translate(client, contributor, english_pattern, welsh)
    translate_strings_by_po(client, translation, {"Apply for a school place": "Gwneud cais am le mewn ysgol"})

    welsh_page = english_pattern.get_translation(welsh)
    response = client.post(reverse("editorial_submit_translation", args=[welsh_page.pk]))
    assert response.status_code == 302
    welsh_page = reload(welsh_page)
    assert welsh_page.workflow_in_progress
    assert not welsh_page.live

    client.force_login(users["Reviewer"])
    client.post(workflow_action_url(welsh_page), {"comment": ""})
    client.force_login(users["Publisher"])
    client.post(workflow_action_url(reload(welsh_page)), CHECKLIST)
    welsh_page = reload(welsh_page)
    assert welsh_page.live
    assert welsh_page.title == "Gwneud cais am le mewn ysgol"
    assert welsh_page.url.startswith("/cy/")

    client.logout()
    response = client.get(welsh_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="cy"' in html
    assert "Gwneud cais am le mewn ysgol" in html
    assert "Nid yw’r dudalen hon ar gael yn Gymraeg eto" not in html
    assert f'hreflang="en" href="http://localhost{english_pattern.url}"' in html
    assert f'hreflang="cy" href="http://localhost{welsh_page.url}"' in html


def test_changing_the_english_marks_the_welsh_out_of_date_and_syncs_a_draft_keeping_translations(
    client, users, english_pattern, welsh
):
    """After the English page is republished, the report says out of date; the Welsh draft keeps its strings."""
    translation = translate(client, users["Contributor"], english_pattern, welsh)
    translate_strings_by_po(client, translation, {"Apply for a school place": "Gwneud cais am le mewn ysgol"})
    translation.save_target(user=users["Publisher"], publish=True)
    report = reverse("editorial_translation_status")

    client.force_login(users["Publisher"])
    html = client.get(report, {"welsh_status": "up-to-date"}).content.decode()
    assert "Apply for a school place" in html

    english_pattern.summary = "A new English summary."
    english_pattern.save_revision(user=users["Publisher"]).publish(user=users["Publisher"])

    response = client.get(report)
    html = response.content.decode()
    assert 'data-welsh-status="out-of-date"' in html
    counts = dict(response.context["status_counts"])
    assert counts["Out of date"] == 1 and counts["Up to date"] == 0
    assert "Apply for a school place" in client.get(report, {"welsh_status": "out-of-date"}).content.decode()

    draft = reload(english_pattern.get_translation(welsh)).get_latest_revision_as_object()
    assert draft.summary == "A new English summary."  # new text waits for a translator
    assert draft.title == "Gwneud cais am le mewn ysgol"  # the manual translation is kept


def test_translation_status_counts_missing_translations(client, users, english_pattern, process_index):
    """Patterns and processes with no Welsh page are counted and listed as missing."""
    factories.ProcessPageFactory(parent=process_index, title="Decide a school place")
    client.force_login(users["Reviewer"])
    response = client.get(reverse("editorial_translation_status"))
    counts = dict(response.context["status_counts"])
    assert counts["No Welsh translation"] == 2
    assert response.content.decode().count('data-welsh-status="missing"') == 2


def test_an_untranslated_page_is_served_in_english_at_cy_with_a_welsh_notice(client, english_pattern):
    """/cy/… for a page with no Welsh copy shows the English page and says so in Welsh, not a 404."""
    response = client.get("/cy" + english_pattern.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="cy"' in html
    assert "Nid yw’r dudalen hon ar gael yn Gymraeg eto" in html
    assert 'id="main-content" lang="en"' in html
    assert english_pattern.title in html
    assert client.get("/cy/patterns/no-such-pattern/").status_code == 404


def test_untranslated_page_falls_back_even_when_the_welsh_tree_exists(client, users, english_pattern, welsh):
    """With a Welsh home and index published, a page still without Welsh falls back to English."""
    translate(client, users["Contributor"], english_pattern, welsh)
    # wagtail-localize made the Welsh home and index (as live aliases of the English ones).
    assert all(page.get_translation(welsh).live for page in english_pattern.get_ancestors().filter(depth__gt=1))
    other = factories.ServicePatternPageFactory(parent=english_pattern.get_parent(), title="Pay a parking fine")
    other.save_revision().publish()
    response = client.get("/cy" + reload(other).url)
    assert response.status_code == 200
    assert "Pay a parking fine" in response.content.decode()
    assert "Nid yw’r dudalen hon ar gael yn Gymraeg eto" in response.content.decode()


def test_language_switcher_links_to_the_welsh_path(client, english_pattern):
    """The English page offers Cymraeg at the same path under /cy/."""
    html = client.get(english_pattern.url).content.decode()
    assert f'href="/cy{english_pattern.url}" rel="alternate" lang="cy" hreflang="cy">Cymraeg</a>' in html


def test_a_snippet_is_translated_through_wagtail_localize(client, users, welsh):
    """A publisher starts a Welsh translation of a life event; wagtail-localize creates the Welsh copy."""
    life_event = factories.LifeEventFactory(name="Having a baby", slug="having-a-baby")
    client.force_login(users["Administrator"])
    url = reverse("wagtail_localize:submit_snippet_translation", args=["pattern_pages", "lifeevent", life_event.pk])
    assert client.post(url, {"locales": [welsh.pk]}).status_code == 302
    translation = Translation.objects.get(source__object_id=life_event.translation_key, target_locale=welsh)
    translate_strings_by_po(client, translation, {"Having a baby": "Cael babi"})
    translation.save_target(user=users["Administrator"])
    assert life_event.get_translation(welsh).name == "Cael babi"


def test_a_process_decision_is_offered_for_translation_and_served_in_welsh(client, process_index, welsh):
    """The question, every answer and every end outcome of a step's decision reach the translator, and the
    Welsh page shows them (wagtail-localize skipped a list inside a block inside a block: the answers)."""
    from wagtail_localize.models import StringSegment, TranslationSource

    from tests.factories.pages import process_step

    process = factories.ProcessPageFactory(
        parent=process_index,
        steps=[
            (
                "step",
                process_step(
                    "check",
                    "Check the application",
                    "Caseworker",
                    decision={
                        "question": "Is the application complete?",
                        "outcomes": [
                            {"answer": "Complete", "next_step": "decide", "end_outcome": ""},
                            {"answer": "Withdrawn", "next_step": "", "end_outcome": "Application closed"},
                        ],
                    },
                ),
            ),
            ("step", process_step("decide", "Decide the application", "Caseworker", end_outcome="Decided")),
        ],
    )
    process.save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(process)
    offered = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    decision = {"Is the application complete?", "Complete", "Withdrawn", "Application closed", "Decided"}
    assert decision <= offered, decision - offered

    from pattern_pages.demo.loader import Summary
    from pattern_pages.demo.translations import translate

    welsh_text = {
        "Is the application complete?": "Ydy’r cais yn gyflawn?",
        "Complete": "Cyflawn",
        "Withdrawn": "Wedi’i dynnu’n ôl",
        "Application closed": "Cais wedi’i gau",
    }
    welsh_process = translate(process, welsh_text, welsh, Summary(), "Welsh page")
    outcomes = welsh_process.steps[0].value["decision"]["outcomes"]
    assert [(o["answer"], o["end_outcome"]) for o in outcomes] == [
        ("Cyflawn", ""),
        ("Wedi’i dynnu’n ôl", "Cais wedi’i gau"),
    ]
    assert outcomes[0]["next_step"] == "decide"  # where an answer leads is not text to translate
    page = client.get(welsh_process.url).content.decode()
    assert "Wedi’i dynnu’n ôl" in page and "Withdrawn" not in page
