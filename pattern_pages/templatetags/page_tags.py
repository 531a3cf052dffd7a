"""Template tags that give the page templates what the page models do not hold themselves."""

import re

from django import template
from django.utils.safestring import mark_safe
from wagtail.templatetags.wagtailcore_tags import richtext

from pattern_pages import blocks, presenters

register = template.Library()

RESEARCH_METHODS = dict(blocks.ResearchBlock.base_blocks["method"].field.choices)
DUTY_OR_POWER = dict(blocks.LegislationBlock.base_blocks["duty_or_power"].field.choices)
RESEARCH_RATINGS = blocks.ResearchBlock.RATINGS


@register.simple_tag
def pattern_history(page):
    return presenters.pattern_history(page)


@register.simple_tag
def latest_changes(limit=10):
    return presenters.latest_changes(presenters.active_locale(), limit)


@register.simple_tag
def home_sections(page):
    return presenters.home_sections(page.locale)


@register.simple_tag(takes_context=True)
def filtered_patterns(context, page):
    return presenters.filter_patterns(page, context["request"].GET)


@register.simple_tag(takes_context=True)
def filtered_processes(context, page):
    return presenters.filter_processes(page, context["request"].GET)


@register.simple_tag
def process_diagram(page):
    diagram = presenters.process_diagram(page)
    # The SVG is built with ElementTree, which escapes every text and attribute value.
    diagram["svg"] = mark_safe(diagram["svg"])  # noqa: S308
    return diagram


@register.filter
def research_method(value):
    return RESEARCH_METHODS.get(value, value)


@register.filter
def research_rating(value):
    return RESEARCH_RATINGS.get(value, value)


@register.filter
def duty_or_power(value):
    return DUTY_OR_POWER.get(value, value)


GOVUK_CLASSES = {
    "p": "govuk-body",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "h2": "govuk-heading-l",
    "h3": "govuk-heading-m",
    "h4": "govuk-heading-s",
    "a": "govuk-link",
}
OPENING_TAG = re.compile(r"<(p|ul|ol|h2|h3|h4|a)(\s[^>]*)?>")


def _add_class(match):
    tag, attrs = match.group(1), match.group(2) or ""
    if "class=" in attrs:
        return match.group(0)
    return f'<{tag} class="{GOVUK_CLASSES[tag]}"{attrs}>'


@register.filter
def govuk_richtext(value):
    """Rich text rendered with the GOV.UK typography classes on its paragraphs, lists, headings and links."""
    html = str(richtext(value))
    return mark_safe(OPENING_TAG.sub(_add_class, html))  # noqa: S308  (richtext output, only classes added)
