import csv
import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.urls import reverse

from contributions.models import Adoption, AdoptionSource, Contribution, ContributionStatus
from pattern_pages.models import ProcessPage, ServicePatternPage
from tests import factories


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.com", "password")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def contribution(db):
    return factories.ContributionFactory()


def review_url(contribution):
    return reverse("contribution:edit", args=[contribution.pk])


def action_url(contribution, name):
    return reverse(f"contribution_actions:{name}", args=[contribution.pk])


def test_queue_lists_confirmed_contributions_only(editor_client, contribution):
    """The queue shows confirmed contributions; unconfirmed ones stay out of it."""
    unconfirmed = factories.ContributionFactory(
        status=ContributionStatus.UNCONFIRMED, service=None, service_name="Unconfirmed thing"
    )
    html = editor_client.get(reverse("contribution:index")).content.decode()
    assert contribution.service.name in html
    assert unconfirmed.service_name not in html


def test_queue_flags_addresses_off_the_council_domain(editor_client, contribution):
    """A contribution needing manual review says so on its review page."""
    contribution.email = "jo@gmail.com"
    contribution.needs_manual_review = True
    contribution.save()
    html = editor_client.get(review_url(contribution)).content.decode()
    assert "Check who sent this" in html
    assert "gmail.com" in html


def test_review_page_shows_what_the_council_said(editor_client, contribution):
    """The review page shows the steps and the actions."""
    html = editor_client.get(review_url(contribution)).content.decode()
    assert "Choose the bin" in html
    assert "Record adoption" in html


def test_turn_into_adoption(editor_client, contribution, pattern_page):
    """An editor turns a contribution into an approved adoption; the contributor is emailed."""
    response = editor_client.post(
        action_url(contribution, "adoption"), {"adoption-pattern": pattern_page.pk, "adoption-status": "live"}
    )
    adoption = Adoption.objects.get()
    assert response.status_code == 302
    assert adoption.council == contribution.council and adoption.pattern == pattern_page
    assert adoption.is_approved and adoption.source == AdoptionSource.CONTRIBUTION
    assert list(adoption.services.all()) == [contribution.service]
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.MERGED and contribution.result_adoption == adoption
    assert mail.outbox[-1].to == [contribution.email]
    assert "now listed as using this pattern" in mail.outbox[-1].body


def test_adoption_needs_a_page(editor_client, contribution):
    """Recording an adoption without a pattern or process is refused with a message."""
    response = editor_client.post(action_url(contribution, "adoption"), {"adoption-status": "live"}, follow=True)
    assert "Choose the service pattern or the process" in response.content.decode()
    assert not Adoption.objects.exists()


def test_second_adoption_of_the_same_page_is_refused(editor_client, contribution, pattern_page):
    """A council adopts a page once; a second adoption is refused, the contribution left in the queue."""
    factories.AdoptionFactory(council=contribution.council, pattern=pattern_page)
    response = editor_client.post(
        action_url(contribution, "adoption"),
        {"adoption-pattern": pattern_page.pk, "adoption-status": "live"},
        follow=True,
    )
    assert "already has an adoption" in response.content.decode()
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.NEW


def test_turn_into_draft_pattern(editor_client, contribution, pattern_index):
    """A draft pattern is created, not live, with the contributed steps; the editor lands on its edit page."""
    pattern_type = factories.PatternTypeFactory(slug="tell")
    response = editor_client.post(action_url(contribution, "draft_pattern"), {"draft-pattern_type": pattern_type.pk})
    page = ServicePatternPage.objects.get(owner_council=contribution.council)
    assert response.headers["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert not page.live
    assert [step.value["title"] for step in page.steps] == contribution.steps
    assert list(page.services.all()) == [contribution.service]
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.MERGED and contribution.result_page.pk == page.pk
    assert len(mail.outbox) == 1


def test_turn_into_draft_process(editor_client, contribution, process_index):
    """A draft process is created, not live, its steps done by the resident until an editor says otherwise."""
    editor_client.post(action_url(contribution, "draft_process"))
    page = ProcessPage.objects.get(owner_council=contribution.council)
    assert not page.live
    assert [step.value["title"] for step in page.steps] == contribution.steps
    assert all(step.value["role"] == "Resident" for step in page.steps)


def test_attach_to_existing_page(editor_client, contribution, process_page):
    """Attaching keeps the contribution as evidence for the page and merges it."""
    editor_client.post(action_url(contribution, "attach"), {"attach-page": process_page.pk})
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.MERGED
    assert contribution.result_page.pk == process_page.pk
    assert len(mail.outbox) == 1


def test_decline_needs_a_reason_and_emails_it(editor_client, contribution):
    """Declining without a reason is an error; with one, the contributor is emailed the reason."""
    url = review_url(contribution)
    response = editor_client.post(url, {"status": "declined", "decline_reason": "", "editor_notes": ""})
    assert response.status_code == 200
    assert "Enter the reason for declining" in response.content.decode()
    editor_client.post(
        url, {"status": "declined", "decline_reason": "We already have this pattern.", "editor_notes": ""}
    )
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.DECLINED
    assert "We already have this pattern." in mail.outbox[-1].body


def test_triage_sends_no_email(editor_client, contribution):
    """Moving a contribution into triage tells nobody."""
    editor_client.post(
        review_url(contribution), {"status": "in-triage", "decline_reason": "", "editor_notes": "Call Jo"}
    )
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.IN_TRIAGE
    assert mail.outbox == []


def test_actions_need_the_change_permission(client, django_user_model, contribution, pattern_page):
    """An admin user without the permission to change contributions cannot act on them."""
    user = django_user_model.objects.create_user("viewer", "viewer@example.com", "password")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail's admin turns a refusal into a redirect to the dashboard with an error message.
    response = client.post(action_url(contribution, "adoption"), {"adoption-pattern": pattern_page.pk})
    assert (response.status_code, response.headers["Location"]) == (302, "/admin/")
    assert client.get(review_url(contribution)).headers["Location"] == "/admin/"
    assert not Adoption.objects.exists()


def test_merged_contribution_cannot_be_merged_again(editor_client, contribution, pattern_page):
    """Actions only apply to contributions still in the queue."""
    contribution.status = ContributionStatus.MERGED
    contribution.save()
    response = editor_client.post(action_url(contribution, "adoption"), {"adoption-pattern": pattern_page.pk})
    assert response.status_code == 404


def test_admin_has_no_add_contribution(editor_client, db):
    """Contributions only come from the public form."""
    html = editor_client.get(reverse("contribution:index")).content.decode()
    assert "/admin/contribution/new/" not in html


def test_new_adoption_by_an_editor_starts_approved(editor_client, db):
    """The adoption form ticks 'approved' for an editor's own adoption."""
    html = editor_client.get(reverse("adoption:add")).content.decode()
    assert re.search(r'<input type="checkbox" name="is_approved"[^>]*\bchecked', html)


def test_feedback_counts_csv(editor_client, pattern_page, process_page):
    """The feedback counts download has one row per page with yes, no and comment counts."""
    factories.FeedbackFactory(page=pattern_page, useful=True)
    factories.FeedbackFactory(page=pattern_page, useful=False, comment="Missing the payment step")
    factories.FeedbackFactory(page=process_page, useful=False)
    response = editor_client.get(reverse("feedback_counts_csv"))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    by_page = {row["page"]: row for row in rows}
    assert by_page[pattern_page.title] == {
        "page_id": str(pattern_page.pk),
        "page": pattern_page.title,
        "useful": "1",
        "not_useful": "1",
        "comments": "1",
    }
    assert by_page[process_page.title]["not_useful"] == "1"


def test_feedback_button_on_the_page_in_the_admin(editor_client, pattern_page):
    """Editing a pattern shows its feedback counts, linking to the comments."""
    factories.FeedbackFactory(page=pattern_page, useful=True)
    html = editor_client.get(reverse("wagtailadmin_pages:edit", args=[pattern_page.pk])).content.decode()
    assert "Feedback: 1 useful, 0 not useful" in html


def test_feedback_listing_filters_by_page(editor_client, pattern_page, process_page):
    """The feedback listing can show one page's feedback."""
    factories.FeedbackFactory(page=pattern_page, comment="About the pattern")
    factories.FeedbackFactory(page=process_page, comment="About the process")
    html = editor_client.get(reverse("feedback:index") + f"?page={pattern_page.pk}").content.decode()
    assert "About the pattern" in html and "About the process" not in html


def test_contribution_str(db):
    """A contribution names its service and council, e.g. in the admin's breadcrumbs."""
    contribution = factories.ContributionFactory(service=None, service_name="Garden waste")
    assert str(contribution) == f"Garden waste – {contribution.council}"
    assert Contribution.objects.count() == 1
