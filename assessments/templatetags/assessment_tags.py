"""Template tags the public pages use to show what published assessments say.

{% load assessment_tags %}
{% pattern_assessment_summary page %}     on a service pattern page
{% assessment_list council=council %}     on a council page (or service=service)
"""

from django import template

from ..summary import pattern_point_summaries, published_assessments

register = template.Library()


@register.inclusion_tag("assessments/includes/pattern_summary.html")
def pattern_assessment_summary(pattern):
    return {"summaries": pattern_point_summaries(pattern), "pattern": pattern}


@register.inclusion_tag("assessments/includes/assessment_list.html")
def assessment_list(council=None, service=None):
    assessments = published_assessments().select_related("council", "service", "standard", "pattern")
    if council is not None:
        assessments = assessments.filter(council=council)
    if service is not None:
        assessments = assessments.filter(service=service)
    return {"assessments": list(assessments.order_by("-date", "-pk")), "council": council, "service": service}
