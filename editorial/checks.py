"""The standards checks that can be computed, run before a publisher may sign a page off.

A process step has a *statutory basis* when its editor ticks "statutory" on the step (the law requires
the step, its time limit or its outcome). Such a step must name, in its "legislation" field, one of the
process's legislation entries. A process that lists a duty must also link at least one step to it: a
duty with no step carrying it out is a gap in the process.
"""

from django.utils.translation import gettext as _


def _text(stream_value):
    """True when a StreamField holds at least one block with some content."""
    for child in stream_value or []:
        value = child.value
        source = getattr(value, "source", None)
        if source is not None:
            value = source
        if str(value or "").strip():
            return True
    return False


def pattern_failures(page):
    reasons = []
    steps = list(page.steps or [])
    if not steps:
        reasons.append(_("The pattern has no steps: add the steps a user goes through."))
    for number, step in enumerate(steps, start=1):
        if not [component for component in step.value.get("components") or [] if component]:
            reasons.append(
                _("Step %(number)s, '%(title)s', names no GOV.UK Design System component.")
                % {"number": number, "title": step.value.get("title")}
            )
    if not _text(page.accessibility):
        reasons.append(_("The accessibility section is empty."))
    return reasons


def process_failures(page):
    reasons = []
    legislation = [entry.value for entry in page.legislation or []]
    titles = {str(entry.get("title") or "").strip() for entry in legislation}
    linked = set()
    for number, step in enumerate(page.steps or [], start=1):
        law = str(step.value.get("legislation") or "").strip()
        if law:
            linked.add(law)
        if step.value.get("statutory") and law not in titles:
            reasons.append(
                _("Step %(number)s, '%(title)s', has a statutory basis but links no legislation entry.")
                % {"number": number, "title": step.value.get("title")}
            )
    for entry in legislation:
        title = str(entry.get("title") or "").strip()
        if entry.get("duty_or_power") == "duty" and title not in linked:
            reasons.append(_("The duty '%(title)s' is not linked from any step.") % {"title": title})
    return reasons


def failed_checks(page):
    """The reasons a page fails the computable standards checks; an empty list when it passes.

    >>> failed_checks(pattern)
    ["Step 2, 'Check your answers', names no GOV.UK Design System component.", 'The accessibility section is empty.']
    """
    from pattern_pages.models import ProcessPage, ServicePatternPage

    if page is None:
        return []
    page = getattr(page, "specific", page)
    if isinstance(page, ServicePatternPage):
        return pattern_failures(page)
    if isinstance(page, ProcessPage):
        return process_failures(page)
    return []
