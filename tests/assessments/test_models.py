import datetime

import pytest
from django.core.exceptions import ValidationError

from assessments.models import Assessment
from contributions.models import Adoption
from tests import factories


def assessment(council, service, govuk, **fields):
    return Assessment(
        council=council,
        service=service,
        standard=govuk,
        phase="beta",
        date=datetime.date(2026, 1, 5),
        result="met",
        **fields,
    )


def test_an_adoption_names_the_pattern(council, service, govuk, pattern_page):
    """An assessment of a council's adoption concerns the adopted pattern."""
    adoption = Adoption.objects.create(council=council, pattern=pattern_page)
    record = assessment(council, service, govuk, adoption=adoption)
    record.full_clean()
    assert record.pattern == pattern_page


def test_another_councils_adoption_is_refused(council, service, govuk, pattern_page):
    """An adoption belonging to another council is refused on the adoption field."""
    adoption = Adoption.objects.create(council=factories.CouncilFactory(), pattern=pattern_page)
    with pytest.raises(ValidationError) as error:
        assessment(council, service, govuk, adoption=adoption).full_clean()
    assert "adoption" in error.value.message_dict


def test_an_assessment_must_concern_a_pattern(council, service, govuk):
    """Without a pattern or an adoption, the pattern field says what is missing."""
    with pytest.raises(ValidationError) as error:
        assessment(council, service, govuk).full_clean()
    assert "Choose the service pattern" in error.value.message_dict["pattern"][0]
