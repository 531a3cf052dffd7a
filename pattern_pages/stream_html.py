"""The public pages' StreamField blocks rendered straight from their stored JSON (issue 17).

Wagtail turns every stored block into Python values (``to_python``: a ``StructValue`` of child values, a
``RichText``, a list of chosen objects) and renders each through its template: on a 40-block pattern page that
was a third of the page's time. Here the blocks the pages show most (a pattern's steps, user needs, variants,
research, related pages and prose) are rendered from the stored JSON (``StreamValue.raw_data``) by plain Python,
writing exactly what their templates in ``templates/blocks/`` write: each value escaped as a template's
``{{ }}`` escapes it, texts translated as ``{% translate %}`` and ``{% blocktranslate %}`` translate them,
rich text expanded with Wagtail's ``expand_db_html`` as ``|richtext`` expands it, and the chosen pages and
components loaded with the blocks' own ``bulk_to_python`` (the same queries, so the same rows are read and a
kept rendering depends on the same rows). A block this module does not know, a template that is not the one
it was written from, or a stored value of an unexpected shape (a missing field, an image, screens) is
rendered by Wagtail's path (``render_block`` in ``page_tags``), block by block.

tests/pattern_pages/test_stream_html.py renders every block both ways and compares them; a change to one of
those templates must be made here too (the test fails until it is).
"""

import re
from html import escape

from django.template.base import render_value_in_context
from django.utils import formats
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext
from wagtail import blocks as wagtail_blocks
from wagtail.rich_text import expand_db_html
from wagtail.templatetags.wagtailcore_tags import pageurl

from . import blocks, presenters
from .i18n import lang_attribute

# ----- rich text with the GOV.UK typography classes -----------------------------------------------------------

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


def govuk_classes(html):
    """Rich text's HTML with the GOV.UK typography classes on its paragraphs, lists, headings and links."""
    return OPENING_TAG.sub(_add_class, html)


class Unknown(Exception):  # noqa: N818 (not an error: the block goes Wagtail's way)
    """A stored value this module does not render."""


def _rich(source):
    """``{{ value|govuk_richtext }}`` of a RichTextBlock's stored source (``RichText(None)`` is empty)."""
    if source is None:
        source = ""
    elif type(source) is not str:
        raise Unknown
    # RichText's HTML is wagtailcore/shared/richtext.html, ``{{ html|safe }}`` of expand_db_html's.
    return govuk_classes(expand_db_html(source))


def _text(value):
    """``{{ value.x }}`` of a CharBlock's or TextBlock's stored string (its ``to_python`` keeps it)."""
    if type(value) is not str:
        raise Unknown
    return escape(value)


def _field(value, name):
    if name not in value:
        raise Unknown  # Wagtail would use the child's default
    return value[name]


def _show(value, context):
    """What ``{{ value }}`` writes for any other value."""
    return str(render_value_in_context(value, context))


# ----- the blocks (each as its template in templates/blocks/ writes it) --------------------------------------


def paragraph(value, context, loaded, index):
    return f"{_rich(value)}\n"


def inset_text(value, context, loaded, index):
    return f'<div class="govuk-inset-text">{_rich(_field(value, "text"))}</div>\n'


def warning_text(value, context, loaded, index):
    return (
        '<div class="govuk-warning-text">\n'
        '  <span class="govuk-warning-text__icon" aria-hidden="true">!</span>\n'
        '  <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">'
        f"{gettext('Warning')}</span> {_text(_field(value, 'text'))}</strong>\n"
        "</div>\n"
    )


def details(value, context, loaded, index):
    return (
        '<details class="govuk-details">\n'
        '  <summary class="govuk-details__summary"><span class="govuk-details__summary-text">'
        f"{_text(_field(value, 'summary'))}</span></summary>\n"
        f'  <div class="govuk-details__text">{_rich(_field(value, "text"))}</div>\n'
        "</details>\n"
    )


def user_need(value, context, loaded, index):
    sentence = gettext("As a %(as_a)s, I need %(i_need)s, so that %(so_that)s.") % {
        "as_a": _text(_field(value, "as_a")),
        "i_need": _text(_field(value, "i_need")),
        "so_that": _text(_field(value, "so_that")),
    }
    return f"<li>{sentence}</li>\n"


def variant(value, context, loaded, index):
    return (
        f'<h3 class="govuk-heading-m">{_text(_field(value, "name"))}</h3>\n'
        f'<p class="govuk-body"><strong>{gettext("When to use this variant:")}</strong> '
        f"{_text(_field(value, 'when_to_use'))}</p>\n"
        f"{_rich(_field(value, 'description'))}\n"
    )


RESEARCH = blocks.ResearchBlock.base_blocks
RESEARCH_METHODS = dict(RESEARCH["method"].field.choices)
RESEARCH_RATINGS = blocks.ResearchBlock.RATINGS


def research(value, context, loaded, index):
    participants = _field(value, "participants")
    if type(participants) is not int:
        raise Unknown
    day = RESEARCH["date"].to_python(_field(value, "date"))
    day = escape(formats.date_format(day, "j F Y")) if day not in (None, "") else ""
    counted = ngettext("%(participants)s participant", "%(participants)s participants", participants) % {
        "participants": _show(participants, context)
    }
    method = RESEARCH["method"].to_python(_field(value, "method"))
    rating = _field(value, "rating")
    return (
        '<div class="library-research">\n'
        f'  <h3 class="govuk-heading-s">{_show(RESEARCH_METHODS.get(method, method), context)}, {day}</h3>\n'
        '  <p class="govuk-body-s">\n'
        f"    {counted}.\n"
        f'    {gettext("Research rating:")} <strong class="govuk-tag govuk-tag--turquoise">'
        f"{_show(RESEARCH_RATINGS.get(rating, rating), context)}</strong>\n"
        "  </p>\n"
        f"  {_rich(_field(value, 'findings'))}\n"
        "</div>\n"
    )


def _list_values(items):
    """The stored values of a ListBlock's items (either of the formats Wagtail stores)."""
    if type(items) is not list:
        raise Unknown
    return [
        item["value"]
        if isinstance(item, dict) and "id" in item and "value" in item and item.get("type") == "item"
        else item
        for item in items
    ]


STEP = blocks.PatternStepBlock.base_blocks


def load_steps(values):
    """The components and the processes the steps name, loaded as the step block's ``bulk_to_python`` loads
    them (one query each): ``{"components": {step index: [component]}, "processes": {…: [reference]}}``."""
    loaded = {"components": {}, "process_steps": {}}
    components, references = [], []
    for index, value in values:
        components.extend((index, pk) for pk in _list_values(value.get("components") or []))
        for reference in _list_values(value.get("process_steps") or []):
            if not isinstance(reference, dict):
                raise Unknown
            references.append((index, reference))
    if components:
        objects = STEP["components"].child_block.bulk_to_python([pk for _i, pk in components])
        for (index, _pk), obj in zip(components, objects, strict=True):
            loaded["components"].setdefault(index, []).append(obj)
    if references:
        chooser = STEP["process_steps"].child_block.child_blocks["process"]
        named = [(index, reference) for index, reference in references if "process" in reference]
        processes = iter(chooser.bulk_to_python([reference["process"] for _i, reference in named]))
        for index, reference in references:
            process = next(processes) if "process" in reference else chooser.get_default()
            loaded["process_steps"].setdefault(index, []).append({"process": process, "step": reference.get("step")})
    return loaded


def _no_image(value):
    """An ImageBlock's stored value that names no image (saved empty: ``to_python`` gives None)."""
    return isinstance(value, dict) and value.get("image") is None


def step(value, context, loaded, index):
    image = value.get("example_screen")
    if value.get("screens") or "components" not in value or not (image is None or _no_image(image)):
        raise Unknown  # the screens and the image go Wagtail's way
    parts = [
        f'<h3 class="govuk-heading-m">{_text(_field(value, "title"))}</h3>\n'
        f'<p class="govuk-body">{_text(_field(value, "user_action"))}</p>\n'
    ]
    if value["components"]:
        parts.append(
            f'\n<h4 class="govuk-heading-s">{gettext("GOV.UK Design System components")}</h4>\n'
            '<ul class="govuk-list govuk-list--bullet library-step__components">\n  '
        )
        for component in loaded["components"].get(index, ()):
            if component:
                parts.append(
                    f'<li><a class="govuk-link" href="{_show(component.url, context)}"'
                    f"{lang_attribute(component)}>{_show(component.name, context)}</a></li>"
                )
        parts.append("\n</ul>\n")
    parts.append("\n")
    guidance = value.get("content_guidance")
    if guidance:
        parts.append(_rich(guidance))
    parts.append("\n\n\n\n")  # after the guidance, the step's screens (none) and example screen (none)
    if value.get("process_steps"):
        parts.append(
            f'\n<h4 class="govuk-heading-s govuk-!-margin-bottom-1">{gettext("What it starts in the process")}</h4>\n'
            '<ul class="govuk-list govuk-body-s library-step__triggers">\n  '
        )
        for reference in loaded["process_steps"].get(index, ()):
            link = presenters.process_step_link(reference)
            if link:
                in_process = gettext("(in %(process)s)") % {"process": _show(link["process"].title, context)}
                parts.append(
                    f'<li><a class="govuk-link" href="{_show(link["url"], context)}"'
                    f"{lang_attribute(link['process'])}>{_show(link['title'], context)}</a> "
                    f'<span class="govuk-hint govuk-!-display-inline">{in_process}</span></li>'
                )
        parts.append("\n</ul>\n")
    parts.append("\n")
    return "".join(parts)


step.loads = load_steps


def related(stream_value, raw, context):
    """The whole of a RelatedBlock stream (blocks/related.html)."""
    loaded = {}
    for name in ("pattern", "process"):
        chooser = stream_value.stream_block.child_blocks[name]
        indexes = [i for i, item in enumerate(raw) if item.get("type") == name]
        for i, obj in zip(indexes, chooser.bulk_to_python([raw[i].get("value") for i in indexes]), strict=True):
            loaded[i] = obj
    parts = ['<ul class="govuk-list govuk-list--bullet">\n  ']
    for i, item in enumerate(raw):
        if i not in loaded:
            raise Unknown
        linked_page = presenters.linked_page(loaded[i])
        if linked_page:
            kind = gettext("process") if item["type"] == "process" else gettext("service pattern")
            parts.append(
                f'<li><a class="govuk-link" href="{_show(pageurl(context, linked_page), context)}"'
                f"{lang_attribute(linked_page)}>{_show(linked_page.title, context)}</a> "
                f'<span class="govuk-body-s">({kind})</span></li>'
            )
    parts.append("\n</ul>\n")
    return "".join(parts)


# The block's class and template for each renderer here (anything else goes Wagtail's way).
RENDERERS = {
    (wagtail_blocks.RichTextBlock, "blocks/paragraph.html"): paragraph,
    (blocks.InsetTextBlock, "blocks/inset_text.html"): inset_text,
    (blocks.WarningTextBlock, "blocks/warning_text.html"): warning_text,
    (blocks.DetailsBlock, "blocks/details.html"): details,
    (blocks.UserNeedBlock, "blocks/user_need.html"): user_need,
    (blocks.VariantBlock, "blocks/variant.html"): variant,
    (blocks.ResearchBlock, "blocks/research.html"): research,
    (blocks.PatternStepBlock, "blocks/pattern_step.html"): step,
}
STREAMS = {
    (blocks.ProseBlock, "blocks/prose.html"): "prose",
    (blocks.RelatedBlock, "blocks/related.html"): related,
    (wagtail_blocks.StreamBlock, None): "basic",  # a StreamField's own block without a template
}


def _renderer(block):
    return RENDERERS.get((type(block), getattr(block.meta, "template", None)))


def render_children(stream_value, context, fallback):
    """The HTML of each child of a stream, as ``fallback(child, context)`` (``page_tags.render_block``) renders
    it; from the stored JSON where this module knows the block."""
    if not stream_value.is_lazy or not context.autoescape:
        return [fallback(child, context) for child in stream_value]
    raw = stream_value.raw_data
    child_blocks = stream_value.stream_block.child_blocks
    items = [(index, item, _renderer(child_blocks.get(item.get("type")))) for index, item in enumerate(raw)]
    loaded = {}
    for renderer in {renderer for _i, _item, renderer in items if getattr(renderer, "loads", None)}:
        try:
            loaded[renderer] = renderer.loads(
                [(index, item["value"]) for index, item, each in items if each is renderer and _is_dict(item)]
            )
        except Unknown:
            loaded[renderer] = None
    html = []
    for index, item, renderer in items:
        output = None
        if renderer is not None and (not getattr(renderer, "loads", None) or loaded[renderer] is not None):
            try:
                value = item["value"]
                if renderer is not paragraph and not isinstance(value, dict):
                    raise Unknown
                output = mark_safe(renderer(value, context, loaded.get(renderer), index))  # noqa: S308
            except (Unknown, KeyError, TypeError):
                output = None
        if output is None:
            output = fallback(stream_value[index], context)
        html.append(output)
    return html


def _is_dict(item):
    if not isinstance(item.get("value"), dict):
        raise Unknown
    return True


def render_stream(stream_value, context, fallback):
    """A whole stream's HTML as ``render_block`` renders it, or None where Wagtail's path must render it."""
    stream_block = stream_value.stream_block
    kind = STREAMS.get((type(stream_block), getattr(stream_block.meta, "template", None)))
    if kind is None or not stream_value.is_lazy or not context.autoescape:
        return None
    if callable(kind):
        try:
            return mark_safe(kind(stream_value, stream_value.raw_data, context))  # noqa: S308
        except (Unknown, KeyError, TypeError):
            return None
    children = render_children(stream_value, context, fallback)
    if kind == "prose":
        return mark_safe("".join(children) + "\n")  # noqa: S308 (each child rendered and escaped)
    return mark_safe(  # noqa: S308 (as StreamBlock.render_basic)
        "\n".join(
            f'<div class="w-block-{escape(item["type"])} block-{escape(item["type"])}">{child}</div>'
            for item, child in zip(stream_value.raw_data, children, strict=True)
        )
    )
