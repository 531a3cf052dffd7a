"""The pattern page's blocks rendered from their stored JSON (pattern_pages.stream_html) write exactly what their
templates write through Wagtail's blocks, in English and Welsh, for every kind of block and value it renders."""

import datetime

import pytest
from django.core.cache import caches
from wagtail.models import Locale

from library import kept
from pattern_pages import stream_html
from tests import factories

AWKWARD = 'Tom & Jerry\'s "<b>bold</b>" claim'


def rich(text):
    return (
        f'<p>{text}</p><ul><li>one &amp; two</li></ul><h3>Heading</h3><p><a href="https://www.gov.uk/">GOV.UK</a></p>'
    )


@pytest.fixture
def full_pattern(pattern_index, process_index, admission_process):
    process = admission_process
    process.title = "Admit & <check>"
    process.save_revision().publish()
    draft = factories.ProcessPageFactory(parent=process_index, title="Not yet live", live=False)
    other = factories.ServicePatternPageFactory(parent=pattern_index, title=f"Other {AWKWARD}")
    other.save_revision().publish()
    components = [factories.DesignSystemComponentFactory(name=f"Date input {AWKWARD}") for _ in range(2)]
    prose = [
        ("paragraph", rich(AWKWARD)),
        ("inset_text", {"text": rich("Inset")}),
        ("warning_text", {"text": AWKWARD}),
        ("details", {"summary": AWKWARD, "text": rich("Details")}),
    ]
    steps = [
        (
            "step",
            {
                "title": f"Step {n} {AWKWARD}",
                "user_action": AWKWARD,
                "components": components if n else [],
                "content_guidance": rich("Guidance") if n == 1 else "",
                "example_screen": None,
                "process_steps": [{"process": process, "step": "check"}] if n == 2 else [],
            },
        )
        for n in range(3)
    ]
    pattern = factories.ServicePatternPageFactory(
        parent=pattern_index,
        steps=steps,
        when_to_use=prose,
        how_it_works=prose[:2],
        accessibility=prose[2:],
        user_needs=[("user_need", {"as_a": AWKWARD, "i_need": "to <apply>", "so_that": "it's done"})] * 2,
        variants=[("variant", {"name": AWKWARD, "when_to_use": AWKWARD, "description": rich("Variant")})],
        research=[
            (
                "research",
                {
                    "method": method,
                    "date": datetime.date(2026, 3, 1),
                    "participants": participants,
                    "findings": rich("Findings"),
                    "rating": participants % 4,
                },
            )
            for method, participants in (("usability-testing", 1), ("survey", 12), ("analytics", 1234))
        ],
        related=[("pattern", other), ("process", process), ("process", draft)],
    )
    pattern.save_revision().publish()
    # Stored as an editor cannot save them: a step that is gone, a process not live.
    pattern.steps.raw_data[2]["value"]["process_steps"] += [
        {"type": "item", "id": "gone", "value": {"process": process.pk, "step": "no-such-step"}},
        {"type": "item", "id": "draft", "value": {"process": draft.pk, "step": "apply"}},
    ]
    type(pattern).objects.filter(pk=pattern.pk).update(steps=pattern.steps)
    components[1].delete()  # a chosen component that is gone is left out
    return pattern


def render(client, url):
    caches["pages"].clear()
    kept.forget_all()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode().replace(str(response.wsgi_request.csp_nonce), "NONCE")


@pytest.mark.parametrize("language", ["en", "cy"])
def test_blocks_from_stored_json_are_rendered_as_their_templates_render_them(
    client, full_pattern, monkeypatch, language
):
    Locale.objects.get_or_create(language_code="cy")
    url = full_pattern.url if language == "en" else f"/cy{full_pattern.url}"
    render(client, url)  # warm (the navigation)
    fell_back = []
    render_children = stream_html.render_children

    def counting(stream_value, context, fallback):
        return render_children(stream_value, context, lambda *args: fell_back.append(args) or fallback(*args))

    monkeypatch.setattr(stream_html, "render_children", counting)
    fast = render(client, url)
    assert fell_back == []  # every block here was rendered from its JSON
    assert "Admit &amp; &lt;check&gt;" in fast and "Step 2 Tom &amp; Jerry&#x27;s" in fast

    monkeypatch.setattr(stream_html, "render_stream", lambda *args: None)
    monkeypatch.setattr(stream_html, "render_children", lambda value, context, slow: [slow(c, context) for c in value])
    assert render(client, url) == fast
