"""Where each step of a process goes: the one flow model that the diagram, the BPMN export, the step
table and validation all read.

A step goes to the step named in its ``next_step``, or, when that is blank, to the step after it in the
list. A step with a decision goes where each answer says instead. A step (or an answer) may end the
process with a named outcome ("Badge refused"); the last step with nothing named ends the process.

>>> flow = ProcessFlow.from_values([
...     {"ref": "assess", "title": "Assess", "decision": {"question": "Eligible?", "outcomes": [
...         {"answer": "Yes", "next_step": "approve"}, {"answer": "No", "next_step": "refuse"}]}},
...     {"ref": "approve", "title": "Approve", "next_step": "post"},
...     {"ref": "refuse", "title": "Refuse", "end_outcome": "Badge refused"},
...     {"ref": "post", "title": "Print and post"},
... ])
>>> [(t.answer, t.target, t.end) for t in flow.steps[0].transitions]
[('Yes', 'approve', ''), ('No', 'refuse', '')]
>>> [(t.target, t.end) for t in flow.steps[2].transitions]
[('', 'Badge refused')]
"""

from collections import deque
from dataclasses import dataclass, field

from django.utils.translation import gettext as _


@dataclass
class Transition:
    """One way out of a step: to the step ``target`` (a ref), or ending the process with ``end``."""

    answer: str = ""
    target: str = ""
    end: str = ""
    implicit: bool = False  # the default "step after it" or "last step ends the process"


@dataclass
class FlowStep:
    ref: str
    title: str
    role: str = ""
    system: str = ""
    question: str = ""
    transitions: list = field(default_factory=list)

    @property
    def is_decision(self):
        return bool(self.question or any(t.answer for t in self.transitions))


def default_end_label():
    return _("Process ends")


def _text(value):
    return str(value or "").strip()


class ProcessFlow:
    """The steps of a process with their ways out, in the editor's order."""

    def __init__(self, steps):
        self.steps = steps
        self.by_ref = {}
        for step in steps:
            self.by_ref.setdefault(step.ref, step)

    @classmethod
    def from_page(cls, page):
        return cls.from_values([child.value for child in page.steps])

    @classmethod
    def from_values(cls, values):
        """Build from ProcessStepBlock values (dicts or StructValues)."""
        values = list(values)
        refs = [_text(value.get("ref")) or f"step-{index + 1}" for index, value in enumerate(values)]
        steps = []
        for index, value in enumerate(values):
            decision = value.get("decision") or {}
            outcomes = list(decision.get("outcomes") or [])
            step = FlowStep(
                ref=refs[index],
                title=_text(value.get("title")) or refs[index],
                role=_text(value.get("role")),
                system=_text(value.get("system")),
                question=_text(decision.get("question")) if outcomes else "",
            )
            if outcomes:
                step.transitions = [
                    Transition(
                        answer=_text(outcome.get("answer")),
                        target=_text(outcome.get("next_step")),
                        end=_text(outcome.get("end_outcome")),
                    )
                    for outcome in outcomes
                ]
            elif _text(value.get("end_outcome")):
                step.transitions = [Transition(end=_text(value.get("end_outcome")))]
            elif _text(value.get("next_step")):
                step.transitions = [Transition(target=_text(value.get("next_step")))]
            elif index + 1 < len(refs):
                step.transitions = [Transition(target=refs[index + 1], implicit=True)]
            else:
                step.transitions = [Transition(end=default_end_label(), implicit=True)]
            steps.append(step)
        return cls(steps)

    def end_outcomes(self):
        """The distinct outcomes the process can end with, in the order they are first named."""
        seen = []
        for step in self.steps:
            for transition in step.transitions:
                if transition.end and not transition.target and transition.end not in seen:
                    seen.append(transition.end)
        return seen

    def edges(self):
        """``(source_ref, target_ref or None, end, answer)`` for every way out of every step."""
        return [
            (step.ref, transition.target or None, "" if transition.target else transition.end, transition.answer)
            for step in self.steps
            for transition in step.transitions
        ]

    def reachable(self):
        """The refs reached from the first step."""
        if not self.steps:
            return set()
        seen = {self.steps[0].ref}
        queue = deque([self.steps[0]])
        while queue:
            step = queue.popleft()
            for transition in step.transitions:
                target = self.by_ref.get(transition.target)
                if target is not None and target.ref not in seen:
                    seen.add(target.ref)
                    queue.append(target)
        return seen

    def reaching_an_end(self):
        """The refs from which some way leads to an end of the process."""
        done = {step.ref for step in self.steps if any(t.end and not t.target for t in step.transitions)}
        changed = True
        while changed:
            changed = False
            for step in self.steps:
                if step.ref not in done and any(t.target in done for t in step.transitions):
                    done.add(step.ref)
                    changed = True
        return done


def flow_errors(values):
    """``{step_index: {field: message}}`` for the ways out of the steps that do not make a process.

    Each way out names one step that exists or one outcome; every step must be reachable from the first,
    and from every step some way must lead to an end. The graph checks run only once every reference is
    good, so one mistake is reported once.
    """
    values = list(values)
    refs = [_text(value.get("ref")) for value in values]
    known = set(refs)
    errors = {}

    def add(index, name, message):
        errors.setdefault(index, {}).setdefault(name, message)

    for index, value in enumerate(values):
        decision = value.get("decision") or {}
        outcomes = list(decision.get("outcomes") or [])
        next_step = _text(value.get("next_step"))
        end = _text(value.get("end_outcome"))
        if next_step and end:
            add(index, "end_outcome", _("Name a next step or an outcome that ends the process, not both."))
        if next_step and next_step not in known:
            add(
                index,
                "next_step",
                _("'%(ref)s' is not a step of this process. Its steps are: %(known)s.")
                % {"ref": next_step, "known": ", ".join(refs)},
            )
        if next_step and next_step == refs[index]:
            add(index, "next_step", _("A step cannot lead to itself."))
        if outcomes:
            if next_step or end:
                add(
                    index,
                    "next_step" if next_step else "end_outcome",
                    _("A step with a decision goes where its answers say: leave this blank."),
                )
            if not _text(decision.get("question")):
                add(index, "decision", _("Write the question this decision answers, e.g. 'Is the child eligible?'"))
            missing = []
            for outcome in outcomes:
                target, outcome_end = _text(outcome.get("next_step")), _text(outcome.get("end_outcome"))
                answer = _text(outcome.get("answer"))
                if target and outcome_end:
                    add(
                        index,
                        "decision",
                        _("The answer '%(answer)s' names a next step and an outcome: keep one.") % {"answer": answer},
                    )
                elif not target and not outcome_end:
                    add(
                        index,
                        "decision",
                        _("The answer '%(answer)s' leads nowhere: name its next step or the outcome it ends with.")
                        % {"answer": answer},
                    )
                elif target and target not in known:
                    missing.append(target)
            if missing:
                add(
                    index,
                    "decision",
                    _("The decision points at steps that do not exist: %(refs)s.") % {"refs": ", ".join(missing)},
                )
    if errors or len(set(refs)) != len(refs) or not all(refs):
        return errors

    flow = ProcessFlow.from_values(values)
    reachable = flow.reachable()
    ending = flow.reaching_an_end()
    for index, step in enumerate(flow.steps):
        if step.ref not in reachable:
            add(
                index,
                "ref",
                _(
                    "No step leads to '%(title)s' (%(ref)s): point another step's next step or a decision's "
                    "answer at it, or remove it."
                )
                % {"title": step.title, "ref": step.ref},
            )
        elif step.ref not in ending:
            add(
                index,
                "decision" if step.is_decision else "next_step",
                _(
                    "'%(title)s' (%(ref)s) is a dead end: nothing after it ends the process. Name a next step "
                    "that does, or the outcome it ends with."
                )
                % {"title": step.title, "ref": step.ref},
            )
    return errors
