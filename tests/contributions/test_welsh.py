"""A Welsh reader contributes in Welsh and hears back in Welsh, whatever language the editor works in."""

import re

from django.core import mail
from django.utils import translation

from contributions.emails import send_outcome
from contributions.models import Contribution, ContributionStatus


def test_the_contribute_journey_and_its_emails_are_welsh_at_cy(fill_in, answers):
    """At /cy/ the questions, the confirmation email and its link are Welsh; the outcome email follows the
    contributor's language even when an editor using the admin in English declines it."""
    client = fill_in()  # the session's answers; the journey's pages are the same under /cy/
    welsh_start = client.get("/cy/contribute/").content.decode()
    assert "Dechrau nawr" in welsh_start and "Start now" not in welsh_start
    welsh_question = client.get("/cy/contribute/council/").content.decode()
    assert "I ba gyngor rydych chi'n gweithio?" in welsh_question.replace("&#x27;", "'")
    error = client.post("/cy/contribute/your-details/", {"contributor_name": "", "contributor_role": "", "email": "x"})
    assert "Rhowch eich enw llawn" in error.content.decode() and "Enter your full name" not in error.content.decode()

    response = client.post("/cy/contribute/check-answers/")
    assert response.status_code == 302 and response.headers["Location"].startswith("/cy/")
    contribution = Contribution.objects.get()
    assert contribution.language == "cy"
    confirmation = mail.outbox[-1]
    assert confirmation.subject == "Cadarnhewch eich cyfraniad i'r Llyfrgell Patrymau Llywodraeth Leol"
    assert "Cadarnhewch eich cyfraniad drwy agor y ddolen hon:" in confirmation.body
    assert re.search(r"http://localhost/cy/contribute/confirm/\S+/", confirmation.body)

    contribution.status = ContributionStatus.DECLINED
    contribution.decline_reason = "Mae gennym batrwm ar gyfer hyn yn barod."
    with translation.override("en"):  # the editor's admin is in English
        send_outcome(contribution)
    outcome = mail.outbox[-1]
    assert outcome.subject.startswith("Eich cyfraniad i'r Llyfrgell Patrymau Llywodraeth Leol")
    assert "wedi penderfynu peidio â'i ddefnyddio" in outcome.body
    assert "decided not to use it" not in outcome.body


def test_an_english_contribution_hears_back_in_english_from_a_welsh_admin(fill_in):
    """The reverse: an editor working in Welsh declines an English contribution; the email is English."""
    client = fill_in()
    client.post("/contribute/check-answers/")
    contribution = Contribution.objects.get()
    assert contribution.language == "en"
    contribution.status = ContributionStatus.DECLINED
    contribution.decline_reason = "We already have a pattern for this."
    with translation.override("cy"):
        send_outcome(contribution)
    assert "decided not to use it" in mail.outbox[-1].body
