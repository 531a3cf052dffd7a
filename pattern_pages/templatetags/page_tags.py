"""Template tags that give the page templates what the page models do not hold themselves."""

import json
import re

from django import template
from django.db import models
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html_join, strip_tags
from django.utils.safestring import mark_safe
from wagtail.blocks import Block, BoundBlock, StreamBlock, StreamValue, StructValue
from wagtail.blocks.list_block import ListValue
from wagtail.templatetags.wagtailcore_tags import richtext

from library import kept, version
from pattern_pages import blocks, presenters, stream_html

register = template.Library()

RESEARCH_METHODS = stream_html.RESEARCH_METHODS
DUTY_OR_POWER = dict(blocks.LegislationBlock.base_blocks["duty_or_power"].field.choices)
RESEARCH_RATINGS = stream_html.RESEARCH_RATINGS


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


def with_contents_list(html, grid=False):
    """``html`` after a list of links to its sections (each ``<h2 id="…">``), when it has three or more."""
    sections = [
        {"id": anchor, "title": mark_safe(" ".join(strip_tags(title).split()))}  # noqa: S308 (escaped by the page)
        for anchor, title in SECTION_HEADING.findall(html)
    ]
    if len(sections) < CONTENTS_MIN_SECTIONS:
        return html
    nav = render_to_string("includes/contents_list.html", {"sections": sections, "grid": grid})
    return mark_safe(nav + html)  # noqa: S308 (both rendered by templates)


class ContentsListNode(template.Node):
    def __init__(self, nodelist, grid):
        self.nodelist = nodelist
        self.grid = grid

    def render(self, context):
        html = self.nodelist.render(context)
        if context.render_context.get(KEPT_BODY_RENDERING):
            # Inside a kept body with parts rendered per request: the list is made once those are in.
            return mark_safe(f"{CONTENTS_START}{int(self.grid)}{MARK_END}{html}{CONTENTS_END}")  # noqa: S308
        return with_contents_list(html, self.grid)


# A kept body (``{% kept_body %}``) is stored with markers where its per-request parts, the contents list and the
# CSP nonce go.
KEPT_BODY_RENDERING = "pattern_pages.kept_body"
MARK = "\x00"
CONTENTS_START = f"{MARK}contents:"
CONTENTS_END = f"{MARK}/contents{MARK}"
MARK_END = MARK
NONCE_MARK = f"{MARK}nonce{MARK}"
HOLE = re.compile(r"\x00hole:([\w-]+)\x00")
CONTENTS_REGION = re.compile(r"\x00contents:(\d)\x00(.*?)\x00/contents\x00", re.S)
# The per-request parts by name, as parsed (a kept body found in the table names them).
_per_request_parts = {}


class PerRequestNode(template.Node):
    """``{% per_request "name" %}…{% endper_request %}`` inside a kept body: rendered for every request."""

    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        if not context.render_context.get(KEPT_BODY_RENDERING):
            return self.nodelist.render(context)
        _per_request_parts[self.name] = self
        return mark_safe(f"{MARK}hole:{self.name}{MARK}")  # noqa: S308 (a marker, replaced before output)


class KeptBodyNode(template.Node):
    """A page that depends only on its published revision, its translations and the rows it names, rendered
    once and kept (``library.kept``: shared by the web processes, deleted when what it shows changes); the
    ``{% per_request %}`` parts inside it (adoptions, assessments) and the CSP nonce are put in for each request.

    Only pages that say so (``kept_body = True``: pattern and process pages) are kept, and only for an anonymous
    reader of the live page (the page cache read the library version when the request started,
    ``request._kept_version``); previews and signed-in editors render it all.
    """

    def __init__(self, nodelist):
        self.nodelist = nodelist

    @staticmethod
    def key(request, page):
        from django.utils import translation

        return kept.entry_key(
            "body",
            str(page.pk),
            str(page.live_revision_id or f"p{page.last_published_at}"),
            translation.get_language() or "",
            request.scheme,
            request.get_host(),
            request.path,
        )

    def render(self, context):
        request = context.get("request")
        page = context.get("page")
        started = getattr(request, "_kept_version", None)
        if (
            started is None
            or not getattr(page, "kept_body", False)
            or getattr(request, "is_preview", False)
            or request.META.get("QUERY_STRING")  # one row per address, not one per made-up query
            or not page.live
        ):
            return self.nodelist.render(context)
        key = self.key(request, page)
        found = page_cache_get(key)
        if found is None:
            context.render_context[KEPT_BODY_RENDERING] = True
            try:
                with kept.collecting() as dependencies:
                    kept.complete()
                    # Its own row, whatever changed it, and the rows read with it before it renders (its pattern
                    # type and council, read when it was routed: HomePage.route_by_url_path).
                    kept.depends_on(f"page:{page.pk}", *loaded_with(page))
                    body = str(self.nodelist.render(context))
            finally:
                del context.render_context[KEPT_BODY_RENDERING]
            body = body.replace(str(request.csp_nonce), NONCE_MARK)
            found = {"html": body, "tags": sorted(dependencies.tags)}
            # Stored with the page around it, in the same write, when the request ends (cms.page_cache).
            kept.keep_later(
                request, key, "body", json.dumps(found).encode(), dependencies.tags, lambda: page_cache_set(key, found)
            )
        else:
            kept.depends_on(*found["tags"])  # the page around it shows what the body shows
        return self.fill(found["html"], context, request)

    @staticmethod
    def fill(body, context, request):
        def part(match):
            node = _per_request_parts.get(match.group(1))
            return "" if node is None else str(node.nodelist.render(context))

        filled = HOLE.sub(part, body)
        filled = CONTENTS_REGION.sub(lambda match: with_contents_list(match.group(2), match.group(1) == "1"), filled)
        filled = filled.replace(NONCE_MARK, str(request.csp_nonce))
        return mark_safe(filled)  # noqa: S308 (rendered by the page's templates)


def loaded_with(page):
    """The tags of the rows read with ``page`` (``select_related``), which were loaded before its body began."""
    return [kept.row_tag(obj) for obj in page._state.fields_cache.values() if isinstance(obj, models.Model)]


def page_cache_get(key):
    """A kept body: this process's ``pages`` cache (under the library version), else the shared table."""
    from django.core.cache import caches

    local = caches[version.PAGES_CACHE]
    local_key = version.cache_key("body", key)
    found = local.get(local_key)
    if found is None:
        stored = kept.get(key)
        if stored is not None:
            found = json.loads(stored)
            local.set(local_key, found)
    return found


def page_cache_set(key, found):
    from django.core.cache import caches

    caches[version.PAGES_CACHE].set(version.cache_key("body", key), found)


@register.tag
def kept_body(parser, token):
    """``{% kept_body %}…{% endkept_body %}`` around a whole page (``base.html``): see ``KeptBodyNode``."""
    nodelist = parser.parse(("endkept_body",))
    parser.delete_first_token()
    return KeptBodyNode(nodelist)


@register.tag
def per_request(parser, token):
    """``{% per_request "pattern_adoptions" %}…{% endper_request %}``: a part of a kept page rendered for every
    request (the name is unique across templates)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("per_request takes one name")
    nodelist = parser.parse(("endper_request",))
    parser.delete_first_token()
    node = PerRequestNode(bits[1].strip("\"'"), nodelist)
    _per_request_parts[node.name] = node
    return node


@register.tag
def contents_list(parser, token):
    """``{% contents_list %}…{% endcontents_list %}``: the block, after a list of links to its sections
    (each ``<h2 id="…">`` it renders), when it has three or more. ``{% contents_list grid %}`` puts the
    list in a two-thirds column of its own, for a block that is not already in one."""
    bits = token.split_contents()
    nodelist = parser.parse(("endcontents_list",))
    parser.delete_first_token()
    return ContentsListNode(nodelist, grid="grid" in bits[1:])


@register.filter
def govuk_richtext(value):
    """Rich text rendered with the GOV.UK typography classes on its paragraphs, lists, headings and links."""
    html = str(richtext(value))
    return mark_safe(stream_html.govuk_classes(html))  # noqa: S308  (richtext output, only classes added)


# ----- StreamField blocks rendered in the page's own context ------------------------------------------------


def render_block(value, context):
    """What Wagtail's ``{% include_block value %}`` renders, in the template's own context.

    Wagtail copies the whole context into a dict for every block (``context.flatten()``, then ``dict()`` again in
    ``Block.render``) and renders the block's template with ``render_to_string``, which makes a new context from
    it: on a pattern page about seventy times. Here the block's template renders in the same context with the
    block's variables pushed on top (``value`` and ``self``, and ``id`` for a child of a stream or list, as
    Wagtail gives them), the way ``{% include %}`` renders a template, so the template sees the same names with
    the same values. A block without a template renders as Wagtail's ``render_basic`` does (a stream's children
    each in the same way); anything else (a block that overrides ``render`` or ``get_context``) takes Wagtail's
    path."""
    if isinstance(value, StreamValue):
        fast = stream_html.render_stream(value, context, render_block)
        if fast is not None:
            return fast
        block, block_value, block_id = value.stream_block, value, None
    elif isinstance(value, BoundBlock):
        block, block_value = value.block, value.value
        block_id = (
            getattr(value, "id", None) if isinstance(value, StreamValue.StreamChild | ListValue.ListChild) else None
        )
    elif isinstance(value, StructValue):
        block, block_value, block_id = value.block, value, None
    else:  # not a block (a string, a rich text): as include_block shows it
        return conditional_escape(value) if context.autoescape else str(value)
    kind = type(block)
    if (
        kind.render is not Block.render
        or kind.get_context is not Block.get_context
        or kind.get_template is not Block.get_template
    ):
        return _wagtail_render(value, context)
    template_name = block.get_template(block_value, context=None)
    if not template_name:
        if isinstance(block, StreamBlock) and kind.render_basic is StreamBlock.render_basic:
            return format_html_join(
                "\n",
                '<div class="w-block-{1} block-{1}">{0}</div>',
                [(render_block(child, context), child.block_type) for child in block_value],
            )
        return _wagtail_render(value, context)
    template = context.template.engine.get_template(template_name)
    values = {"self": block_value, "value": block_value}
    if block_id is not None and "id" not in context:
        values["id"] = block_id
    with context.push(values):
        return template.render(context)


def _wagtail_render(value, context):
    output = value.render_as_block(context=context.flatten())
    return conditional_escape(output) if context.autoescape else str(output)


class RenderBlockNode(template.Node):
    def __init__(self, value):
        self.value = value

    def render(self, context):
        try:
            value = self.value.resolve(context)
        except template.VariableDoesNotExist:
            return ""
        return render_block(value, context)


@register.tag("render_block")
def render_block_tag(parser, token):
    """``{% render_block page.steps %}``: Wagtail's ``{% include_block %}`` (with the parent context), rendered
    without copying the context for every block (see ``render_block``)."""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError("render_block takes one value")
    return RenderBlockNode(parser.compile_filter(bits[1]))


@register.simple_tag(takes_context=True)
def rendered_blocks(context, stream_value):
    """``{% rendered_blocks page.steps as steps %}``: the HTML of each child of a stream, as ``{% render_block %}``
    renders it (from the stored JSON where ``stream_html`` knows the block), for a template that puts each in an
    element of its own."""
    return stream_html.render_children(stream_value, context, render_block)
