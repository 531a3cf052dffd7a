"""What an editor can turn a confirmed contribution into: an adoption, a draft pattern, a draft process, or a
note on an existing page. Each marks the contribution merged and emails the contributor the outcome."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale

from library.site_url import page_url
from pattern_pages.models import PatternIndexPage, ProcessIndexPage, ProcessPage, ServicePatternPage

from .emails import send_outcome
from .models import Adoption, AdoptionSource, AdoptionStatus, ContributionStatus


class OutcomeError(Exception):
    """The outcome cannot be applied; the message says why, for the editor."""


def _merged(contribution, *, page=None, adoption=None):
    contribution.status = ContributionStatus.MERGED
    contribution.result_page = page
    contribution.result_adoption = adoption
    contribution.save(update_fields=["status", "result_page", "result_adoption"])


def _public_url(page):
    return page_url(page) if page and page.live else ""


def make_adoption(contribution, *, pattern=None, process=None, status=AdoptionStatus.LIVE):
    """Record that the contribution's council uses ``pattern`` (or ``process``), approved for the public site."""
    if not (pattern or process):
        raise OutcomeError(_("Choose the service pattern or the process the council uses."))
    already = OutcomeError(_("%(council)s already has an adoption of this page.") % {"council": contribution.council})
    if Adoption.objects.clash(contribution.council_id, getattr(pattern, "pk", None), getattr(process, "pk", None)):
        raise already
    try:
        adoption = _record_adoption(contribution, pattern, process, status)
    except IntegrityError:  # another editor recorded it between the check and the insert
        raise already from None
    send_outcome(contribution, _public_url(pattern or process))
    return adoption


def _record_adoption(contribution, pattern, process, status):
    with transaction.atomic():
        adoption = Adoption.objects.create(
            council=contribution.council,
            pattern=pattern,
            process=process,
            status=status,
            live_url=contribution.live_url,
            platform=contribution.systems[:200],
            local_variations="\n".join(contribution.steps),
            source=AdoptionSource.CONTRIBUTION,
            is_approved=True,
        )
        if contribution.service_id:
            adoption.services.add(contribution.service)
        _merged(contribution, page=pattern or process, adoption=adoption)
    return adoption


def _index(model):
    index = model.objects.filter(locale=Locale.get_default()).first()
    if index is None:
        raise OutcomeError(_("There is no %(index)s to put the draft under yet.") % {"index": model._meta.verbose_name})
    return index


def _summary(contribution):
    return (
        _("How %(council)s delivers this service, from a council contribution.") % {"council": contribution.council}
    )[:500]


def make_draft_pattern(contribution, *, pattern_type, user=None):
    """A draft (not live) service pattern from the contribution's steps, for an editor to finish."""
    index = _index(PatternIndexPage)
    with transaction.atomic():
        page = ServicePatternPage(
            title=contribution.service_label[:255],
            summary=_summary(contribution),
            pattern_type=pattern_type,
            owner_council=contribution.council,
            live=False,
            steps=[
                ("step", {"title": text[:200], "user_action": text, "components": []}) for text in contribution.steps
            ],
        )
        index.add_child(instance=page)
        if contribution.service_id:
            page.services.add(contribution.service)
        page.life_events.add(*contribution.life_events.all())
        page.save()  # parental many-to-many relations are only written on save
        page.save_revision(user=user)
        _merged(contribution, page=page)
    send_outcome(contribution)
    return page


def make_draft_process(contribution, *, user=None):
    """A draft (not live) process whose steps are the contribution's, all done by the resident until edited."""
    index = _index(ProcessIndexPage)
    resident = _("Resident")
    steps = [
        (
            "step",
            {
                "ref": f"step-{number}",
                "title": text[:200],
                "role": resident,
                "system": "",
                "description": "",
                "inputs": [],
                "outputs": [],
                "time_limit": "",
                "legislation": "",
                "decision": {"question": "", "outcomes": []},
            },
        )
        for number, text in enumerate(contribution.steps, start=1)
    ]
    with transaction.atomic():
        page = ProcessPage(
            title=contribution.service_label[:255],
            summary=_summary(contribution),
            owner_council=contribution.council,
            trigger=contribution.steps[0] if contribution.steps else _("To be written"),
            outcome=_("To be written"),
            roles=[("role", {"name": resident, "kind": "resident", "description": ""})],
            systems=[("system", {"name": contribution.systems[:100], "description": ""})]
            if contribution.systems
            else [],
            steps=steps,
            live=False,
        )
        index.add_child(instance=page)
        if contribution.service_id:
            page.services.add(contribution.service)
        page.save()  # parental many-to-many relations are only written on save
        page.save_revision(user=user)
        _merged(contribution, page=page)
    send_outcome(contribution)
    return page


def attach_to_page(contribution, page):
    """Keep the contribution as evidence on an existing pattern or process page."""
    _merged(contribution, page=page)
    send_outcome(contribution, _public_url(page))
