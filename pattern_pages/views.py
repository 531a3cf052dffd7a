"""Public pages outside the page tree: services, life events, councils, pattern types, the BPMN
export, the Atom feed of published changes, the sitemap and robots.txt.

Taxonomy entries are looked up in the active language's locale and fall back to the default locale
when they have not been translated yet, so /cy/services/524/… works before the Welsh list exists.
"""

import string
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.db.models import Q
from django.db.models.functions import Substr, Upper
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale, Page

from library.site_url import absolute, page_url, site_url

from .models import Council, CouncilType, LifeEvent, Nation, PatternType, ProcessPage, Service, ServicePatternPage
from .presenters import active_locale, latest_changes, process_bpmn
from .text import xml_text

SERVICES_PER_PAGE = 50
COUNCILS_PER_PAGE = 50
LETTERS = list(string.ascii_uppercase)


def localised(model, locale, **lookup):
    """The entry of ``model`` matching ``lookup`` in ``locale``, else in the default locale, else 404."""
    entries = {entry.locale_id: entry for entry in model.objects.filter(**lookup).select_related("locale")}
    entry = entries.get(locale.pk) or entries.get(Locale.get_default().pk)
    if entry is None:
        raise Http404(_("Not found"))
    return entry


def taxonomy_locale(model, locale):
    """``locale`` if the taxonomy has entries in it, else the default locale (not translated yet)."""
    if model.objects.filter(locale=locale).exists():
        return locale
    return Locale.get_default()


def live_pages(model, locale):
    return model.objects.live().public().filter(locale=locale)


def page_links(page_obj, base_query):
    """The GOV.UK pagination links for a Django page of results: ``{"previous", "next", "items"}``."""
    if page_obj is None or page_obj.paginator.num_pages < 2:
        return None

    def href(number):
        query = base_query.copy()
        query["page"] = number
        return f"?{query.urlencode()}"

    items = []
    for number in page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1):
        if number == page_obj.paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append({"number": number, "href": href(number), "current": number == page_obj.number})
    return {
        "previous": href(page_obj.previous_page_number()) if page_obj.has_previous() else None,
        "next": href(page_obj.next_page_number()) if page_obj.has_next() else None,
        "items": items,
    }


# ----- services ---------------------------------------------------------------------------------


def service_index(request):
    """A–Z of services: letter navigation, then the services starting with that letter, paged."""
    locale = taxonomy_locale(Service, active_locale())
    services = Service.objects.filter(locale=locale).order_by("name", "lgsl_code")
    letters_present = set(
        services.annotate(initial=Upper(Substr("name", 1, 1))).values_list("initial", flat=True).distinct()
    )
    letter = request.GET.get("letter", "").upper()
    if letter not in LETTERS:
        letter = ""
    if letter:
        services = services.filter(name__istartswith=letter)
    paginator = Paginator(services, SERVICES_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "pattern_pages/service_index.html",
        {
            "letters": [{"letter": x, "present": x in letters_present, "current": x == letter} for x in LETTERS],
            "letter": letter,
            "page_obj": page_obj,
            "services": page_obj.object_list,
            "pagination": page_links(page_obj, query),
            "breadcrumbs": [],
        },
    )


def service_detail(request, lgsl_code, slug=None):
    """One service by LGSL code; any other slug redirects to the canonical address."""
    locale = active_locale()
    service = localised(Service, locale, lgsl_code=lgsl_code)
    if slug != service.slug:
        return redirect("service", lgsl_code=service.lgsl_code, slug=service.slug, permanent=True)
    service = (
        Service.objects.select_related("function", "function__parent")
        .prefetch_related("life_events")
        .get(pk=service.pk)
    )
    patterns = (
        live_pages(ServicePatternPage, locale)
        .filter(services__lgsl_code=lgsl_code)
        .select_related("pattern_type")
        .distinct()
        .order_by("title")
    )
    processes = live_pages(ProcessPage, locale).filter(services__lgsl_code=lgsl_code).distinct().order_by("title")
    return render(
        request,
        "pattern_pages/service_detail.html",
        {
            "service": service,
            "patterns": list(patterns),
            "processes": list(processes),
            "breadcrumbs": [{"text": _("Services"), "href": reverse("services")}],
        },
    )


# ----- life events ------------------------------------------------------------------------------


def life_event_index(request):
    locale = taxonomy_locale(LifeEvent, active_locale())
    return render(
        request,
        "pattern_pages/life_event_index.html",
        {"life_events": LifeEvent.objects.filter(locale=locale).order_by("name"), "breadcrumbs": []},
    )


def life_event_detail(request, slug):
    """The services and patterns a person meets at one moment of their life."""
    locale = active_locale()
    life_event = localised(LifeEvent, locale, slug=slug)
    services = Service.objects.filter(life_events=life_event).order_by("name")
    patterns = (
        live_pages(ServicePatternPage, locale)
        .filter(Q(life_events__slug=slug) | Q(services__life_events__slug=slug))
        .select_related("pattern_type")
        .distinct()
        .order_by("title")
    )
    return render(
        request,
        "pattern_pages/life_event_detail.html",
        {
            "life_event": life_event,
            "services": list(services),
            "patterns": list(patterns),
            "breadcrumbs": [{"text": _("Life events"), "href": reverse("life_events")}],
        },
    )


# ----- councils ---------------------------------------------------------------------------------


def council_index(request):
    """Councils, filtered by nation and type, paged."""
    locale = taxonomy_locale(Council, active_locale())
    councils = Council.objects.filter(locale=locale, is_current=True).order_by("name")
    nation = request.GET.get("nation", "")
    council_type = request.GET.get("council_type", "")
    if nation in Nation.values:
        councils = councils.filter(nation=nation)
    else:
        nation = ""
    if council_type in CouncilType.values:
        councils = councils.filter(council_type=council_type)
    else:
        council_type = ""
    paginator = Paginator(councils, COUNCILS_PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "pattern_pages/council_index.html",
        {
            "councils": page_obj.object_list,
            "page_obj": page_obj,
            "pagination": page_links(page_obj, query),
            "nations": Nation.choices,
            "council_types": CouncilType.choices,
            "selected_nation": nation,
            "selected_council_type": council_type,
            "breadcrumbs": [],
        },
    )


def council_detail(request, gss_code):
    """One council by GSS code: what it is, and the patterns and processes it has contributed."""
    locale = active_locale()
    council = localised(Council, locale, gss_code=gss_code.upper())
    council = Council.objects.select_related("parent_county").get(pk=council.pk)
    owner = Q(owner_council__gss_code=council.gss_code)
    return render(
        request,
        "pattern_pages/council_detail.html",
        {
            "council": council,
            "contributed_patterns": list(
                live_pages(ServicePatternPage, locale).filter(owner).select_related("pattern_type").order_by("title")
            ),
            "contributed_processes": list(live_pages(ProcessPage, locale).filter(owner).order_by("title")),
            "breadcrumbs": [{"text": _("Councils"), "href": reverse("councils")}],
        },
    )


# ----- pattern types ----------------------------------------------------------------------------


def pattern_type_index(request):
    from .presenters import home_sections

    locale = taxonomy_locale(PatternType, active_locale())
    return render(
        request,
        "pattern_pages/pattern_type_index.html",
        {"pattern_types": home_sections(locale)["pattern_types"], "breadcrumbs": []},
    )


def pattern_type_detail(request, slug):
    locale = active_locale()
    pattern_type = localised(PatternType, locale, slug=slug)
    patterns = (
        live_pages(ServicePatternPage, locale)
        .filter(pattern_type__slug=slug)
        .prefetch_related("services")
        .order_by("title")
    )
    return render(
        request,
        "pattern_pages/pattern_type_detail.html",
        {
            "pattern_type": pattern_type,
            "patterns": list(patterns),
            "breadcrumbs": [{"text": _("Pattern types"), "href": reverse("pattern_types")}],
        },
    )


# ----- exports ----------------------------------------------------------------------------------


def process_bpmn_download(request, slug):
    """The process as a BPMN 2.0 file that process modelling tools open."""
    process = live_pages(ProcessPage, active_locale()).filter(slug=slug).first()
    if process is None:
        raise Http404(_("No published process has this address."))
    response = HttpResponse(process_bpmn(process), content_type="application/xml; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{process.slug}.bpmn"'
    return response


class ChangesFeed(Feed):
    """Atom feed of published changes to patterns and processes, newest first."""

    feed_type = Atom1Feed
    title = gettext_lazy("LocalGov Pattern Library: published changes")
    subtitle = gettext_lazy("Service patterns and processes as they are published.")

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    # Django would put the request's host in front of these; every address is on SITE_URL instead.
    def link(self):
        from .templatetags.library_tags import language_prefix

        return absolute(f"{language_prefix()}/")

    def feed_url(self):
        return absolute(self.request.path)

    def items(self):
        return latest_changes(active_locale(), limit=50)

    def item_title(self, item):
        # Text saved before control characters were stripped on save must not break the feed's XML.
        if item["version"]:
            return xml_text(_("%(title)s, version %(version)s") % {"title": item["title"], "version": item["version"]})
        return xml_text(item["title"])

    def item_description(self, item):
        return _("%(kind)s published.") % {"kind": item["kind"]}

    def item_link(self, item):
        return page_url(item["page"], self.request)

    def item_guid(self, item):
        return f"{self.item_link(item)}#change-{item['entry_id']}"

    def item_pubdate(self, item):
        return item["published_at"]

    def item_updateddate(self, item):
        return item["published_at"]


changes_feed = ChangesFeed()


# ----- sitemap and robots -----------------------------------------------------------------------


class OnSiteUrl:
    """Sitemap addresses on SITE_URL, not on the host the request came to."""

    def get_protocol(self, protocol=None):
        return urlsplit(site_url()).scheme

    def get_domain(self, site=None):
        return urlsplit(site_url()).netloc


class PageSitemap(OnSiteUrl, Sitemap):
    """Every live public page in every locale (Wagtail gives each locale its own address)."""

    def items(self):
        return Page.objects.live().public().filter(depth__gt=1).order_by("path")

    def location(self, page):
        return page.get_url()

    def lastmod(self, page):
        return page.last_published_at


class TaxonomySitemap(OnSiteUrl, Sitemap):
    """Services, councils, life events and pattern types, in every site language."""

    i18n = True
    x_default = False

    def items(self):
        locale = Locale.get_default()
        return [
            *((("service", {"lgsl_code": s.lgsl_code, "slug": s.slug})) for s in Service.objects.filter(locale=locale)),
            *(("council", {"gss_code": c.gss_code}) for c in Council.objects.filter(locale=locale, is_current=True)),
            *(("life_event", {"slug": e.slug}) for e in LifeEvent.objects.filter(locale=locale)),
            *(("pattern_type", {"slug": t.slug}) for t in PatternType.objects.filter(locale=locale)),
            *((name, {}) for name in ("services", "councils", "life_events", "pattern_types")),
        ]

    def location(self, item):
        name, kwargs = item
        return reverse(name, kwargs=kwargs)


SITEMAPS = {"pages": PageSitemap, "taxonomies": TaxonomySitemap}


def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        f"Sitemap: {absolute(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
