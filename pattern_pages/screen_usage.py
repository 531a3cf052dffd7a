"""Which patterns and steps use a Design System component in their screens, so a change to a component
can be weighed against the journeys it would touch."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import ReferenceIndex

from .models import ServicePatternPage


def component_usage(component):
    """``[{"pattern": page, "steps": [{"number": 2, "title": "…", "screens": [(3, "title"), …]}]}]``.

    Only live, public patterns in the component's language. Step components are derived from screens
    when a page is saved, so the reference index narrows the patterns to look at.
    """
    referring = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(type(component)),
        to_object_id=str(component.pk),
        base_content_type=ContentType.objects.get_by_natural_key("wagtailcore", "page"),
    ).values_list("object_id", flat=True)
    pages = (
        ServicePatternPage.objects.live()
        .public()
        .filter(locale_id=component.locale_id, pk__in=[int(pk) for pk in referring])
        .order_by("title")
    )
    usage = []
    for page in pages:
        steps = {}
        for screen in page.screens():
            if component.slug in screen.components:
                step = steps.setdefault(
                    screen.step_number,
                    {"number": screen.step_number, "title": screen.step.get("title"), "screens": []},
                )
                step["screens"].append((screen.number, screen.title))
        if steps:
            usage.append({"pattern": page, "steps": list(steps.values())})
    return usage
