"""The public Prototype Kit export of a live pattern, and the editors' views of a pattern's screens and
export from its latest revision (drafts included) for the page preview. The public example pages are
routes of the live page (``ScreensMixin``); both 404 for drafts."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from wagtail.models import Locale, Page

from .models import DesignSystemComponent, ServicePatternPage
from .screen_usage import component_usage
from .screens.pages import frameable, prototype_kit_response, screen_example_response


def latest_for_editor(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not hasattr(page, "screens"):
        raise PermissionDenied
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page.get_latest_revision_as_object()


def screen_preview(request, page_id, number):
    """One screen of the latest revision, frameable by the admin's preview."""
    response = screen_example_response(request, latest_for_editor(request, page_id), number)
    return frameable(response.render())


def prototype_kit_preview(request, page_id, kind):
    """The Prototype Kit export of the latest revision."""
    return prototype_kit_response(latest_for_editor(request, page_id), kind)


def prototype_kit(request, slug, kind):
    """``/patterns/<slug>/prototype-kit.tgz`` (or ``.zip``) of a live, public pattern in the request's language."""
    page = ServicePatternPage.objects.live().public().filter(slug=slug, locale=Locale.get_active()).first()
    if page is None:
        raise Http404
    return prototype_kit_response(page, kind)


def component_detail(request, slug):
    """A Design System component and the patterns and steps whose screens use it."""
    locale = Locale.get_active()
    component = (
        DesignSystemComponent.objects.filter(slug=slug, locale=locale).first()
        or DesignSystemComponent.objects.filter(slug=slug, locale=Locale.get_default()).first()
    )
    if component is None:
        raise Http404
    return render(
        request,
        "pattern_pages/component_detail.html",
        {"component": component, "usage": component_usage(component), "title": component.name},
    )
