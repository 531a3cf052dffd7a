"""Fixtures for the supplier API: a small published library, editors with page permissions, keys."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from rest_framework.test import APIClient
from wagtail.models import GroupPagePermission, Locale
from wagtail.rich_text import RichText

from api.models import ApiKey
from tests import factories


@pytest.fixture(autouse=True)
def clear_throttle_counts():
    """Throttle counts live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def essex(db):
    return factories.CouncilFactory(gss_code="E10000012", name="Essex", official_name="Essex County Council")


@pytest.fixture
def kent(db):
    return factories.CouncilFactory(gss_code="E10000016", name="Kent", official_name="Kent County Council")


@pytest.fixture
def school_service(db):
    return factories.ServiceFactory(lgsl_code=13, name="School admissions")


@pytest.fixture
def bins_service(db):
    return factories.ServiceFactory(lgsl_code=524, name="Missed bin collection")


@pytest.fixture
def starting_school(db):
    return factories.LifeEventFactory(slug="starting-school", name="Starting school")


@pytest.fixture
def date_input(db):
    return factories.DesignSystemComponentFactory(slug="date-input", name="Date input")


def pattern_step(title, components=(), guidance=""):
    return (
        "step",
        {
            "title": title,
            "user_action": "Answers the question.",
            "components": list(components),
            "content_guidance": RichText(guidance),
            "example_screen": None,
            "process_steps": [],
        },
    )


@pytest.fixture
def school_pattern(pattern_index, essex, school_service, starting_school, date_input):
    """A published pattern owned by Essex, for the school admissions service, using Date input."""
    page = factories.ServicePatternPageFactory(
        parent=pattern_index,
        title="Apply for a school place",
        slug="apply-for-a-school-place",
        summary="How a parent applies for a school place.",
        maturity="stable",
        owner_council=essex,
        pattern_type=factories.PatternTypeFactory(slug="apply"),
        steps=[pattern_step("Child's date of birth", [date_input], "<p>Ask for it <b>once</b>.</p>")],
    )
    page.services.add(school_service)
    page.life_events.add(starting_school)
    page.save_revision().publish()
    return page


@pytest.fixture
def bins_pattern(pattern_index, kent, bins_service):
    """A published 'report' pattern owned by Kent, for missed bins."""
    page = factories.ServicePatternPageFactory(
        parent=pattern_index,
        title="Report a missed bin",
        slug="report-a-missed-bin",
        summary="How a resident reports a bin that was not collected.",
        maturity="beta",
        owner_council=kent,
        pattern_type=factories.PatternTypeFactory(slug="tell", name="Tell"),
    )
    page.services.add(bins_service)
    page.save_revision().publish()
    return page


@pytest.fixture
def draft_pattern(pattern_index, kent):
    """A Kent pattern that has never been published."""
    page = factories.ServicePatternPageFactory(
        parent=pattern_index,
        title="Book a bulky waste collection",
        slug="book-bulky-waste",
        owner_council=kent,
        live=False,
    )
    page.save_revision()
    return page


@pytest.fixture
def school_process(process_index, essex, school_service):
    page = factories.ProcessPageFactory(
        parent=process_index,
        title="Decide a school place application",
        slug="decide-a-school-place-application",
        owner_council=essex,
    )
    page.services.add(school_service)
    page.save_revision().publish()
    return page


def contributor_for(page, name):
    """A user in a council's contributor group, which may edit this page only."""
    from django.contrib.auth import get_user_model

    group, _ = Group.objects.get_or_create(name=f"{name} contributors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(codename=codename, content_type__app_label="wagtailcore"),
        )
    user = get_user_model().objects.create_user(username=f"{name.lower()}-editor", password="x")
    user.groups.add(group)
    return user


@pytest.fixture
def kent_editor(draft_pattern):
    return contributor_for(draft_pattern, "Kent")


@pytest.fixture
def essex_editor(school_pattern):
    return contributor_for(school_pattern, "Essex")


def key_for(user, name="Supplier"):
    api_key, raw_key = ApiKey.create_for(user, name)
    return api_key, raw_key


@pytest.fixture
def welsh(db):
    return Locale.objects.get_or_create(language_code="cy")[0]
