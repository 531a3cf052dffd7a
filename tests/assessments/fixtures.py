"""Fixtures for service standards and assessments, shared by the assessments and API tests."""

import datetime

import pytest
from wagtail.models import Locale

from assessments.models import ServiceStandard, StandardPoint
from assessments.standards import load_standards
from tests import factories


@pytest.fixture
def standards(db):
    """The two standards every install has (re-created, since a transactional test may have flushed them)."""
    return {s.slug: s for s in load_standards(ServiceStandard, StandardPoint, Locale)}


@pytest.fixture
def govuk(standards):
    return standards["govuk-service-standard"]


@pytest.fixture
def make_assessment(govuk):
    """Build an assessment: make_assessment(council, service, pattern, {5: "met", 6: "not-met"}, live=True)."""

    def make(
        council, service, pattern, outcomes, *, live=True, date=datetime.date(2026, 3, 1), standard=None, phase="beta"
    ):
        return factories.AssessmentFactory(
            council=council,
            service=service,
            pattern=pattern,
            standard=standard or govuk,
            phase=phase,
            date=date,
            live=live,
            outcomes=outcomes,
        )

    return make


PASSWORD = "a-long-test-password"


@pytest.fixture
def people(db, council):
    """A contributor (working for ``council``, whose assessments they record) and a publisher, by role name:
    ``people["Contributor"]``."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from editorial.models import ContributorProfile
    from editorial.roles import CONTRIBUTOR, PUBLISHER, ensure_editorial_setup

    ensure_editorial_setup()
    users = {}
    for role in (CONTRIBUTOR, PUBLISHER):
        user = get_user_model().objects.create_user(role.lower(), f"{role.lower()}@example.gov.uk", PASSWORD)
        user.groups.add(Group.objects.get(name=role))
        users[role] = user
    ContributorProfile.objects.create(user=users[CONTRIBUTOR], council=council)
    return users


@pytest.fixture
def council(db):
    return factories.CouncilFactory()


@pytest.fixture
def service(db):
    return factories.ServiceFactory(name="Blue badge", lgsl_code=1234)
