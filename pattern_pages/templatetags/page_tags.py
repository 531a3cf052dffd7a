"""Template tags that give the page templates what the page models do not hold themselves."""

import re

from django import template
from django.template.loader import render_to_string
from django.utils.html import strip_tags
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


@register.simple_tag(takes_context=True)
def process_diagram(context, page):
    request = context.get("request")
    diagram = presenters.process_diagram(page, preview=bool(getattr(request, "is_preview", False)))
    # The SVGs are built with ElementTree, which escapes every text and attribute value.
    diagram["wide_svg"] = mark_safe(diagram["wide_svg"])  # noqa: S308
    diagram["narrow_svg"] = mark_safe(diagram["narrow_svg"])  # noqa: S308
    return diagram


@register.simple_tag
def process_step_link(reference):
    return presenters.process_step_link(reference)


@register.filter
def linked(page):
    """``{% with page=block.value|linked %}``: a chosen page or snippet in the reader's language, or None."""
    return presenters.linked_page(page)


@register.filter
def pattern_step_anchor(number):
    return presenters.pattern_step_anchor(number)


@register.filter
def research_method(value):
    return RESEARCH_METHODS.get(value, value)


@register.filter
def research_rating(value):
    return RESEARCH_RATINGS.get(value, value)


@register.filter
def duty_or_power(value):
    return DUTY_OR_POWER.get(value, value)


# A page with this many sections or more opens with a contents list (GOV.UK's "contents list" pattern).
CONTENTS_MIN_SECTIONS = 3
SECTION_HEADING = re.compile(r"<h2\b[^>]*\bid=\"([^\"]+)\"[^>]*>(.*?)</h2>", re.S)


class ContentsListNode(template.Node):
    def __init__(self, nodelist, grid):
        self.nodelist = nodelist
        self.grid = grid

    def render(self, context):
        html = self.nodelist.render(context)
        sections = [
            {"id": anchor, "title": mark_safe(" ".join(strip_tags(title).split()))}  # noqa: S308 (escaped by the page)
            for anchor, title in SECTION_HEADING.findall(html)
        ]
        if len(sections) < CONTENTS_MIN_SECTIONS:
            return html
        nav = render_to_string("includes/contents_list.html", {"sections": sections, "grid": self.grid})
        return mark_safe(nav + html)  # noqa: S308 (both rendered by templates)


@register.tag
def contents_list(parser, token):
    """``{% contents_list %}…{% endcontents_list %}``: the block, after a list of links to its sections
    (each ``<h2 id="…">`` it renders), when it has three or more. ``{% contents_list grid %}`` puts the
    list in a two-thirds column of its own, for a block that is not already in one."""
    bits = token.split_contents()
    nodelist = parser.parse(("endcontents_list",))
    parser.delete_first_token()
    return ContentsListNode(nodelist, grid="grid" in bits[1:])


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
