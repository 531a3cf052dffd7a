import pytest
from django.core import signing
from django.template import Context, Template

from contributions.feedback import SIGNING_SALT
from contributions.models import Feedback
from tests import factories


def send(client, page, useful="yes", **extra):
    return client.post("/feedback/", {"page": page.pk, "useful": useful, **extra})


def test_feedback_form_needs_no_cookie(pattern_page):
    """The yes/no form has no CSRF token, so showing it on every pattern sets no cookie."""
    html = Template("{% load contribution_tags %}{% page_feedback page %}").render(Context({"page": pattern_page}))
    assert "Is this page useful?" in html
    assert "csrfmiddlewaretoken" not in html
    assert f'href="/contribute/?page={pattern_page.pk}"' in html
    assert "Discuss or improve this pattern" in html


def test_process_pages_say_process(process_page):
    """On a process, the link says 'Discuss or improve this process'."""
    html = Template("{% load contribution_tags %}{% page_feedback page %}").render(Context({"page": process_page}))
    assert "Discuss or improve this process" in html


def test_yes_is_stored_and_asks_for_a_comment(client, pattern_page):
    """Answering yes stores it and leads to the optional comment."""
    response = send(client, pattern_page, "yes")
    feedback = Feedback.objects.get()
    assert (feedback.page_id, feedback.useful) == (pattern_page.pk, True)
    html = client.get(response.headers["Location"]).content.decode()
    assert "How could we improve this page? (optional)" in html


def test_comment_is_stored_without_html(client, process_page):
    """The optional comment is stored with its HTML stripped, once."""
    location = send(client, process_page, "no").headers["Location"]
    client.post(location, {"comment": "<b>Missing</b> the appeal step"})
    client.post(location, {"comment": "Overwritten?"})
    feedback = Feedback.objects.get()
    assert feedback.useful is False
    assert feedback.comment == "Missing the appeal step"


def test_comment_too_long_is_an_error(client, pattern_page):
    """A comment over 1,200 characters is refused with a message, not cut short."""
    location = send(client, pattern_page).headers["Location"]
    response = client.post(location, {"comment": "x" * 1201})
    assert "Your comment must be 1,200 characters or fewer" in response.content.decode()
    assert Feedback.objects.get().comment == ""


def test_tampered_comment_reference_is_refused(client, pattern_page):
    """A comment link whose reference was altered or forged is not found."""
    feedback = factories.FeedbackFactory(page=pattern_page)
    forged = signing.dumps(feedback.pk, salt="another-salt")
    assert client.get(f"/feedback/{forged}/").status_code == 404
    good = signing.dumps(feedback.pk, salt=SIGNING_SALT)
    assert client.get(f"/feedback/{good[:-2]}xx/").status_code == 404


def test_feedback_only_for_live_patterns_and_processes(client, home_page):
    """Feedback about any other page is refused."""
    assert send(client, home_page).status_code == 404
    assert not Feedback.objects.exists()


def test_feedback_needs_yes_or_no(client, pattern_page):
    """A response without yes or no is a 400 that says what is missing."""
    response = client.post("/feedback/", {"page": pattern_page.pk})
    assert response.status_code == 400
    assert "Select yes or no" in response.content.decode()


def test_feedback_honeypot(client, pattern_page):
    """A filled honeypot stores nothing."""
    response = send(client, pattern_page, website="spam")
    assert response.status_code == 200
    assert not Feedback.objects.exists()


def test_feedback_rate_limit(client, pattern_page, settings):
    """Past the per-IP limit, feedback is refused with a 429."""
    settings.CONTRIBUTIONS_RATE_LIMITS = {**settings.CONTRIBUTIONS_RATE_LIMITS, "feedback_per_ip": (2, 3600)}
    send(client, pattern_page)
    send(client, pattern_page)
    response = send(client, pattern_page)
    assert response.status_code == 429
    assert Feedback.objects.count() == 2


@pytest.mark.parametrize("useful", ["yes", "no"])
def test_both_answers_are_counted(client, pattern_page, useful):
    """Yes and no are both stored as given."""
    send(client, pattern_page, useful)
    assert Feedback.objects.get().useful is (useful == "yes")


def test_feedback_downloads_neutralise_formulas(client, admin_client, pattern_page):
    """Anonymous comments and an editor's page title cannot start a formula in the CSV, XLSX and counts files."""
    from django.urls import reverse

    from tests.spreadsheets import HOSTILE, assert_inert, csv_cells, xlsx_cells

    pattern_page.title = HOSTILE["equals"]
    pattern_page.save()
    for value in HOSTILE.values():
        location = send(client, pattern_page, "no").headers["Location"]
        client.post(location, {"comment": value})
    comments = [value.strip() for value in HOSTILE.values()]  # the form trims the comment, as for any text
    assert sorted(Feedback.objects.values_list("comment", flat=True)) == sorted(comments)

    index = reverse("feedback:index")
    assert_inert(csv_cells(admin_client.get(index, {"export": "csv"})), *comments)
    assert_inert(xlsx_cells(admin_client.get(index, {"export": "xlsx"})), *comments)
    assert_inert(csv_cells(admin_client.get(reverse("feedback_counts_csv"))), HOSTILE["equals"])


def test_a_comment_is_stored_without_control_characters(client, pattern_page):
    """A feedback comment with \\x01 and \\x0b is stored without them, its line breaks kept."""
    location = send(client, pattern_page, "no").headers["Location"]
    client.post(location, {"comment": "Too\x01 slow\n\x0bto find"})
    assert Feedback.objects.get().comment == "Too slow\nto find"
