"""The demo library that ``make run`` loads: believable, complete, published, and safe to load twice."""

import csv
import io

import pytest
from django.core.management import call_command, get_commands
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Revision
from wagtail.search.backends import get_search_backend
from wagtail_localize.models import StringTranslation, TranslationSource

from api.models import ApiKey, hash_key
from assessments.models import Assessment
from cms.management.commands.load_demo import default_reference_data
from contributions.models import Adoption, AdoptionStatus, Contribution, ContributionStatus
from editorial.review import pages_due_for_review
from pattern_pages import models
from pattern_pages.demo import credentials, loader, patterns, processes, taxonomy

REFERENCE_DATA = default_reference_data()
needs_reference_data = pytest.mark.skipif(
    not REFERENCE_DATA.is_dir(), reason=f"reference data folder {REFERENCE_DATA} is absent"
)


def load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", "--no-reference-data", *args, stdout=out)
    return out.getvalue()


def snapshot():
    """Everything a second load could change: row counts, revisions and what is live."""
    return {
        "counts": {
            model.__name__: model.objects.count()
            for model in [
                models.PatternType,
                models.LifeEvent,
                models.Service,
                models.Council,
                models.DesignSystemComponent,
                Page,
                Revision,
                Adoption,
                Assessment,
                Contribution,
                ApiKey,
                TranslationSource,
                StringTranslation,
            ]
        },
        "review_by": sorted(models.ServicePatternPage.objects.values_list("pk", "review_by")),
        "keys": sorted(ApiKey.objects.values_list("key_hash", "revoked_at")),
        "live_revisions": sorted(Page.objects.values_list("pk", "live_revision_id", "latest_revision_id")),
        "services": sorted(models.Service.objects.values_list("lgsl_code", "name", "description", "providing_tier")),
        "life_event_links": sorted(
            models.Service.life_events.through.objects.values_list("service_id", "lifeevent_id")
        ),
    }


def test_loading_the_demo_twice_changes_nothing(db):
    """A second load creates no rows and no revisions, and says that nothing changed."""
    load_demo()
    before = snapshot()
    output = load_demo()
    assert snapshot() == before
    assert "created" not in output and "updated" not in output


def test_demo_taxonomy_keeps_what_is_already_there(db):
    """The demo fills in empty fields of existing rows but never overwrites them (an importer's or an editor's)."""
    models.Service.objects.create(
        locale=Locale.get_default(), lgsl_code=524, name="Household waste collection", description="Imported text."
    )
    loader.load_taxonomy(Locale.get_default(), loader.Summary())
    service = models.Service.objects.get(lgsl_code=524)
    assert service.description == "Imported text."
    assert service.providing_tier == "district/unitary"
    assert models.Service.objects.filter(lgsl_code=524).count() == 1


@pytest.mark.reference_data
@needs_reference_data
def test_demo_codes_and_names_match_the_official_lists():
    """Every LGSL code, GSS code and Design System slug in the demo is real, with its official name."""
    with open(REFERENCE_DATA / "esd-lgsl-services-2015.csv", encoding="utf-8") as f:
        lgsl = {int(row["Identifier"]): row["Label"] for row in csv.DictReader(f)}
    for row in taxonomy.SERVICES:
        assert lgsl.get(row.lgsl_code) == row.name, row
    with open(REFERENCE_DATA / "mysociety-uk-local-authorities-current.csv", encoding="utf-8") as f:
        councils = {row["gss-code"]: row for row in csv.DictReader(f)}
    for row in taxonomy.COUNCILS:
        official = councils[row.gss_code]
        assert official["official-name"] == row.official_name, row
        assert official["current-authority"] == "True", row
        if row.parent_county:
            assert councils[row.parent_county]["local-authority-code"] == official["county-la"], row
    with open(REFERENCE_DATA / "govuk-design-system-patterns-and-components.csv", encoding="utf-8") as f:
        components = {row["slug"]: row for row in csv.DictReader(f)}
    for row in taxonomy.COMPONENTS:
        assert (components[row.slug]["title"], components[row.slug]["url"]) == (row.name, row.url), row
    used = {code for spec in patterns.PATTERNS + processes.PROCESSES for code in spec["services"]}
    assert used <= {row.lgsl_code for row in taxonomy.SERVICES}


@pytest.mark.reference_data
@needs_reference_data
@pytest.mark.skipif(
    not {"import_services", "import_councils"} <= set(get_commands()), reason="the importers have not landed yet"
)
def test_demo_merges_with_the_imported_lists(db):
    """With the official lists imported, the demo adds no duplicate services or councils, and loads twice cleanly."""
    call_command("load_demo", "--reference-data", str(REFERENCE_DATA), stdout=io.StringIO())
    with open(REFERENCE_DATA / "esd-lgsl-services-2015.csv", encoding="utf-8") as f:
        lgsl_codes = {int(row["Identifier"]) for row in csv.DictReader(f)}
    with open(REFERENCE_DATA / "govuk-publisher-local-services-lgsl-tiers.csv", encoding="utf-8") as f:
        lgsl_codes |= {int(row["LGSL"]) for row in csv.DictReader(f)}
    assert models.Service.objects.count() == len(lgsl_codes)
    assert models.ServicePatternPage.objects.live().count() >= 12
    assert models.Council.objects.filter(gss_code="E10000012").count() == 1
    before = snapshot()
    call_command("load_demo", "--reference-data", str(REFERENCE_DATA), stdout=io.StringIO())
    assert snapshot() == before


def test_ensure_admin_prints_the_addresses_logins_and_demo_key_every_time(db):
    """`make run` prints the site, admin and API docs addresses, the admin's name and password and the demo
    supplier's key, on the first run and on the next (the password is not forgotten)."""
    from cms.demo import load_supplier
    from pattern_pages.demo.loader import Summary

    raw = load_supplier(Summary())
    outputs = []
    for _run in range(2):
        out = io.StringIO()
        call_command("ensure_admin", "--address", "http://127.0.0.1:8123", stdout=out)
        outputs.append(out.getvalue())
    password = credentials.read()["admin"]["password"]
    for output in outputs:
        for line in [
            "Site:      http://127.0.0.1:8123/",
            "Admin:     http://127.0.0.1:8123/admin/",
            "API docs:  http://127.0.0.1:8123/api/v1/docs/",
            "Admin username: admin",
            f"Admin password: {password}",
            f"Demo supplier's API key: {raw}",
        ]:
            assert line in output, output
    from django.contrib.auth import get_user_model

    # (authenticate() needs a request now that every password check goes through the lockout)
    assert get_user_model().objects.get(username="admin").check_password(password)


class TestTheLoadedDemo:
    """Checks that only read the demo share one load of it (a load takes half a minute): the demo is loaded
    in a transaction around the class and rolled back after it, and each test runs in a savepoint inside."""

    @pytest.fixture(scope="class", autouse=True)
    @classmethod
    def demo(cls, django_db_setup, django_db_blocker):
        with django_db_blocker.unblock():
            with transaction.atomic():
                load_demo()
                yield
                transaction.set_rollback(True)

    @pytest.fixture(autouse=True)
    def in_a_savepoint(self, db):
        """Each test's own writes (a request's log rows, an API key's last use) are undone after it."""

    def test_editors_admin_search_finds_the_demo_in_both_languages(self):
        """Wagtail's admin search (the editor's page and snippet search) holds every demo page and record,
        English and Welsh, though the load indexes each once at the end rather than on every save."""
        backend = get_search_backend()
        for page in models.ServicePatternPage.objects.all():
            found = backend.search(page.title, models.ServicePatternPage.objects.filter(locale=page.locale))
            assert page.pk in [hit.pk for hit in found], page.title
        welsh = models.ProcessPage.objects.filter(locale__language_code="cy")
        assert welsh.exists()
        for page in welsh:
            assert page.pk in [hit.pk for hit in backend.search(page.title, models.ProcessPage)], page.title
        service = models.Service.objects.filter(locale=Locale.get_default()).order_by("name").first()
        assert service.pk in [hit.pk for hit in backend.search(service.name, models.Service)]

    def test_demo_builds_a_believable_library(self, client):
        """12+ live patterns of all 7 types, 8+ processes, 40+ services, 10+ life events, 20+ councils, all listed."""
        patterns_ = models.ServicePatternPage.objects.live().filter(locale=Locale.get_default())
        assert patterns_.count() >= 12
        assert set(patterns_.values_list("pattern_type__slug", flat=True)) == {
            "apply", "book", "check", "pay", "register", "request", "tell",
        }  # fmt: skip
        assert models.ProcessPage.objects.live().count() >= 8
        assert models.Service.objects.count() >= 40
        assert models.LifeEvent.objects.count() >= 10
        assert models.Council.objects.count() >= 20
        assert not Page.objects.filter(depth__gt=1, live=False).exists()
        assert not Page.objects.filter(depth__gt=1, has_unpublished_changes=True).exists()
        essex = models.Council.objects.get(gss_code="E10000012")
        assert essex.official_name == "Essex County Council"
        assert essex.districts.filter(official_name="Chelmsford City Council").exists()
        assert models.Council.objects.filter(nation="wales").count() >= 2
        assert models.Council.objects.filter(nation="scotland").count() >= 2
        assert models.Service.objects.get(lgsl_code=524).name == "Household waste collection"

        school = models.ServicePatternPage.objects.get(slug="apply-for-a-school-place")
        versions = [revision.content["version"] for revision in school.revisions.order_by("created_at", "pk")]
        assert versions[:2] == ["1.0.0", "2.0.0"], "some pages should have a revision history"
        assert versions[-1] == school.version == "2.1.0"

        response = client.get("/")
        assert response.status_code == 200
        html = response.content.decode()
        assert any(page.title in html for page in patterns_), "the home page should list demo patterns"
        for pattern_type in models.PatternType.objects.filter(locale=Locale.get_default()):
            assert pattern_type.name in html
        response = client.get(models.PatternIndexPage.objects.get(locale=Locale.get_default()).url)
        assert response.status_code == 200
        html = response.content.decode()
        for page in patterns_:
            assert page.title in html

    def test_demo_patterns_are_fully_written_and_linked_to_processes(self):
        """Each pattern fills every section with 4–8 steps naming components; its steps point at real process steps."""
        for page in models.ServicePatternPage.objects.all():
            for field in ["summary", "when_to_use", "when_not_to_use", "how_it_works", "user_needs", "variants"]:
                assert getattr(page, field), f"{page.slug} has no {field}"
            assert page.accessibility and page.research, page.slug
            assert page.services.exists() and page.owner_council and page.review_by, page.slug
            assert 4 <= len(page.steps) <= 8, page.slug
            assert all(step.value["components"] for step in page.steps), page.slug
        linked = set()
        for page in models.ServicePatternPage.objects.all():
            for step in page.steps:
                for reference in step.value["process_steps"]:
                    process = reference["process"].specific
                    assert reference["step"] in process.step_refs()
                    linked.add(process.slug)
        processes_ = models.ProcessPage.objects.all()
        assert linked == set(processes_.values_list("slug", flat=True))
        for process in processes_:
            assert process.roles and process.systems and process.data_held and process.performance_measures
            assert process.supported_patterns, process.slug
            assert all(law.value["url"].startswith("https://www.legislation.gov.uk/") for law in process.legislation)
            process.full_clean()  # roles, systems, legislation titles and decisions all fit

    def test_every_demo_step_has_screens_with_real_questions(self):
        """Every step of every demo pattern has a rendered screen; 80 or more across the demo, with questions,
        hints and answer options, and the step components derived from them."""
        screens = []
        for page in models.ServicePatternPage.objects.live():
            for step in page.steps:
                assert step.value["screens"], f"{page.slug}: '{step.value['title']}' has no screen"
            for screen in page.screens():
                assert screen.html, f"{page.slug} screen {screen.number} was not rendered"
                screens.append(screen)
        assert len(screens) >= 80
        kinds = {child.block_type for screen in screens for child in screen.value["components"]}
        assert {"radios", "checkboxes", "date_input", "text_input", "select", "file_upload", "summary_list"} <= kinds
        assert {"panel", "task_list", "error_summary", "fieldset", "character_count", "textarea"} <= kinds
        hinted = [s for s in screens if "govuk-hint" in s.html]
        assert len(hinted) >= 20
        conditional = [s for s in screens if "govuk-radios__conditional" in s.html]
        assert conditional

    def test_demo_shows_every_feature_with_data(self, client):
        """Adoptions in each status, assessments against both standards, Welsh pages linked to the English ones,
        pages due and overdue for review, contributions in the queue and a working demo API key (issue 14)."""
        adoptions = Adoption.objects.public()
        for status in AdoptionStatus.values:
            councils = set(adoptions.filter(status=status).values_list("council", flat=True))
            assert len(councils) >= 2, f"fewer than two councils have a {status} adoption"
        school = models.ServicePatternPage.objects.get(slug="apply-for-a-school-place", locale__language_code="en")
        assert "Used by 4 councils" in client.get(school.url).content.decode()
        reuse = client.get("/reuse/").content.decode()
        assert "Primary school places" in reuse and "Household waste collection" in reuse

        published = Assessment.objects.filter(live=True)
        assert set(published.values_list("standard__slug", flat=True)) == {
            "govuk-service-standard",
            "local-government-digital-service-standard",
        }
        assert all(assessment.outcomes.exists() for assessment in published)
        assert client.get("/api/v1/assessments/").json()["count"] == published.count()

        today = timezone.localdate()
        due = pages_due_for_review(today)
        assert any(page.review_by < today for page in due), "no page is overdue"
        assert any(page.review_by >= today for page in due), "no page is due soon"

        queue = Contribution.objects.filter(status=ContributionStatus.NEW)
        assert queue.count() >= 3 and all(item.confirmed_at for item in queue)

        raw = credentials.read()["demo_api_key"]
        key = ApiKey.objects.active().get(key_hash=hash_key(raw))
        assert key.councils.exists()
        response = client.get("/api/v1/patterns/?limit=1", HTTP_AUTHORIZATION=f"Bearer {raw}")
        assert response.status_code == 200 and response.json()["count"] >= 12

    def test_demo_welsh_pages_are_translations_of_the_english_ones(self, client):
        """The home page, 3+ patterns, 2+ processes, every pattern type and life event have Welsh translations
        made through wagtail-localize (same translation key, a translation source); /cy/ lists them as recent."""
        welsh, english = Locale.objects.get(language_code="cy"), Locale.get_default()
        home = models.HomePage.objects.get(locale=welsh)
        assert home.live and home.title == "Llyfrgell Patrymau Llywodraeth Leol"
        assert home.translation_key == models.HomePage.objects.get(locale=english).translation_key
        welsh_patterns = models.ServicePatternPage.objects.live().filter(locale=welsh)
        welsh_processes = models.ProcessPage.objects.live().filter(locale=welsh)
        assert welsh_patterns.count() >= 3 and welsh_processes.count() >= 2
        for page in [*welsh_patterns, *welsh_processes]:
            source_page = page.get_translation(english)
            assert page.title != source_page.title, page.slug
            assert TranslationSource.objects.get_for_instance_or_none(source_page) is not None
            assert page.url.startswith("/cy/")
        for model in (models.PatternType, models.LifeEvent):
            english_items = model.objects.filter(locale=english)
            assert model.objects.filter(locale=welsh).count() == english_items.count()
            for item in english_items:
                assert item.get_translation(welsh).name != item.name
        badge = welsh_patterns.get(slug="apply-for-a-blue-badge")
        assert badge.pattern_type.locale == welsh and badge.pattern_type.name == "Gwneud cais"

        html = client.get("/cy/").content.decode()
        assert "Llyfrgell Patrymau Llywodraeth Leol" in html
        assert "Gwneud cais am Fathodyn Glas" in html and "Asesu cais am Fathodyn Glas" in html
        page = client.get(badge.url).content.decode()
        assert "Gwneud cais am Fathodyn Glas" in page and 'lang="cy"' in page

        # Links chosen in the editor lead to the Welsh pages (a translation keeps its original's choices): a
        # pattern step to the Welsh process's step, under its Welsh title; the process to the Welsh pattern.
        page = client.get(welsh_patterns.get(slug="register-a-death").url).content.decode()
        assert 'href="/cy/processes/register-a-death/#' in page and "Trefnu apwyntiad gyda chofrestrydd" in page
        assert 'href="/processes/register-a-death/' not in page and "Book an appointment with a registrar" not in page
        page = client.get(welsh_processes.get(slug="register-a-death").url).content.decode()
        assert 'href="/cy/patterns/register-a-death/' in page and 'href="/patterns/register-a-death/' not in page
        # Life events chosen for a pattern or a service are shown in Welsh where they have a translation.
        for url in (welsh_patterns.get(slug="register-a-death").url, "/cy/services/321/"):
            page = client.get(url, follow=True).content.decode()
            assert "Delio â marwolaeth" in page and "Dealing with a death" not in page, url

    def test_the_step_table_says_what_the_picture_says_on_every_demo_process(self, client):
        """Each published demo process page: both drawings and the steps table list the same ways on."""
        from tests.pattern_pages.test_process_picture import assert_step_tables_say_what_the_pictures_say

        assert_step_tables_say_what_the_pictures_say(client)
