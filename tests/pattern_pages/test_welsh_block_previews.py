"""The admin's block previews in the editor's language: an editor using the admin in Welsh sees Welsh sample
values (the screen components' and the pattern and process blocks'), and English editors see them as before."""

import html

import pytest
from django.utils import translation
from wagtail.users.models import UserProfile

from pattern_pages import blocks
from pattern_pages.screens.blocks import ScreenComponentsBlock
from pattern_pages.screens.previews import sample
from tests.pattern_pages.test_blocks import PREVIEWED_BLOCKS

COMPONENTS = sorted(ScreenComponentsBlock.base_blocks.keys() - {"heading", "paragraph"})
PATTERN_AND_PROCESS_BLOCKS = PREVIEWED_BLOCKS
# The keys of a sample that hold what a user reads (the others are names, ids, links and classes).
TEXT_KEYS = {
    "text",
    "hint",
    "label",
    "titleText",
    "summaryText",
    "caption",
    "head",
    "cells",
    "title",
    "status",
    "key",
    "value",
    "iconFallbackText",
    "divider",
}
# Texts that are the same in both languages: a name, sums of money, numbers.
SAME_IN_WELSH = {"Sarah Philips", "£52", "£104", "1", "2"}


def texts(value, key=None):
    """Every text a user reads in a raw sample value."""
    if isinstance(value, dict):
        for name, item in value.items():
            if name == "value" and "text" in value:
                continue  # an item's value is what the form sends, not what the user reads
            yield from texts(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from texts(item, key)
    elif isinstance(value, str) and key in TEXT_KEYS and value.strip():
        yield value


@pytest.fixture
def welsh_editor(client, django_user_model):
    editor = django_user_model.objects.create_superuser("golygydd", "golygydd@example.com", "pass")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "cy"
    profile.save()
    client.force_login(editor)
    return client


def preview(client, block):
    response = client.get("/admin/block-preview/", {"id": block.definition_prefix})
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.mark.django_db
def test_a_welsh_editor_previews_a_screen_component_in_welsh(welsh_editor):
    """The date input's preview is lang="cy": the sample's question and hint, and the labels GOV.UK Frontend would
    write in English, are Welsh, and so is the text around it."""
    page = preview(welsh_editor, ScreenComponentsBlock().child_blocks["date_input"])
    assert '<html lang="cy"' in page
    assert 'text: "Beth yw eich dyddiad geni?"' in page and 'text: "Er enghraifft, 27 3 2007"' in page
    assert 'label: "Diwrnod"' in page and 'label: "Blwyddyn"' in page
    assert "Yr alwad macro GOV.UK Frontend y mae'r bloc hwn yn ei chynhyrchu" in page
    assert "What is your date of birth?" not in page and "For example" not in page and " preview" not in page


@pytest.mark.django_db
def test_a_welsh_editor_previews_a_pattern_block_in_welsh(welsh_editor):
    """A user need's preview reads as a Welsh sentence."""
    page = preview(welsh_editor, blocks.UserNeedBlock())
    assert (
        "Fel rhiant plentyn sy'n dechrau yn yr ysgol, mae angen i mi wneud cais am le mewn ysgol, fel bod gan fy "
        "mhlentyn ysgol i fynd iddi ym mis Medi." in page
    )


@pytest.mark.django_db
def test_an_english_editor_previews_in_english(admin_client):
    """English editors see the English samples, with no Welsh and no texts added to the macro call."""
    page = preview(admin_client, ScreenComponentsBlock().child_blocks["date_input"])
    assert '<html lang="en"' in page and "<title>Date input preview</title>" in page
    assert 'text: "What is your date of birth?"' in page and "Diwrnod" not in page and 'label: "Day"' not in page
    need = preview(admin_client, blocks.UserNeedBlock())
    assert "As a parent of a child starting school, I need to apply for a school place, so that my child" in need


@pytest.mark.parametrize("block_type", COMPONENTS)
def test_no_screen_component_sample_keeps_english_text(block_type):
    """Every text of every component's sample is Welsh when the admin is (names and sums of money aside)."""
    with translation.override("en"):
        english = set(texts(sample(block_type)))
    with translation.override("cy"):
        welsh = set(texts(sample(block_type)))
    assert english - SAME_IN_WELSH
    assert not (english & welsh) - SAME_IN_WELSH


@pytest.mark.parametrize("block_class", PATTERN_AND_PROCESS_BLOCKS)
def test_no_pattern_or_process_sample_keeps_english_text(block_class):
    """The pattern and process blocks' preview values change every text with the admin's language."""
    block = block_class()
    with translation.override("en"):
        english = block.get_preview_value()
    with translation.override("cy"):
        welsh = block.get_preview_value()
    changed = [name for name in english if english[name] and str(english[name]) != str(welsh[name])]
    kept = [name for name in english if english[name] and str(english[name]) == str(welsh[name])]
    assert changed
    # Only what is not text stays: references, dates, numbers, choices and links.
    assert set(kept) <= {"ref", "method", "date", "participants", "rating", "kind", "url", "duty_or_power"}
