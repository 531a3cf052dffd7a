"""The flow model: each step names where it goes, decisions' answers name theirs, and steps may end the
process with an outcome. The demo's processes all read right under it."""

import importlib

import pytest

from pattern_pages.demo import processes
from pattern_pages.demo.loader import process_step_value
from pattern_pages.process_flow import ProcessFlow, flow_errors
from tests import factories

DEMO = {spec["slug"]: [process_step_value(step) for step in spec["steps"]] for spec in processes.PROCESSES}


def ways_on(flow):
    """``{step title: [(answer, next step title or 'END: outcome')]}``, as a reader of the diagram sees it."""
    return {
        step.title: [(t.answer, flow.by_ref[t.target].title if t.target else f"END: {t.end}") for t in step.transitions]
        for step in flow.steps
    }


def test_blue_badge_approve_goes_to_print_and_post_and_refuse_ends():
    """Blue Badge: Approve → Print and post the badge; Refuse ends the process with 'Badge refused'."""
    flow = ways_on(ProcessFlow.from_values(DEMO["assess-a-blue-badge-application"]))
    assert flow["Approve and order the badge"] == [("", "Print and post the badge")]
    assert flow["Refuse, giving reasons and the right to a review"] == [("", "END: Badge refused")]
    assert flow["Print and post the badge"] == [("", "END: Badge issued")]
    assert flow["Assess mobility or the hidden disability"] == [
        ("Yes", "Approve and order the badge"),
        ("No", "Refuse, giving reasons and the right to a review"),
    ]


@pytest.mark.parametrize("slug", DEMO)
def test_every_demo_process_makes_a_process(slug):
    """Every demo step is reachable, leads to an end, and every decision asks its question and has 2+ answers."""
    assert flow_errors(DEMO[slug]) == {}
    flow = ProcessFlow.from_values(DEMO[slug])
    for step in flow.steps:
        if step.is_decision:
            assert step.question and len(step.transitions) >= 2, step.ref


def test_a_step_with_nothing_named_goes_to_the_step_after_and_the_last_ends():
    """Defaults: the step after it, and the last step ends the process."""
    flow = ProcessFlow.from_values([factories.process_step("a", "A", "R"), factories.process_step("b", "B", "R")])
    assert [(t.target, t.end, t.implicit) for t in flow.steps[0].transitions] == [("b", "", True)]
    assert [(t.target, t.end) for t in flow.steps[1].transitions] == [("", "Process ends")]


def test_migration_writes_down_the_old_way_on():
    """Content saved before the flow model keeps the flow it was drawn with: an answer's step skips its siblings."""
    migration = importlib.import_module("pattern_pages.migrations.0005_process_flow")
    decision = {
        "question": "Eligible?",
        "outcomes": [{"answer": "Yes", "next_step": "offer"}, {"answer": "No", "next_step": "refuse"}],
    }
    steps = [
        {"type": "step", "value": {"ref": "check", "decision": decision}},
        {"type": "step", "value": {"ref": "offer"}},
        {"type": "step", "value": {"ref": "refuse"}},
        {"type": "step", "value": {"ref": "notify"}},
    ]
    assert migration.write_down_flow(steps)
    assert steps[1]["value"]["next_step"] == "notify"
    assert "next_step" not in steps[2]["value"]
    assert not migration.write_down_flow(steps), "a second run changes nothing"
