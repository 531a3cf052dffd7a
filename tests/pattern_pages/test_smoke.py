from django.urls import reverse


def test_home_page_renders(client, pattern_page):
    """The home page renders in the GOV.UK template."""
    response = client.get("/")
    assert response.status_code == 200
    assert "Browse by pattern type" in response.content.decode()


def test_process_page_renders(client, process_page):
    """A process page shows its steps."""
    response = client.get(process_page.url)
    assert response.status_code == 200
    assert "Decide the application" in response.content.decode()


def test_admin_login_page(client, db):
    """The Wagtail admin is served at /admin/."""
    response = client.get(reverse("wagtailadmin_login"))
    assert response.status_code == 200
