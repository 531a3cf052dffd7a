"""Factories for contributions, adoptions and page feedback."""

import factory

from contributions import models as contribution_models

from .taxonomy import CouncilFactory, ServiceFactory


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = contribution_models.Contribution

    council = factory.SubFactory(CouncilFactory)
    contributor_name = "Jo Bloggs"
    contributor_role = "Service designer"
    email = factory.LazyAttribute(lambda o: f"jo@{o.council.website_domain}")
    service = factory.SubFactory(ServiceFactory)
    steps = factory.LazyFunction(lambda: ["Tell us the address", "Choose the bin"])
    systems = "Firmstep"
    live_url = "https://www.example.gov.uk/missed-bin"
    would_share_process = contribution_models.WouldShare.YES
    status = contribution_models.ContributionStatus.NEW


class AdoptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = contribution_models.Adoption

    council = factory.SubFactory(CouncilFactory)
    status = contribution_models.AdoptionStatus.LIVE
    is_approved = True

    @factory.post_generation
    def services(self, create, extracted, **kwargs):
        if create and extracted:
            self.services.set(extracted)


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = contribution_models.Feedback

    useful = True
