"""The demo, loaded in one go: the library itself (``pattern_pages.demo``: taxonomy, patterns, processes, their
Welsh copies) and the records of the apps above it (``pattern_pages.demo.activity``): adoptions, published
assessments, contributions waiting in the queue and the demo supplier's API key. It lives in ``cms``, the top
layer, because it writes every app's models; each record is keyed on what identifies it, so loading twice
creates nothing."""

import logging
from collections import defaultdict
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.utils import timezone
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Locale
from wagtail.search.backends import get_search_backends

from api.models import ApiKey, hash_key
from assessments.models import Assessment, AssessmentOutcome, ServiceStandard, StandardPoint
from assessments.standards import load_standards
from contributions.models import Adoption, Contribution, ContributionStatus
from pattern_pages.demo import activity, credentials, translations
from pattern_pages.demo.loader import Summary, load_pages, load_taxonomy
from pattern_pages.models import Council, ProcessPage, Service, ServicePatternPage
from pattern_pages.site_setup import ensure_home_page

logger = logging.getLogger(__name__)


def _councils():
    return {council.gss_code: council for council in Council.objects.filter(locale=Locale.get_default())}


def _pages(model):
    return {page.slug: page for page in model.objects.filter(locale=Locale.get_default())}


def _services():
    return {service.lgsl_code: service for service in Service.objects.filter(locale=Locale.get_default())}


def load_adoptions(summary):
    councils, patterns, processes = _councils(), _pages(ServicePatternPage), _pages(ProcessPage)
    for gss, pattern_slug, process_slug, status, adopted_on, platform, live_url, variations in activity.ADOPTIONS:
        council = councils[gss]
        pattern = patterns.get(pattern_slug) if pattern_slug else None
        process = processes.get(process_slug) if process_slug else None
        existing = Adoption.objects.clash(council.pk, pattern and pattern.pk, process and process.pk)
        if existing:
            summary.add("adoption", "unchanged")
            continue
        adoption = Adoption(
            council=council,
            pattern=pattern,
            process=process,
            status=status,
            adopted_on=adopted_on,
            platform=platform,
            live_url=live_url,
            local_variations=variations,
            is_approved=True,
        )
        adoption.full_clean()
        adoption.save()
        adoption.services.set((pattern or process).services.all())
        summary.add("adoption", "created")


def load_assessments(summary):
    councils, patterns, services = _councils(), _pages(ServicePatternPage), _services()
    # Every install has both standards (a data migration); a flushed test database has them back from here.
    standards = {standard.slug: standard for standard in load_standards(ServiceStandard, StandardPoint, Locale)}
    for gss, lgsl, pattern_slug, standard_slug, phase, day, result, report_url, outcomes in activity.ASSESSMENTS:
        standard = standards[standard_slug]
        key = {"council": councils[gss], "service": services[lgsl], "standard": standard, "date": day}
        if Assessment.objects.filter(**key).exists():
            summary.add("assessment", "unchanged")
            continue
        assessment = Assessment(
            **key,
            pattern=patterns[pattern_slug],
            phase=phase,
            result=result,
            report_url=report_url,
            panel_roles="Lead assessor, user research, technology",
            live=True,
        )
        assessment.full_clean()
        assessment.save()
        points = {point.number: point for point in standard.points.all()}
        for number, (point_result, reason) in outcomes.items():
            AssessmentOutcome.objects.create(
                assessment=assessment, point=points[number], result=point_result, reason=reason
            )
        assessment.save_revision()
        summary.add("assessment", "created")


def load_contributions(summary):
    councils, services = _councils(), _services()
    for gss, name, role, email, lgsl, service_name, steps, systems, live_url, share in activity.CONTRIBUTIONS:
        council = councils[gss]
        if Contribution.objects.filter(council=council, email=email).exists():
            summary.add("contribution", "unchanged")
            continue
        contribution = Contribution(
            council=council,
            contributor_name=name,
            contributor_role=role,
            email=email,
            service=services.get(lgsl) if lgsl else None,
            service_name=service_name,
            steps=steps,
            systems=systems,
            live_url=live_url,
            would_share_process=share,
            status=ContributionStatus.NEW,
            confirmed_at=timezone.now(),
        )
        contribution.full_clean()
        contribution.save()
        summary.add("contribution", "created")


def load_supplier(summary):
    """The demo supplier's user and API key. The key is stored hashed, so its text is kept in the local
    credentials file (``credentials``) for ``ensure_admin`` to print; a key the file does not hold is
    replaced (the old one revoked), so the printed key always works."""
    spec = activity.SUPPLIER
    User = get_user_model()
    user = User.objects.filter(username=spec["username"]).first()
    if user is None:
        user = User.objects.create_user(username=spec["username"], email=spec["email"])
        user.set_unusable_password()
        user.save()
    raw = credentials.read().get("demo_api_key")
    key = ApiKey.objects.active().filter(user=user, key_hash=hash_key(raw)).first() if raw else None
    if key is None:
        for old in ApiKey.objects.active().filter(user=user):
            old.revoke()
        key, raw = ApiKey.create_for(user, spec["key_name"])
        key.supplier_name = spec["supplier_name"]
        key.save(update_fields=["supplier_name"])
        credentials.remember(demo_api_key=raw)
        summary.add("API key", "created")
    else:
        summary.add("API key", "unchanged")
    councils = _councils()
    key.councils.add(*(councils[gss] for gss in spec["councils"] if gss in councils))
    return raw


def load_records(summary):
    load_adoptions(summary)
    load_assessments(summary)
    load_contributions(summary)
    load_supplier(summary)


@contextmanager
def wagtail_search_once():
    """Wagtail's own (admin) search index takes each saved object once, in bulk at the end, as the importers
    do, not on every save: the demo saves a page up to six times (created, edited, published, translated),
    and each save indexed it again (7 of the load's 39 seconds)."""
    models = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    saved = defaultdict(set)

    def remember(sender, instance, raw=False, **kwargs):
        if not raw:
            saved[sender].add(instance.pk)

    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
        post_save.connect(remember, sender=model, weak=False)
    try:
        yield
    finally:
        for model in models:
            post_save.disconnect(remember, sender=model)
            post_save.connect(post_save_signal_handler, sender=model)
        try:
            for model, pks in saved.items():
                objects = [obj.get_indexed_instance() for obj in model.get_indexed_objects().filter(pk__in=pks)]
                for backend in get_search_backends(with_auto_update=True):
                    backend.add_bulk(model, [obj for obj in objects if obj is not None])
        except Exception:  # a failed load raises its own error; `manage.py update_index` indexes again
            logger.exception("Wagtail's search index was not updated after loading the demo")


def load_demo():
    """Load the whole demo into the default locale and return the loader's ``Summary``."""
    with wagtail_search_once():
        home = ensure_home_page()
        summary = Summary()
        load_taxonomy(Locale.get_default(), summary)
        load_pages(home, summary)
        load_records(summary)
        translations.load_welsh(home, summary)
    return summary
