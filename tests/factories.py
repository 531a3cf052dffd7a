"""factory_boy factories for the taxonomies and the page tree."""

import factory
import wagtail_factories
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
        "decision": {"question": "", "outcomes": []},
    }
    value.update(extra)
    return value


# ----- contributions app (appended) -------------------------------------------------------------

from contributions import models as contribution_models  # noqa: E402


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
