"""Adoptions and feedback on the public pages: ``{% page_adoptions page as adoptions %}``,
``{% service_adoptions service as adoptions %}``, ``{% council_adoptions council as adoptions %}`` and
``{% page_feedback page %}``."""

from django import template
from django.db.models import Q
from wagtail.models import Page

from library.fixed import FixedQuery
from pattern_pages.models import ProcessPage

from ..models import Adoption

register = template.Library()


def _public():
    return Adoption.objects.public().in_use().select_related("council", "pattern", "process")


@register.simple_tag
def page_adoptions(page):
    """Approved, planned or live adoptions of a pattern or process page (or its translations), by council, with
    their councils (not their pages: the page is the one being shown)."""
    if page is None:
        return []
    # Adoptions name the English page; its Welsh translation shares its translation key. The pages of that key
    # are found first (Wagtail's unique translation_key + locale index), then the adoptions through the one
    # foreign key that can name them: matching the key through an OR across both joins scanned every adoption.
    # Only the council is shown (``show="council"``): joining the adopted page brought every StreamField of the
    # page being rendered back once per adoption, to be parsed again, and made the statement a six-table join.
    field = "process_id__in" if issubclass(page.specific_class or Page, ProcessPage) else "pattern_id__in"
    return PAGE_ADOPTIONS[field].run(page.translation_key)


def _adoptions_of(field):
    """The statement for the adoptions naming a page of a translation key through ``field`` (built once:
    ``library.fixed``)."""
    return FixedQuery(
        lambda translation_key: (
            Adoption.objects.public()
            .in_use()
            .filter(**{field: Page.objects.filter(translation_key=translation_key).values("pk")})
            .select_related("council")
            .order_by("council__name")
        )
    )


PAGE_ADOPTIONS = {field: _adoptions_of(field) for field in ("pattern_id__in", "process_id__in")}


@register.simple_tag
def service_adoptions(service):
    """Adoptions for a service (in any locale): those naming it, and those of a pattern or process for it."""
    if service is None:
        return []
    code = service.lgsl_code
    match = Q(services__lgsl_code=code) | Q(pattern__services__lgsl_code=code) | Q(process__services__lgsl_code=code)
    adoptions = _public().filter(match).distinct().order_by("council__name")
    return [adoption for adoption in adoptions if adoption.adopted_page and adoption.adopted_page.live]


@register.simple_tag
def council_adoptions(council):
    """What a council (in any locale) says it uses."""
    if council is None:
        return []
    adoptions = _public().filter(council__gss_code=council.gss_code).order_by("pattern__title", "process__title")
    return [adoption for adoption in adoptions if adoption.adopted_page and adoption.adopted_page.live]


@register.simple_tag
def distinct_councils(adoptions):
    return len({adoption.council_id for adoption in adoptions})


@register.inclusion_tag("contributions/includes/page_feedback.html")
def page_feedback(page):
    """'Is this page useful?' and the link to discuss or improve the page."""
    return {"page": page, "is_process": getattr(page, "specific_class", None) is ProcessPage}
