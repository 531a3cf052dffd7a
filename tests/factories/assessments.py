"""Factories for service assessments against the standards every install has."""

import datetime

import factory
from wagtail.models import Locale

from assessments import models
from assessments.standards import load_standards

from .taxonomy import CouncilFactory, ServiceFactory


def standard(slug="govuk-service-standard"):
    """One of the two standards (loaded after every migrate and flush)."""
    found = models.ServiceStandard.objects.filter(slug=slug).first()
    if found is None:
        found = {s.slug: s for s in load_standards(models.ServiceStandard, models.StandardPoint, Locale)}[slug]
    return found


class AssessmentFactory(factory.django.DjangoModelFactory):
    """``AssessmentFactory(outcomes={5: "met", 6: "not-met"})``: an assessment and its outcomes by point number."""

    class Meta:
        model = models.Assessment
        skip_postgeneration_save = True

    council = factory.SubFactory(CouncilFactory)
    service = factory.SubFactory(ServiceFactory)
    standard = factory.LazyFunction(standard)
    phase = models.Phase.BETA
    date = datetime.date(2026, 3, 1)
    result = models.Result.MET
    live = True

    @factory.post_generation
    def outcomes(self, create, extracted, **kwargs):
        for number, result in (extracted or {}).items():
            AssessmentOutcomeFactory(assessment=self, point=self.standard.points.get(number=number), result=result)


class AssessmentOutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.AssessmentOutcome

    assessment = factory.SubFactory(AssessmentFactory)
    point = factory.LazyAttribute(lambda o: o.assessment.standard.points.order_by("number").first())
    result = models.Result.MET
    reason = "Seen by the panel."
