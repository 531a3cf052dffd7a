"""The block editors use on a service pattern to say which standard points it helps a service meet."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from pattern_pages.blocks import SnippetChooserBlock


class StandardPointValue(blocks.StructValue):
    """A claimed standard point; ``get_point()`` finds the StandardPoint it names."""

    def get_point(self):
        standard, number = self.get("standard"), self.get("point")
        if standard is None or number is None:
            return None
        return standard.points.filter(number=number).first()


class StandardPointBlock(blocks.StructBlock):
    standard = SnippetChooserBlock("assessments.ServiceStandard")
    point = blocks.IntegerBlock(min_value=1, help_text=_("The point's number in that standard, e.g. 5."))
    how = blocks.TextBlock(label=_("How the pattern helps"))
    evidence = blocks.URLBlock(required=False, label=_("Evidence link"))

    class Meta:
        icon = "tick-inverse"
        template = "assessments/blocks/standard_point.html"
        value_class = StandardPointValue
        description = _("A point of a service standard this pattern helps a service meet, and how.")

    def clean(self, value):
        value = super().clean(value)
        standard, number = value.get("standard"), value.get("point")
        if standard is not None and number is not None and value.get_point() is None:
            numbers = sorted(standard.points.values_list("number", flat=True))
            known = f"{numbers[0]} to {numbers[-1]}" if numbers else _("no points yet")
            raise blocks.StructBlockValidationError(
                block_errors={
                    "point": ValidationError(
                        _("%(standard)s has points %(known)s; there is no point %(number)s.")
                        % {"standard": standard, "known": known, "number": number}
                    )
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        standard, point = value.get("standard"), value.get_point()
        return {
            "standard": {"id": standard.pk, "slug": standard.slug, "name": standard.name} if standard else None,
            "point": {"number": point.number, "title": point.title} if point else value.get("point"),
            "how": value.get("how"),
            "evidence": value.get("evidence") or None,
        }


class StandardPointsBlock(blocks.StreamBlock):
    """The stream of standard points on a pattern; a point may be claimed once."""

    standard_point = StandardPointBlock()

    def clean(self, value):
        value = super().clean(value)
        seen = {}
        errors = {}
        for index, child in enumerate(value):
            standard, number = child.value.get("standard"), child.value.get("point")
            if standard is None or number is None:
                continue
            key = (standard.pk, number)
            if key in seen:
                errors[index] = blocks.StructBlockValidationError(
                    block_errors={
                        "point": ValidationError(
                            _("Point %(number)s of %(standard)s is already listed (block %(first)s).")
                            % {"number": number, "standard": standard, "first": seen[key] + 1}
                        )
                    }
                )
            else:
                seen[key] = index
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value
