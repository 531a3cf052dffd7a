"""Search text and components read from the StreamFields' JSON equal what Wagtail's block values give."""

import pytest
import wagtail_factories
from wagtail.fields import StreamField

from pattern_pages.models import ProcessPage, ServicePatternPage
from search import raw_content
from search.documents import PATTERN_STREAMS, PROCESS_STREAMS, Batch, stream_text
from tests import factories

pytestmark = pytest.mark.django_db


def item(value, pk="a"):
    return {"type": "item", "value": value, "id": pk}


def rich(text):
    return f"<p>{text} &amp; <b>bold</b> &lt;not a tag&gt;</p>"


def prose(image, deleted_image):
    """Every ProseBlock child, and images: with alt text, decorative, deleted, with missing keys."""
    return [
        {"type": "paragraph", "value": rich("Paragraph"), "id": "p1"},
        {"type": "inset_text", "value": {"text": rich("Inset")}, "id": "p2"},
        {"type": "warning_text", "value": {"text": "Warning <b>text</b>"}, "id": "p3"},
        {"type": "details", "value": {"summary": "Details summary", "text": rich("Details")}, "id": "p4"},
        {"type": "image", "value": {"image": image.pk, "decorative": False, "alt_text": "A form"}, "id": "p5"},
        {"type": "image", "value": {"image": image.pk, "decorative": True, "alt_text": "Hidden"}, "id": "p6"},
        {"type": "image", "value": {"image": deleted_image, "decorative": False, "alt_text": "Gone"}, "id": "p7"},
        {"type": "image", "value": {"image": image.pk}, "id": "p9"},  # keys missing: their defaults
        {"type": "retired_block_type", "value": "Not shown", "id": "p10"},
    ]


@pytest.fixture
def images():
    image = wagtail_factories.ImageFactory(title="Screen", description="Default alt")
    deleted = wagtail_factories.ImageFactory(title="Deleted")
    deleted_pk = deleted.pk
    deleted.delete()
    return image, deleted_pk


@pytest.fixture
def pattern(pattern_index, images):
    date_input, radios = factories.DesignSystemComponentFactory.create_batch(2)
    gone = factories.DesignSystemComponentFactory()
    gone_pk = gone.pk
    gone.delete()
    page = factories.ServicePatternPageFactory(parent=pattern_index)
    # Written past validation: deleted images and components, retired block types and missing keys are
    # what old content holds.
    ServicePatternPage.objects.filter(pk=page.pk).update(
        when_to_use=prose(*images),
        when_not_to_use=[],
        how_it_works=prose(*images),
        user_needs=[{"type": "user_need", "value": {"as_a": "parent", "i_need": "a place", "so_that": "x"}, "id": "u"}],
        steps=[
            {
                "type": "step",
                "value": {
                    "title": "Child's date of birth",
                    "user_action": "Types a date",
                    "components": [item(date_input.pk, "c1"), item(gone_pk, "c2"), item(None, "c3")],
                    "content_guidance": rich("Guidance"),
                    "example_screen": {"image": images[0].pk, "decorative": False, "alt_text": "Screen alt"},
                    "process_steps": [],
                },
                "id": "s1",
            },
            {
                "type": "step",
                "value": {"title": "Old lists", "user_action": "Chooses", "components": [radios.pk, date_input.pk]},
                "id": "s2",
            },
            {"type": "step", "value": {"title": "No components"}, "id": "s3"},
        ],
        variants=[{"type": "variant", "value": {"name": "Paper", "when_to_use": "Offline", "description": rich("V")}}],
        # Stored by an ImageChooserBlock before it became an ImageBlock (Wagtail loads a field's images in
        # one go, so they are all bare ids or all dicts).
        accessibility=[
            {"type": "image", "value": images[0].pk, "id": "i1"},
            {"type": "image", "value": images[1], "id": "i2"},
        ],
    )
    return ServicePatternPage.objects.get(pk=page.pk), {date_input.pk, radios.pk}


@pytest.fixture
def process(process_index):
    page = factories.ProcessPageFactory(parent=process_index)
    ProcessPage.objects.filter(pk=page.pk).update(
        roles=[
            ("role", {"name": "Resident", "kind": "resident", "description": "Applies"}),
            ("role", {"name": "Officer", "kind": "council-officer", "description": ""}),
        ],
        systems=[("system", {"name": "Case system", "description": "Holds cases"})],
        steps=[
            (
                "step",
                factories.process_step(
                    "decide",
                    "Decide",
                    "Officer",
                    inputs=["Application", "Evidence"],
                    outputs=["Decision"],
                    statutory=True,
                    legislation="Education Act",
                    decision={"question": "Eligible?", "outcomes": [{"answer": "Yes", "next_step": "offer"}]},
                ),
            ),
            ("step", factories.process_step("offer", "Offer a place", "Officer")),
        ],
        legislation=[
            (
                "legislation",
                {
                    "title": "Education Act",
                    "section": "s86",
                    "url": "https://www.legislation.gov.uk/ukpga/1998/31/section/86",
                    "duty_or_power": "duty",
                },
            )
        ],
        data_held=[("data_item", {"item": "Date of birth", "purpose": "Age", "retention_period": "6 years"})],
        performance_measures=[("measure", {"name": "On time", "description": "", "target": "95%"})],
    )
    return ProcessPage.objects.get(pk=page.pk)


def block_based(page, names):
    """Wagtail's own extraction, from block values."""
    return [
        part
        for name in names
        for part in page._meta.get_field(name).get_searchable_content(getattr(page, name))
        if isinstance(page._meta.get_field(name), StreamField)
    ]


def test_pattern_text_equals_the_block_based_extraction(pattern):
    """Every prose block, image case, user need, step and variant gives Wagtail's strings in Wagtail's order."""
    page, _components = pattern
    images = raw_content.existing_images([page], lambda _page: PATTERN_STREAMS)
    expected = block_based(ServicePatternPage.objects.get(pk=page.pk), PATTERN_STREAMS)
    assert raw_content.searchable_text(page, PATTERN_STREAMS, images) == expected
    assert "A form" in expected and "Hidden" not in expected and "Gone" not in expected
    assert page.accessibility[0].value.default_alt_text in expected and "Screen alt" in expected


def test_process_text_equals_the_block_based_extraction(process):
    """Roles' choice labels, steps' lists and decisions, legislation, data and measures match Wagtail's."""
    images = raw_content.existing_images([process], lambda _page: PROCESS_STREAMS)
    expected = block_based(ProcessPage.objects.get(pk=process.pk), PROCESS_STREAMS)
    assert raw_content.searchable_text(process, PROCESS_STREAMS, images) == expected
    assert "Council officer" in expected


def test_components_are_those_the_steps_name_that_exist(pattern):
    """New- and old-format lists both count; a deleted component and an empty choice do not."""
    page, components = pattern
    assert {c.pk for c in Batch([page]).components_of(page)} == components == page.component_ids()


def test_stream_text_queries_once_for_images(pattern, django_assert_num_queries):
    """One query for every image the page names, none for the text."""
    page, _components = pattern
    with django_assert_num_queries(1):
        stream_text(page, PATTERN_STREAMS)


@pytest.mark.parametrize(
    "source",
    [
        "Plain text  ",
        "<p>Pay <b>now</b></p><p>Or later</p>",
        "<h2>Title</h2><ul><li>One</li><LI>Two</LI></ul><BLOCKQUOTE>Quote</BLOCKQUOTE>",
        "<p>Line<br/>break<br />and<hr/>rule</p>",
        '<p><a href="/page" linktype="page" id="3">Link</a> &amp; &lt;not a tag&gt; &quot;q&quot; &#39;s</p>',
        "<p>An <i>unclosed</p> tag and a stray > sign</p>",
        "<p>A <script>hidden()</script> script</p>",
        "<p>Broken <a href=unquoted>attribute</a></p>",
        "Fish &amp chips &unknown; &#x41;",
    ],
)
def test_rich_text_reads_as_wagtails_indexing_text(source):
    """Rich text gives the same searchable string as Wagtail's own HTML parser, however it is written."""
    from wagtail.rich_text import get_text_for_indexing

    assert raw_content.rich_text_for_indexing(source) == get_text_for_indexing(source)


def test_a_rebuild_walks_a_batch_once_and_reads_images_as_a_publish_does(pattern):
    """The rebuild's builder, which looks the images up after walking the pages, gives a page the text a
    publish gives: alt text only of images that exist and are not decorative, defaults of missing keys."""
    from search.documents import build_entries, build_entry, page_key

    page, _components = pattern
    key = page_key(page.pk)
    [bulk] = build_entries([key])
    assert bulk.as_dict() == build_entry(key).as_dict()
    assert "A form" in bulk.body and "Screen alt" in bulk.body
    assert "Hidden" not in bulk.body and "Gone" not in bulk.body
