"""Builders for the public-site tests: patterns and processes with as many steps and links as a test needs."""

import datetime

import pytest

from tests import factories
from tests.factories import process_step


def school_admission_steps():
    """A process with a decision whose two answers meet again at a shared last step."""
    return [
        ("step", process_step("apply", "Submit the application", "Parent")),
        (
            "step",
            process_step(
                "check",
                "Check the application",
                "Admissions officer",
                system="Admissions system",
                time_limit="10 working days",
                decision={
                    "question": "Is the child eligible?",
                    "outcomes": [
                        {"answer": "Eligible", "next_step": "offer"},
                        {"answer": "Not eligible", "next_step": "refuse"},
                    ],
                },
            ),
        ),
        ("step", process_step("offer", "Offer a place", "Admissions officer", next_step="notify")),
        ("step", process_step("refuse", "Refuse and explain the right of appeal", "Admissions officer")),
        ("step", process_step("notify", "Tell the parent the outcome", "Admissions system")),
    ]


@pytest.fixture
def admission_process(process_index):
    """A process with three roles, a decision, legislation and data held."""
    return factories.ProcessPageFactory(
        parent=process_index,
        title="Admit a child to school",
        slug="admit-a-child-to-school",
        roles=[
            ("role", {"name": "Parent", "kind": "resident", "description": ""}),
            ("role", {"name": "Admissions officer", "kind": "council-officer", "description": ""}),
            ("role", {"name": "Admissions system", "kind": "system", "description": ""}),
        ],
        systems=[("system", {"name": "Admissions system", "description": ""})],
        steps=school_admission_steps(),
        legislation=[
            (
                "legislation",
                {
                    "title": "School Standards and Framework Act 1998",
                    "section": "section 86",
                    "url": "https://www.legislation.gov.uk/ukpga/1998/31/section/86",
                    "duty_or_power": "duty",
                },
            )
        ],
        data_held=[
            (
                "data_item",
                {"item": "Child's date of birth", "purpose": "To check the year group", "retention_period": "7 years"},
            )
        ],
    )


def pattern_steps(count, components):
    return [
        (
            "step",
            {
                "title": f"Question {n}",
                "user_action": f"The user answers question {n}.",
                "components": list(components),
                "content_guidance": "",
                "example_screen": None,
                "process_steps": [],
            },
        )
        for n in range(1, count + 1)
    ]


@pytest.fixture
def build_pattern(pattern_index):
    """``build_pattern(steps=3, services=2, related=1)``: a published pattern with that many of each."""

    def build(steps=2, services=1, related=0, life_events=1, **fields):
        components = [factories.DesignSystemComponentFactory(name=f"Date input {n}") for n in range(steps)]
        others = [factories.ServicePatternPageFactory(parent=pattern_index) for _ in range(related)]
        pattern = factories.ServicePatternPageFactory(
            parent=pattern_index,
            steps=pattern_steps(steps, components),
            user_needs=[
                (
                    "user_need",
                    {"as_a": "parent", "i_need": "to apply for a school place", "so_that": "my child can learn"},
                )
            ],
            research=[
                (
                    "research",
                    {
                        "method": "usability-testing",
                        "date": datetime.date(2026, 3, 1),
                        "participants": 12,
                        "findings": "<p>Parents understood the questions.</p>",
                        "rating": 2,
                    },
                )
            ],
            related=[("pattern", other) for other in others],
            review_by=datetime.date(2027, 1, 31),
            owner_council=factories.CouncilFactory(),
            **fields,
        )
        pattern.services.set([factories.ServiceFactory() for _ in range(services)])
        pattern.life_events.set([factories.LifeEventFactory() for _ in range(life_events)])
        pattern.save_revision().publish()
        return pattern

    return build
