"""Factories for the taxonomies: pattern types, functions, life events, services, councils, components."""

import factory
from wagtail.models import Locale

from pattern_pages import models


class LocalisedFactory(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(Locale.get_default)


class PatternTypeFactory(LocalisedFactory):
    class Meta:
        model = models.PatternType
        django_get_or_create = ("slug", "locale")

    slug = "apply"
    name = factory.LazyAttribute(lambda o: o.slug.capitalize())
    description = factory.LazyAttribute(lambda o: f"Patterns for services where people {o.slug}.")


class FunctionFactory(LocalisedFactory):
    class Meta:
        model = models.Function

    lgfl_code = factory.Sequence(lambda n: 9000 + n)
    name = factory.Sequence(lambda n: f"Function {n}")


class LifeEventFactory(LocalisedFactory):
    class Meta:
        model = models.LifeEvent

    slug = factory.Sequence(lambda n: f"life-event-{n}")
    name = factory.Sequence(lambda n: f"Life event {n}")


class ServiceFactory(LocalisedFactory):
    class Meta:
        model = models.Service

    lgsl_code = factory.Sequence(lambda n: 5000 + n)
    name = factory.Sequence(lambda n: f"Service {n}")
    description = "A service a council provides."
    providing_tier = models.ProvidingTier.ALL


class CouncilFactory(LocalisedFactory):
    class Meta:
        model = models.Council

    gss_code = factory.Sequence(lambda n: f"E0{n:07d}")
    local_authority_code = factory.Sequence(lambda n: f"X{n:02d}"[:4])
    official_name = factory.Sequence(lambda n: f"Exampleshire {n} County Council")
    name = factory.Sequence(lambda n: f"Exampleshire {n}")
    council_type = models.CouncilType.COUNTY
    nation = models.Nation.ENGLAND
    region = "East of England"
    website = factory.Sequence(lambda n: f"https://www.exampleshire{n}.gov.uk")


class DesignSystemComponentFactory(LocalisedFactory):
    class Meta:
        model = models.DesignSystemComponent

    slug = factory.Sequence(lambda n: f"component-{n}")
    name = factory.Sequence(lambda n: f"Component {n}")
    kind = models.ComponentKind.COMPONENT
    url = factory.LazyAttribute(lambda o: f"https://design-system.service.gov.uk/components/{o.slug}/")
