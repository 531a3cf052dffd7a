"""Screens on the pattern page: the screens of one step, and where each one's live example is."""

from django import template
from django.utils import translation

from pattern_pages.screens.blocks import COMPONENT_BLOCKS
from pattern_pages.screens.nunjucks import component_part, parts_source

register = template.Library()


@register.simple_tag(takes_context=True)
def step_screens(context, step_value):
    """The ``Screen`` objects of one step of the page being shown (worked out once per page render)."""
    page = context.get("page")
    if page is None or not hasattr(page, "screens"):
        return []
    return [screen for screen in page.screens() if screen.step is step_value]


@register.simple_tag(takes_context=True)
def screen_example_url(context, screen):
    """The example page's URL: the public one, or the editors' one while previewing a draft."""
    request = context.get("request")
    return screen.example_url(preview=bool(getattr(request, "is_preview", False)))


@register.simple_tag
def component_nunjucks(block, value):
    """The Nunjucks macro call a component block produces, for its block preview: in the admin's language, with
    the texts GOV.UK Frontend would write in English (a date input's 'Day') given in it, as a screen of a page in
    that language has them."""
    block_type = next(name for name, known in COMPONENT_BLOCKS.items() if type(known) is type(block))
    return parts_source([component_part(block_type, block, value, translation.get_language())])
