"""The drawings of a process page: laid out by Graphviz once per published revision and kept.

A published revision's drawings are made when it is published (``on_process_published``) in the page's
language, or on first use in another language; pages and BPMN downloads then read the stored text, so no
request of the public site runs ``dot`` twice for one revision. Previews of drafts are drawn each time.
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import ProcessDiagram
from .process_diagram import (
    DRAWING_VERSION,
    Layout,
    LayoutEngineMissing,
    ProcessGraph,
    bpmn_xml,
    lay_out,
    swimlane_svg,
)

logger = logging.getLogger(__name__)


def draw(page):
    """``{"wide_svg", "narrow_svg", "bpmn"}`` for ``page`` as it is, in the active language."""
    graph = ProcessGraph.from_page(page)
    title = _("Swimlane diagram of %(process)s") % {"process": page.title}
    steps, roles = len(graph.tasks()), len(graph.lanes)
    description = _("%(steps)s across %(roles)s. The table of steps by role below gives the same information.") % {
        "steps": ngettext("%(count)s step", "%(count)s steps", steps) % {"count": steps},
        "roles": ngettext("%(count)s role", "%(count)s roles", roles) % {"count": roles},
    }
    if not graph.nodes:
        empty = Layout(width=0, height=0, lanes={}, nodes={}, edges={})
        return {"wide_svg": "", "narrow_svg": "", "bpmn": bpmn_xml(graph, empty, f"Process_{page.pk}").decode()}
    wide = lay_out(graph, "wide")
    narrow = lay_out(graph, "narrow")
    return {
        "wide_svg": swimlane_svg(graph, wide, title, description, "wide"),
        "narrow_svg": swimlane_svg(graph, narrow, title, description, "narrow"),
        "bpmn": bpmn_xml(graph, wide, process_id=f"Process_{page.pk}").decode(),
    }


def stored_drawing(revision, language):
    """The stored drawings of ``revision`` in ``language``, made now if they were not made before."""
    found = ProcessDiagram.objects.filter(revision=revision, language=language, drawing_version=DRAWING_VERSION).first()
    if found is not None:
        return found
    with translation.override(language):
        drawn = draw(revision.as_object())
    try:
        with transaction.atomic():
            return ProcessDiagram.objects.create(
                revision=revision, language=language, drawing_version=DRAWING_VERSION, **drawn
            )
    except IntegrityError:  # drawn at the same moment by another request
        return ProcessDiagram.objects.get(revision=revision, language=language, drawing_version=DRAWING_VERSION)


def drawing_for(page, preview=False):
    """The drawings to show for ``page``: the stored ones of its live revision, or fresh ones for a preview
    (or a page published without a revision, as test factories make). None when Graphviz is missing."""
    try:
        if preview or page.live_revision_id is None:
            return draw(page)
        stored = stored_drawing(page.live_revision, translation.get_language() or "en")
        return {"wide_svg": stored.wide_svg, "narrow_svg": stored.narrow_svg, "bpmn": stored.bpmn}
    except LayoutEngineMissing:
        logger.exception("Process diagram of page %s not drawn", page.pk)
        return None


def on_process_published(sender, instance, revision=None, **kwargs):
    """Draw the revision just published, in its page's language, inside the publishing transaction."""
    if revision is None:
        return
    try:
        stored_drawing(revision, instance.locale.language_code)
    except LayoutEngineMissing:
        # Publishing must not fail for want of a drawing; the page draws it when Graphviz is back.
        logger.exception("Process diagram of page %s not drawn on publish", instance.pk)
