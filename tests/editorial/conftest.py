"""Fixtures for the editorial workflow: one user per role, and patterns that pass or fail sign-off."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.fields import StreamField
from wagtail.models import Workflow
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from editorial.models import ContributorProfile
from editorial.roles import CONTRIBUTOR, WORKFLOW_NAME, ensure_editorial_setup
from pattern_pages.models import ServicePatternPage
from tests import factories
from tests.roles import ROLES


@pytest.fixture
def editorial(db):
    """The roles and workflow (the migration creates them; a flushed database needs them again)."""
    ensure_editorial_setup()
    return Workflow.objects.get(name=WORKFLOW_NAME)


@pytest.fixture
def council(db):
    return factories.CouncilFactory(official_name="Essex County Council", name="Essex")


@pytest.fixture
def make_user(editorial):
    def make(role, username=None, council=None):
        username = username or role.lower()
        user = get_user_model().objects.create_user(
            username=username, email=f"{username}@example.gov.uk", password="a-long-test-password"
        )
        user.groups.add(Group.objects.get(name=role))
        if council is not None:
            ContributorProfile.objects.create(user=user, council=council)
        return user

    return make


@pytest.fixture
def users(make_user, council):
    """One user per role, keyed by role name; the contributor works for Essex."""
    return {role: make_user(role, council=council if role == CONTRIBUTOR else None) for role in ROLES}


@pytest.fixture
def component(db):
    return factories.DesignSystemComponentFactory(slug="date-input", name="Date input")


def passing_pattern_content(component):
    return {
        "steps": [
            ("step", {"title": "Child's date of birth", "user_action": "Enters the date", "components": [component]})
        ],
        "accessibility": [("paragraph", RichText("<p>Tested with screen readers; meets WCAG 2.2 AA.</p>"))],
    }


def failing_pattern_content():
    return {
        "steps": [("step", {"title": "Check your answers", "user_action": "Checks", "components": []})],
        "accessibility": [],
    }


@pytest.fixture
def passing_pattern(pattern_index, component, users):
    """A draft pattern by the contributor that passes every sign-off check."""
    page = factories.ServicePatternPageFactory(
        parent=pattern_index, title="Apply for a school place", live=False, owner=users["Contributor"]
    )
    for name, value in passing_pattern_content(component).items():
        setattr(page, name, value)
    page.save_revision()
    return page


@pytest.fixture
def failing_pattern(pattern_index, users):
    """A draft pattern by the contributor with a step naming no component and no accessibility section."""
    page = factories.ServicePatternPageFactory(
        parent=pattern_index, title="Report a flood", live=False, owner=users["Contributor"]
    )
    for name, value in failing_pattern_content().items():
        setattr(page, name, value)
    page.save_revision()
    return page


# Every StreamField of the pattern editor, including those other apps add (e.g. assessments' standards).
PATTERN_STREAM_FIELDS = [
    field.name for field in ServicePatternPage._meta.get_fields() if isinstance(field, StreamField)
]


def pattern_form_data(page=None, **fields):
    """The POST data of the pattern editor, with empty sections, e.g. pattern_form_data(page, title="New")."""
    data = {
        "title": page.title if page else "A new pattern",
        "slug": page.slug if page else "a-new-pattern",
        "summary": page.summary if page else "What the pattern is for.",
        "pattern_type": page.pattern_type_id if page else "",
        "maturity": page.maturity if page else "beta",
        "version": page.version if page else "1.0.0",
        "review_by": "",
        "owner_council": (page.owner_council_id or "") if page else "",
        "comments": inline_formset([]),
        **{name: streamfield([]) for name in PATTERN_STREAM_FIELDS},
    }
    data.update(fields)
    return nested_form_data(data)
