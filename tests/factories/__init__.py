"""factory_boy factories, one module per domain (``from tests import factories`` gives them all)."""

from .assessments import AssessmentFactory, AssessmentOutcomeFactory
from .contributions import AdoptionFactory, ContributionFactory, FeedbackFactory
from .pages import (
    ContentPageFactory,
    PatternIndexPageFactory,
    ProcessIndexPageFactory,
    ProcessPageFactory,
    ServicePatternPageFactory,
    process_step,
)
from .taxonomy import (
    CouncilFactory,
    DesignSystemComponentFactory,
    FunctionFactory,
    LifeEventFactory,
    LocalisedFactory,
    PatternTypeFactory,
    ServiceFactory,
)

__all__ = [
    "AdoptionFactory",
    "AssessmentFactory",
    "AssessmentOutcomeFactory",
    "ContentPageFactory",
    "ContributionFactory",
    "CouncilFactory",
    "DesignSystemComponentFactory",
    "FeedbackFactory",
    "FunctionFactory",
    "LifeEventFactory",
    "LocalisedFactory",
    "PatternIndexPageFactory",
    "PatternTypeFactory",
    "ProcessIndexPageFactory",
    "ProcessPageFactory",
    "ServiceFactory",
    "ServicePatternPageFactory",
    "process_step",
]
