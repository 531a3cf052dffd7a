"""The review cycle: the "Due for review" report, its CSV export, and the daily reminders."""

import csv
import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from editorial.models import ReviewReminder
from editorial.review import add_months
from editorial.tasks import send_review_reminders
from tests import factories

TODAY = timezone.localdate


def published(page, user, review_by):
    page.review_by = review_by
    page.save_revision(user=user).publish(user=user)
    return page


@pytest.fixture
def due_pages(pattern_index, process_index, users, council):
    """An overdue pattern, a process due in ten days, and a pattern not due for a year."""
    other_council = factories.CouncilFactory(official_name="Kent County Council")
    publisher = users["Publisher"]
    overdue = factories.ServicePatternPageFactory(
        parent=pattern_index, title="Register a birth", owner_council=council, live=False
    )
    soon = factories.ProcessPageFactory(
        parent=process_index, title="Decide a school place", owner_council=other_council, live=False
    )
    later = factories.ServicePatternPageFactory(parent=pattern_index, title="Book a tip slot", live=False)
    return {
        "overdue": published(overdue, publisher, TODAY() - datetime.timedelta(days=3)),
        "soon": published(soon, publisher, TODAY() + datetime.timedelta(days=10)),
        "later": published(later, publisher, TODAY() + datetime.timedelta(days=365)),
        "other_council": other_council,
    }


def test_add_months_keeps_the_day_or_uses_the_months_last():
    """Twelve months after 29 February is 28 February."""
    assert add_months(datetime.date(2024, 2, 29), 12) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2024, 11, 15), 3) == datetime.date(2025, 2, 15)


def test_due_for_review_lists_overdue_and_soon_due_pages_with_council_and_publisher(client, users, due_pages):
    """The report shows overdue and soon-due pages, their owner council and who last published them."""
    client.force_login(users["Contributor"])
    response = client.get(reverse("editorial_due_for_review"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Register a birth" in html and "Decide a school place" in html
    assert "Book a tip slot" not in html
    assert "Essex County Council" in html and "Kent County Council" in html
    assert "Overdue" in html and "publisher" in html


def test_due_for_review_filters_by_due_state_council_and_type(client, users, due_pages):
    """Filtering narrows the report to overdue pages, one council's pages, or one type."""
    client.force_login(users["Publisher"])
    url = reverse("editorial_due_for_review")
    overdue_only = client.get(url, {"due": "overdue"}).content.decode()
    assert "Register a birth" in overdue_only and "Decide a school place" not in overdue_only
    kent = client.get(url, {"owner_council": due_pages["other_council"].pk}).content.decode()
    assert "Decide a school place" in kent and "Register a birth" not in kent
    processes = client.get(url, {"kind": "process"}).content.decode()
    assert "Decide a school place" in processes and "Register a birth" not in processes


def test_due_for_review_exports_csv(client, users, due_pages):
    """The CSV export has one row per due page with the review date, state, council and last publisher."""
    client.force_login(users["Publisher"])
    response = client.get(reverse("editorial_due_for_review"), {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Title"] for row in rows] == ["Register a birth", "Decide a school place"]
    first = rows[0]
    assert first["Review by"] == (TODAY() - datetime.timedelta(days=3)).isoformat()
    assert first["Review state"] == "Overdue"
    assert first["Owner council"] == "Essex County Council"
    assert first["Last published by"] == "publisher"
    assert first["Type"] == "Service pattern"
    # Processes have a maturity and a version too, and the report shows both kinds'.
    process = rows[1]
    assert (process["Type"], process["Maturity"], process["Version"]) == ("Process", "Experimental", "0.1.0")
    assert (first["Maturity"], first["Version"]) == ("Beta", "1.0.0")


def test_reminders_go_to_the_owning_councils_contributors_once_a_day(users, make_user, due_pages, council):
    """The daily task emails the owner council's contributors, and a second run the same day sends nothing."""
    colleague = make_user("Contributor", username="colleague", council=council)
    outsider = make_user("Contributor", username="outsider", council=factories.CouncilFactory())
    mail.outbox.clear()
    result = send_review_reminders.enqueue()
    assert result.return_value == 2
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted([users["Contributor"].email, colleague.email])
    assert outsider.email not in recipients
    assert mail.outbox[0].subject == "Review overdue: Register a birth"
    assert ReviewReminder.objects.count() == 2

    mail.outbox.clear()
    assert send_review_reminders.enqueue().return_value == 0
    assert mail.outbox == []


def test_the_report_is_not_for_people_without_an_editorial_role(client, make_user, db):
    """Someone with admin access but no page permissions cannot open the report."""
    from django.contrib.auth.models import Permission

    user = make_user("Contributor", username="no-role")
    user.groups.clear()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(reverse("editorial_due_for_review"))
    assert response.status_code in (302, 403)


def test_editors_titles_cannot_start_a_formula_in_the_report_downloads(client, pattern_index, users):
    """Page titles are inert in "Due for review" (CSV, XLSX), "Translation status" and Wagtail's site history."""
    from tests.spreadsheets import HOSTILE, assert_inert, csv_cells, xlsx_cells

    titles = []
    for name, value in HOSTILE.items():
        page = factories.ServicePatternPageFactory(parent=pattern_index, title=value, slug=name.replace(" ", "-"))
        published(page, users["Publisher"], TODAY() - datetime.timedelta(days=1))
        titles.append(page.title)
    client.force_login(users["Administrator"])
    due = reverse("editorial_due_for_review")
    assert_inert(csv_cells(client.get(due, {"export": "csv"})), *titles)
    assert_inert(xlsx_cells(client.get(due, {"export": "xlsx"})), *titles)
    assert_inert(csv_cells(client.get(reverse("editorial_translation_status"), {"export": "csv"})), *titles)
    assert_inert(xlsx_cells(client.get(reverse("editorial_translation_status"), {"export": "xlsx"})), *titles)
    history = reverse("wagtailadmin_reports:site_history")
    assert_inert(csv_cells(client.get(history, {"export": "csv"})), *titles)
    assert_inert(xlsx_cells(client.get(history, {"export": "xlsx"})), *titles)
