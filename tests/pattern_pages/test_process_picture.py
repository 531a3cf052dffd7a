"""Tests that read the picture: for every demo process, in the wide (desktop) and narrow (phone) drawings,
the arrows are the flows of the model and nothing else, no arrow runs through a box, no two pieces of text
overlap, decisions show their question, and the step table says what the picture says."""

import re

import pytest

from pattern_pages.demo import processes
from pattern_pages.demo.loader import process_step_value
from pattern_pages.process_diagram import ProcessGraph, lay_out, swimlane_svg
from pattern_pages.process_flow import ProcessFlow, default_end_label

from .svg_reading import read_picture

SPECS = {spec["slug"]: spec for spec in processes.PROCESSES}
VARIANTS = ["wide", "narrow"]


def steps_of(spec):
    return [process_step_value(step) for step in spec["steps"]]


def draw(spec, variant):
    graph = ProcessGraph.from_steps(spec["title"], [(n, k) for n, k, _ in spec["roles"]], steps_of(spec))
    return swimlane_svg(graph, lay_out(graph, variant), spec["title"], "", variant)


@pytest.fixture(scope="module")
def pictures():
    return {
        (slug, variant): read_picture(draw(spec, variant), roles_in_boxes=variant == "narrow")
        for slug, spec in SPECS.items()
        for variant in VARIANTS
    }


def model_edges(steps):
    """What the flow model says, in the picture's terms: step → decision → answers, ends per outcome."""
    flow = ProcessFlow.from_values(steps)
    edges = {(("start",), ("step", flow.steps[0].ref), "")}
    for step in flow.steps:
        source = ("step", step.ref)
        if step.is_decision:
            edges.add((source, ("decision", step.ref), ""))
            source = ("decision", step.ref)
        for transition in step.transitions:
            target = ("step", transition.target) if transition.target else ("end", transition.end)
            edges.add((source, target, transition.answer))
    return edges


CASES = [(slug, variant) for slug in SPECS for variant in VARIANTS]


@pytest.mark.parametrize(("slug", "variant"), CASES)
def test_every_arrow_is_a_flow_of_the_model_and_every_flow_an_arrow(pictures, slug, variant):
    """The arrows drawn are exactly the model's flows, with the decision's answers on them."""
    picture = pictures[slug, variant]
    assert picture.edges() == model_edges(steps_of(SPECS[slug]))
    assert len(picture.arrows) == len(picture.edges()), "no flow is drawn twice"


@pytest.mark.parametrize(("slug", "variant"), CASES)
def test_no_arrow_passes_through_a_box(pictures, slug, variant):
    """No arrow crosses a step, decision or end it does not start or finish at."""
    picture = pictures[slug, variant]
    for arrow in picture.arrows:
        for shape in picture.shapes.values():
            if shape.id in {arrow.source, arrow.target}:
                continue
            crossing = [p for p in arrow.points if shape.box.contains(p, inset=2)]
            assert not crossing, f"{arrow.label or 'arrow'} {arrow.source}→{arrow.target} crosses {shape.text!r}"


@pytest.mark.parametrize(("slug", "variant"), CASES)
def test_no_two_labels_overlap(pictures, slug, variant):
    """Step texts, questions, answers on arrows, outcomes and lane names never overlap one another."""
    labels = pictures[slug, variant].labels
    for index, (what, box) in enumerate(labels):
        for other, other_box in labels[index + 1 :]:
            assert not box.overlaps(other_box, margin=0.5), f"{what} overlaps {other}"


@pytest.mark.parametrize(("slug", "variant"), CASES)
def test_decisions_show_their_question(pictures, slug, variant):
    """Each decision diamond shows its whole question, never a bare '?'."""
    questions = {
        ("decision", step.ref): step.question
        for step in ProcessFlow.from_values(steps_of(SPECS[slug])).steps
        if step.is_decision
    }
    shown = {shape.key: shape.text for shape in pictures[slug, variant].shapes.values() if shape.kind == "decision"}
    assert shown == questions


@pytest.mark.parametrize(("slug", "variant"), CASES)
def test_steps_show_their_title_and_ends_their_outcome(pictures, slug, variant):
    """Every step's box shows its whole title; every end names its outcome."""
    steps = ProcessFlow.from_values(steps_of(SPECS[slug])).steps
    shapes = pictures[slug, variant].shapes.values()
    assert {s.key: s.text for s in shapes if s.kind == "step"} == {("step", step.ref): step.title for step in steps}
    outcomes = {t.end for step in steps for t in step.transitions if not t.target}
    assert {s.text for s in shapes if s.kind == "end"} == outcomes


def test_blue_badge_reads_approve_to_print_and_post_and_refuse_to_its_end(pictures):
    """The issue's example, as drawn: Approve → Print and post; Refuse → end (Badge refused)."""
    for variant in VARIANTS:
        edges = pictures["assess-a-blue-badge-application", variant].edges()
        assert (("step", "approve"), ("step", "send-badge"), "") in edges
        assert (("step", "refuse"), ("end", "Badge refused"), "") in edges
        assert not any(source == ("step", "approve") and target == ("step", "refuse") for source, target, _ in edges)
        assert not any(source == ("step", "refuse") and target == ("step", "send-badge") for source, target, _ in edges)


# ----- the page: the table says what the picture says ------------------------------------------


def table_edges(html):
    """``{(step ref, answer, ("step", ref) or ("end", outcome))}`` from the steps table's 'What comes next'."""
    edges = set()
    rows = re.findall(
        r'<tr class="govuk-table__row" id="step-([a-z0-9-]+)">.*?library-steps-table__next">(.*?)</td>', html, re.S
    )
    for ref, cell in rows:
        answers = re.findall(r"<li>(.*?)</li>", cell, re.S)
        for item in answers or [cell]:
            item = item.strip()
            link = re.search(r'<a class="govuk-link" href="#step-([a-z0-9-]+)">', item)
            ending = re.search(r"[Tt]he process ends(?:: (.*)| \((.*)\))?$", item)
            answer = item[: (link or ending).start()].strip().removesuffix(":") if answers else ""
            if link:
                target = ("step", link.group(1))
            else:
                target = ("end", ending.group(1) or ending.group(2) or default_end_label())
            edges.add((ref, answer, target))
    return edges


def picture_edges_by_step(picture):
    """The picture's flows folded as the table lists them: a decision's answers belong to its step."""
    edges = set()
    for source, target, label in picture.edges():
        if source[0] in {"step", "decision"} and target[0] != "decision":
            edges.add((source[1], label, target))
    return edges


def svg_in(html, variant):
    start = html.index(f'class="library-swimlane library-swimlane--{variant}"')
    start = html.rindex("<svg", 0, start)
    return html[start : html.index("</svg>", start) + len("</svg>")]


def assert_step_tables_say_what_the_pictures_say(client):
    """On each published demo process page (the demo loaded), both drawings and the steps table list the
    same ways on. Run by tests/pattern_pages/test_demo.py, on its one load of the demo."""
    from pattern_pages.models import ProcessDiagram, ProcessPage

    # The English processes the specs describe (the demo also publishes Welsh copies of two of them).
    pages = ProcessPage.objects.live().filter(locale__language_code="en").order_by("slug")
    assert pages.count() == len(SPECS)
    drawn_on_publish = ProcessDiagram.objects.count()
    assert set(ProcessDiagram.objects.values_list("revision", flat=True)) >= {p.live_revision_id for p in pages}
    for page in pages:
        html = client.get(page.url).content.decode()
        table = table_edges(html)
        assert table, page.slug
        for variant in VARIANTS:
            picture = read_picture(svg_in(html, variant), roles_in_boxes=variant == "narrow")
            assert picture_edges_by_step(picture) == table, (page.slug, variant)
    assert ProcessDiagram.objects.count() == drawn_on_publish, "viewing the pages drew nothing more"
