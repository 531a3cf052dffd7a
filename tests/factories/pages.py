"""Factories for the page tree: index pages, content pages, service patterns and processes."""

import factory
import wagtail_factories

from pattern_pages import models

from .taxonomy import PatternTypeFactory


class PatternIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.PatternIndexPage

    title = "Service patterns"
    slug = "patterns"


class ProcessIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.ProcessIndexPage

    title = "Processes"
    slug = "processes"


class ContentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.ContentPage

    title = factory.Sequence(lambda n: f"Guidance {n}")
    summary = "Guidance for people using the library."


class ServicePatternPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.ServicePatternPage

    title = factory.Sequence(lambda n: f"Apply for something {n}")
    slug = factory.Sequence(lambda n: f"apply-for-something-{n}")
    summary = "How a resident applies for something from their council."
    pattern_type = factory.SubFactory(PatternTypeFactory)
    maturity = models.Maturity.BETA
    version = "1.0.0"


class ProcessPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = models.ProcessPage

    title = factory.Sequence(lambda n: f"Process an application {n}")
    slug = factory.Sequence(lambda n: f"process-an-application-{n}")
    summary = "How the council decides an application."
    trigger = "A resident submits an application."
    outcome = "The resident is told the decision."
    roles = factory.LazyFunction(
        lambda: [
            ("role", {"name": "Resident", "kind": "resident", "description": ""}),
            ("role", {"name": "Caseworker", "kind": "council-officer", "description": ""}),
        ]
    )
    steps = factory.LazyFunction(
        lambda: [
            ("step", process_step("submit", "Submit the application", "Resident")),
            ("step", process_step("decide", "Decide the application", "Caseworker")),
        ]
    )


def process_step(ref, title, role, **extra):
    """The value of one ProcessStepBlock, e.g. process_step("decide", "Decide", "Caseworker")."""
    value = {
        "ref": ref,
        "title": title,
        "role": role,
        "system": "",
        "description": "",
        "inputs": [],
        "outputs": [],
        "time_limit": "",
        "legislation": "",
        "next_step": "",
        "end_outcome": "",
        "decision": {"question": "", "outcomes": []},
    }
    value.update(extra)
    return value
