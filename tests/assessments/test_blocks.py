import pytest
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from pattern_pages.blocks import StandardPointBlock, StandardPointsBlock


def claim(standard, number, how="The pattern's steps were tested with screen reader users."):
    return {"standard": standard.pk, "point": number, "how": how, "evidence": ""}


def test_a_point_of_the_standard_is_accepted(govuk):
    """Claiming GOV.UK point 5 for a pattern is valid."""
    block = StandardPointBlock()
    value = block.clean(block.to_python(claim(govuk, 5)))
    assert value.get_point().title == "Make sure everyone can use the service"


def test_a_point_the_standard_does_not_have_is_refused_on_the_point_field(govuk):
    """Point 15 of the 14-point GOV.UK standard is refused with a message on the point field."""
    block = StandardPointBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(claim(govuk, 15)))
    message = error.value.block_errors["point"].messages[0]
    assert "points 1 to 14" in message and "no point 15" in message


def test_the_same_point_twice_is_refused(govuk):
    """A pattern cannot claim the same point of the same standard twice."""
    block = StandardPointsBlock()
    value = block.to_python([{"type": "standard_point", "value": claim(govuk, 5)}] * 2)
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(value)
    assert list(error.value.block_errors) == [1]
    assert "already listed" in error.value.block_errors[1].block_errors["point"].messages[0]


def test_the_api_representation_names_the_standard_and_point(govuk):
    """The API shows the standard and the point's number and title, not raw ids."""
    block = StandardPointBlock()
    data = block.get_api_representation(block.to_python(claim(govuk, 5)))
    assert data["standard"]["slug"] == "govuk-service-standard"
    assert data["point"] == {"number": 5, "title": "Make sure everyone can use the service"}
