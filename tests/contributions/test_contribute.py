import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from contributions.models import ConfirmationToken, Contribution, ContributionStatus
from tests import factories


def confirm_link(message):
    return re.search(r"http://localhost(/contribute/confirm/[^/\s]+/)", message.body).group(1)  # on SITE_URL


def test_start_page_links_to_the_first_question(client, db):
    """The start page explains the form and starts with the council question."""
    response = client.get("/contribute/")
    assert response.status_code == 200
    assert 'href="/contribute/council/"' in response.content.decode()


def test_council_question_is_a_plain_select_of_current_councils(client, council):
    """Councils are offered in a <select> that works without JavaScript; abolished ones are left out."""
    factories.CouncilFactory(official_name="Abolished District Council", is_current=False)
    html = client.get("/contribute/council/").content.decode()
    assert '<select class="govuk-select" id="id_council" name="council"' in html
    assert "Essex County Council" in html
    assert "Abolished District Council" not in html


def test_missing_answer_shows_error_summary_and_inline_error(client, council):
    """An empty answer gets the GOV.UK error summary linking to the field, and an inline error."""
    response = client.post("/contribute/council/", {"council": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in html
    assert 'class="govuk-error-summary"' in html
    assert '<a href="#id_council">Select the council you work for</a>' in html
    assert 'id="id_council-error"' in html


def test_invalid_email_keeps_what_was_typed(client, council):
    """A validation error shows the answers again, so nothing typed is lost."""
    response = client.post(
        "/contribute/your-details/",
        {"contributor_name": "Jo Bloggs", "contributor_role": "Designer", "email": "not-an-email"},
    )
    html = response.content.decode()
    assert "Enter an email address in the correct format" in html
    assert 'value="Jo Bloggs"' in html
    assert 'value="not-an-email"' in html


def test_answers_are_kept_when_going_back(client, council):
    """An answered page shows the answer again when the user comes back to it."""
    client.post("/contribute/council/", {"council": str(council.pk)})
    html = client.get("/contribute/council/").content.decode()
    assert f'<option value="{council.pk}" selected>' in html


def test_each_page_leads_to_the_next_and_the_last_to_check_answers(client, answers):
    """Continue goes to the next question; after the last one, to check answers."""
    for position, (slug, data) in enumerate(answers):
        response = client.post(f"/contribute/{slug}/", data)
        expected = (
            f"/contribute/{answers[position + 1][0]}/" if position + 1 < len(answers) else "/contribute/check-answers/"
        )
        assert response.headers["Location"] == expected


def test_check_answers_lists_every_answer(fill_in, council, service, life_event):
    """Check answers shows every answer with a Change link."""
    client = fill_in()
    html = client.get("/contribute/check-answers/").content.decode()
    for text in [council.official_name, "Jo Bloggs", "jo@essex.gov.uk", service.name, "Choose the bin", "Moving home"]:
        assert text in html
    assert 'href="/contribute/steps/?change=1"' in html


def test_check_answers_sends_unanswered_users_to_the_first_missing_question(client, council):
    """Skipping ahead to check answers goes back to the first question without an answer."""
    client.post("/contribute/council/", {"council": str(council.pk)})
    response = client.get("/contribute/check-answers/")
    assert response.headers["Location"] == "/contribute/your-details/"


def test_change_link_returns_to_check_answers(fill_in):
    """After changing an answer from check answers, Continue goes back to check answers."""
    client = fill_in()
    response = client.post("/contribute/share/?change=1", {"would_share_process": "no"})
    assert response.headers["Location"] == "/contribute/check-answers/"


def test_service_is_required_from_the_list_or_as_free_text(client, service):
    """The service question needs either a listed service or the service's name."""
    html = client.post("/contribute/service/", {"service": "", "service_name": ""}).content.decode()
    assert "Select the service, or tell us what it is called" in html
    response = client.post("/contribute/service/", {"service": "", "service_name": "Garden waste permits"})
    assert response.status_code == 302


def test_service_search_narrows_the_list(client, service):
    """Searching the service list by name or LGSL code leaves only the matching services."""
    factories.ServiceFactory(name="Apply for a school place", lgsl_code=10)
    html = client.get("/contribute/service/", {"q": "missed bin"}).content.decode()
    assert "Report a missed bin collection (LGSL 524)" in html
    assert "Apply for a school place" not in html
    html = client.get("/contribute/service/", {"q": "524"}).content.decode()
    assert "Report a missed bin collection (LGSL 524)" in html


def test_add_another_step_keeps_the_steps_typed(client, db):
    """'Add another step' keeps what was typed and adds an empty box, focused by the fragment."""
    response = client.post("/contribute/steps/", {"step_1": "Find the form", "action": "add"})
    assert response.headers["Location"] == "/contribute/steps/#id_step_2"
    html = client.get("/contribute/steps/").content.decode()
    assert 'value="Find the form"' in html
    assert 'id="id_step_2"' in html


def test_remove_a_step(client, db):
    """'Remove' takes out that step and keeps the others."""
    client.post("/contribute/steps/", {"step_1": "One", "step_2": "Two", "step_3": "Three", "action": "remove-2"})
    html = client.get("/contribute/steps/").content.decode()
    assert 'value="One"' in html and 'value="Three"' in html
    assert 'value="Two"' not in html


def test_at_least_one_step_is_needed(client, db):
    """Continuing with no steps is an error on the first step's box."""
    html = client.post("/contribute/steps/", {"step_1": "", "action": "continue"}).content.decode()
    assert '<a href="#id_step_1">Enter at least one step the resident goes through</a>' in html


@pytest.mark.parametrize(
    ("slug", "data", "message"),
    [
        (
            "your-details",
            {"contributor_name": "x" * 201, "contributor_role": "r", "email": "a@b.gov.uk"},
            "Full name must be 200 characters or fewer",
        ),
        ("steps", {"step_1": "x" * 301, "action": "continue"}, "Step 1 must be 300 characters or fewer"),
        ("steps", {"step_1": "x" * 301, "action": "add"}, "Step 1 must be 300 characters or fewer"),
        ("systems", {"systems": "x" * 1001, "live_url": ""}, "Systems or suppliers must be 1,000 characters or fewer"),
        ("service", {"service": "", "service_name": "x" * 201}, "The service name must be 200 characters or fewer"),
    ],
)
def test_size_limits_are_errors_not_truncation(client, db, slug, data, message):
    """An answer over its size limit is an error naming the field; nothing is cut short silently."""
    response = client.post(f"/contribute/{slug}/", data)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_html_is_stripped_from_answers(fill_in):
    """Markup in an answer is removed before it is stored."""
    client = fill_in(
        your_details={"contributor_name": "<b>Jo</b> <script>alert(1)</script>Bloggs"},
        steps={"step_1": '<a href="https://evil.example">Pay</a> the fee', "step_2": ""},
    )
    client.post("/contribute/check-answers/")
    contribution = Contribution.objects.get()
    assert contribution.contributor_name == "Jo alert(1)Bloggs"
    assert contribution.steps == ["Pay the fee"]


def test_sending_stores_an_unconfirmed_contribution_and_emails_a_link(fill_in, council, service, life_event):
    """Sending stores the contribution, unconfirmed and out of the queue, and emails a confirmation link."""
    client = fill_in()
    response = client.post("/contribute/check-answers/")
    assert response.headers["Location"] == "/contribute/check-your-email/"
    contribution = Contribution.objects.get()
    assert contribution.status == ContributionStatus.UNCONFIRMED
    assert contribution.council == council and contribution.service == service
    assert contribution.steps == ["Tell us the address", "Choose the bin"]
    assert list(contribution.life_events.all()) == [life_event]
    assert contribution.needs_manual_review is False
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["jo@essex.gov.uk"]
    assert "jo@essex.gov.uk" in client.get("/contribute/check-your-email/").content.decode()
    # The answers are cleared, so a second visit starts again.
    assert client.get("/contribute/check-answers/").headers["Location"] == "/contribute/council/"


def test_confirmation_link_is_on_the_sites_address(fill_in, settings):
    """The emailed link uses SITE_URL, not the host the form was sent to (before: the request's host)."""
    settings.SITE_URL = "https://patterns.example.org"
    client = fill_in()
    client.post("/contribute/check-answers/", HTTP_HOST="internal:8080")
    assert re.search(r"https://patterns\.example\.org/contribute/confirm/[^/\s]+/", mail.outbox[0].body)
    assert "internal:8080" not in mail.outbox[0].body


def test_confirming_moves_the_contribution_into_the_queue(fill_in):
    """Opening the link shows a button; pressing it puts the contribution in the editors' queue."""
    client = fill_in()
    client.post("/contribute/check-answers/")
    link = confirm_link(mail.outbox[0])
    assert client.get(link).status_code == 200
    assert Contribution.objects.get().status == ContributionStatus.UNCONFIRMED  # opening alone confirms nothing
    response = client.post(link)
    assert response.status_code == 200
    assert "Contribution sent" in response.content.decode()
    contribution = Contribution.objects.get()
    assert contribution.status == ContributionStatus.NEW
    assert contribution.confirmed_at is not None


def test_token_is_single_use(fill_in):
    """A confirmation link works once; using it again says it has been used."""
    client = fill_in()
    client.post("/contribute/check-answers/")
    link = confirm_link(mail.outbox[0])
    client.post(link)
    for method in (client.get, client.post):
        response = method(link)
        assert response.status_code == 410
        assert "already been used" in response.content.decode()


def test_expired_token_is_refused(fill_in):
    """A confirmation link older than CONTRIBUTIONS_CONFIRMATION_HOURS no longer confirms."""
    client = fill_in()
    client.post("/contribute/check-answers/")
    link = confirm_link(mail.outbox[0])
    ConfirmationToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = client.post(link)
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()
    assert Contribution.objects.get().status == ContributionStatus.UNCONFIRMED


def test_token_lifetime_comes_from_settings(fill_in, settings):
    """The token expires CONTRIBUTIONS_CONFIRMATION_HOURS after it is sent."""
    settings.CONTRIBUTIONS_CONFIRMATION_HOURS = 2
    fill_in().post("/contribute/check-answers/")
    token = ConfirmationToken.objects.get()
    assert 7190 < (token.expires_at - token.created_at).total_seconds() <= 7200


@pytest.mark.parametrize("change", ["last-character", "truncated", "garbage"])
def test_tampered_token_is_refused(fill_in, change):
    """A link whose token was altered matches no contribution and confirms nothing."""
    client = fill_in()
    client.post("/contribute/check-answers/")
    link = confirm_link(mail.outbox[0])
    token = link.split("/")[-2]
    altered = {
        "last-character": token[:-1] + ("A" if token[-1] != "A" else "B"),
        "truncated": token[:20],
        "garbage": "x" * 200,
    }[change]
    response = client.post(reverse("contributions:confirm", args=[altered]))
    assert response.status_code == 404
    assert Contribution.objects.get().status == ContributionStatus.UNCONFIRMED


def test_only_the_token_hash_is_stored(fill_in):
    """The raw token is only in the email: the database holds its SHA-256."""
    client = fill_in()
    client.post("/contribute/check-answers/")
    token = confirm_link(mail.outbox[0]).split("/")[-2]
    assert not ConfirmationToken.objects.filter(token_hash=token).exists()
    assert ConfirmationToken.objects.find(token) is not None


@pytest.mark.parametrize(
    ("email", "flagged"),
    [
        ("jo@essex.gov.uk", False),
        ("jo@schools.essex.gov.uk", False),
        ("jo@gmail.com", True),
        ("jo@notessex.gov.uk", True),
        ("jo@essex.gov.uk.evil.example", True),
    ],
)
def test_email_off_the_council_domain_is_flagged(fill_in, email, flagged):
    """An address not on the council's website domain (or a subdomain) is flagged for manual review."""
    fill_in(your_details={"email": email}).post("/contribute/check-answers/")
    assert Contribution.objects.get().needs_manual_review is flagged


def test_honeypot_keeps_nothing_and_sends_nothing(fill_in):
    """A filled-in honeypot looks like success but stores no contribution and sends no email."""
    client = fill_in()
    response = client.post("/contribute/check-answers/", {"website": "http://spam.example"})
    assert response.headers["Location"] == "/contribute/check-your-email/"
    assert not Contribution.objects.exists()
    assert mail.outbox == []


def test_honeypot_on_an_earlier_page_is_remembered(fill_in):
    """A bot that fills the honeypot on any question is caught when it sends."""
    client = fill_in(council={"website": "spam"})
    client.post("/contribute/check-answers/")
    assert not Contribution.objects.exists()


def test_rate_limit_per_ip(fill_in, settings):
    """Past the per-IP limit, sending is refused with a 429 and the answers are kept."""
    settings.CONTRIBUTIONS_RATE_LIMITS = {**settings.CONTRIBUTIONS_RATE_LIMITS, "contribution_per_ip": (2, 3600)}
    for number in range(2):
        fill_in(your_details={"email": f"person{number}@essex.gov.uk"}).post("/contribute/check-answers/")
    client = fill_in(your_details={"email": "third@essex.gov.uk"})
    response = client.post("/contribute/check-answers/")
    assert response.status_code == 429
    assert "too many contributions" in response.content.decode()
    assert Contribution.objects.count() == 2
    assert client.get("/contribute/check-answers/").status_code == 200  # answers kept


def test_rate_limit_per_email(fill_in, settings, client):
    """Past the per-email limit, the same address is refused even from another IP address."""
    settings.CONTRIBUTIONS_RATE_LIMITS = {**settings.CONTRIBUTIONS_RATE_LIMITS, "contribution_per_email": (1, 3600)}
    fill_in().post("/contribute/check-answers/")
    client = fill_in()
    response = client.post("/contribute/check-answers/", REMOTE_ADDR="10.0.0.99")
    assert response.status_code == 429
    assert Contribution.objects.count() == 1


def test_rate_limit_per_ip_ignores_a_rotating_forwarded_for(fill_in, settings):
    """A new X-Forwarded-For with each contribution is not a new address: the per-address limit holds."""
    settings.CONTRIBUTIONS_RATE_LIMITS = {**settings.CONTRIBUTIONS_RATE_LIMITS, "contribution_per_ip": (2, 3600)}
    statuses = []
    for number in range(3):
        client = fill_in(your_details={"email": f"person{number}@essex.gov.uk"})
        forwarded = {"HTTP_X_FORWARDED_FOR": f"192.0.2.{number}"}
        statuses.append(client.post("/contribute/check-answers/", **forwarded).status_code)
    assert statuses == [302, 302, 429]
    assert Contribution.objects.count() == 2


def test_discuss_link_prefills_the_page_and_its_service(client, pattern_page, service):
    """Coming from 'Discuss or improve this pattern' records the page and pre-selects its service."""
    pattern_page.services.add(service)
    pattern_page.save_revision().publish()
    html = client.get(f"/contribute/?page={pattern_page.pk}").content.decode()
    assert pattern_page.title in html
    assert f'<option value="{service.pk}" selected>' in client.get("/contribute/service/").content.decode()


def test_welsh_form_is_served_under_cy(client, council):
    """The form is also served in the Welsh locale's URL space."""
    assert client.get("/cy/contribute/council/").status_code == 200


def test_every_cookie_the_form_sets_is_listed_on_the_cookies_page(client, fill_in):
    """The contribute form needs a session and a CSRF cookie; the cookies page names each one it sets."""
    import re

    set_cookies = set(client.get("/contribute/council/").cookies)
    fill_in()
    set_cookies |= set(client.cookies)
    listed = set(re.findall(r'data-cookie-name="([^"]+)"', client.get("/cookies/").content.decode()))
    assert set_cookies, "the form is expected to set its essential cookies"
    assert set_cookies <= listed, f"not on the cookies page: {set_cookies - listed}"


def test_control_characters_are_stripped_from_what_a_council_sends(fill_in):
    """Name, steps (a JSON list) and systems typed with control characters are stored without them."""
    client = fill_in(
        your_details={"contributor_name": "Jo\x01 Bloggs"},
        steps={"step_1": "Tell us\x0b the address", "step_2": "Choose the bin\x1f"},
        systems={"systems": "Firmstep\x02 forms"},
    )
    client.post("/contribute/check-answers/")
    contribution = Contribution.objects.get()
    assert contribution.contributor_name == "Jo Bloggs"
    assert contribution.steps == ["Tell us the address", "Choose the bin"]
    assert contribution.systems == "Firmstep forms"
