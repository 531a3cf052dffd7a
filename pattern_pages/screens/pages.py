"""What a service pattern page does with its screens: derive step components, keep rendered HTML, and
serve each screen's example page and the Prototype Kit export under the pattern's own URL."""

from django.apps import apps
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import path

from ..i18n import content_language
from .nunjucks import components_used, parts_source, screen_parts
from .prototype_kit import build_archive
from .render import ScreenRenderError, iter_screens, parts_key, rendered_screens

EXAMPLE_CSP = {"frame-ancestors": ["'self'"]}


def frameable(response):
    """Let the site's own pages (and nobody else) frame this response: the live examples."""
    response["X-Frame-Options"] = "SAMEORIGIN"
    response._csp_replace = EXAMPLE_CSP
    return response


class Screen:
    """One screen as the site and the API show it."""

    def __init__(self, page, number, step_number, step, value, language):
        self.page = page
        self.number = number
        self.step_number = step_number
        self.step = step
        self.value = value
        self.title = value.get("title") or ""
        self.language = language  # the page's, whatever the reader's (see screen_example.html)
        self.parts = screen_parts(value, self.language)
        self.key = parts_key(self.parts)

    @property
    def html(self):
        return (self.page.rendered_screens or {}).get(self.key)

    @property
    def nunjucks(self):
        return parts_source(self.parts)

    @property
    def components(self):
        return components_used(self.value)

    @property
    def slug(self):
        return f"screen-{self.number}"

    def example_url(self, preview=False):
        if preview:
            return reverse("screen_preview", args=[self.page.pk, self.number])
        return self.page.url + self.page.reverse_subpage("screen_example", args=[self.number])


class ScreensMixin:
    """Mixed into ``ServicePatternPage`` (with Wagtail's ``RoutablePageMixin``)."""

    def screens(self):
        """Every screen of the pattern, numbered from 1 in step order (worked out once per page object)."""
        cached = getattr(self, "_screens", None)
        if cached is None or cached[0] is not self.steps:
            language = content_language(self)
            screens = [
                Screen(self, number, step_number, step, value, language)
                for number, (step_number, step, value) in enumerate(iter_screens(self.steps), start=1)
            ]
            cached = self._screens = (self.steps, screens)
        return cached[1]

    def has_screens(self):
        """Whether any step has screens (``bool(self.screens())``), read from the stored steps: a page without any
        need not build its steps' values to find that out."""
        return any(
            isinstance(item, dict) and isinstance(item.get("value"), dict) and item["value"].get("screens")
            for item in self.steps.raw_data
        )

    def prepare_screens(self):
        """Fill in each step's components from its screens and render any screen not yet rendered.

        Called from ``clean``, so the page form, the demo loader and importers all go through it; the HTML
        lands in the revision with the rest of the content.
        """
        component_model = apps.get_model("pattern_pages", "DesignSystemComponent")
        wanted = {slug for _n, _s, screen in iter_screens(self.steps) for slug in components_used(screen)}
        known = components_by_slug(component_model, wanted, self.locale_id)
        for step in self.steps:
            screens = step.value.get("screens") or []
            if screens:
                step.value["components"] = derived_components(step.value.get("components"), screens, known)
        try:
            self.rendered_screens = rendered_screens(self.steps, self.rendered_screens, content_language(self))
        except ScreenRenderError as error:
            raise ValidationError(
                {"steps": _("The screens could not be rendered: %(error)s") % {"error": error}}
            ) from error

    def save_revision(self, *args, **kwargs):
        # Content saved with clean=False (the demo loader) still gets its screens rendered into the revision.
        if not kwargs.get("clean", True):
            self.prepare_screens()
        return super().save_revision(*args, **kwargs)

    @path("screens/<int:number>/", name="screen_example")
    def screen_example(self, request, number):
        return frameable(screen_example_response(request, self, number))


def components_by_slug(component_model, slugs, locale_id):
    """``{slug: component}`` for the slugs, preferring the page's locale."""
    known = {}
    if slugs:
        for component in component_model.objects.filter(slug__in=slugs):
            if component.slug not in known or component.locale_id == locale_id:
                known[component.slug] = component
    return known


def derived_components(chosen, screens, known):
    """A step's components: the design patterns chosen by hand, then the components its screens use."""
    kept = [c for c in chosen or [] if c is not None and c.kind == "pattern"]
    derived = [known[slug] for screen in screens for slug in components_used(screen) if slug in known]
    unique = []
    for component in kept + derived:
        if component.pk not in {c.pk for c in unique}:
            unique.append(component)
    return unique


def screen_example_response(request, page, number):
    screens = page.screens()
    if not 1 <= number <= len(screens):
        raise Http404
    screen = screens[number - 1]
    return TemplateResponse(
        request, "pattern_pages/screen_example.html", {"page": page, "screen": screen, "self": page}
    )


def prototype_kit_response(page, kind):
    if kind not in {"zip", "tgz"} or not page.screens():
        raise Http404
    data, content_type = build_archive(page, kind)
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{page.slug}-prototype-kit.{kind}"'
    return response
