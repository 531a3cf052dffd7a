from assessments.models import ServiceStandard


def test_every_install_has_both_standards_with_their_points(db):
    """The data migration loads the LGDSS (15 points) and the GOV.UK Service Standard (14 points), numbered from 1."""
    lgdss = ServiceStandard.objects.get(slug="local-government-digital-service-standard")
    govuk = ServiceStandard.objects.get(slug="govuk-service-standard")
    assert list(lgdss.points.values_list("number", flat=True)) == list(range(1, 16))
    assert list(govuk.points.values_list("number", flat=True)) == list(range(1, 15))
    assert govuk.points.get(number=5).title == "Make sure everyone can use the service"
    assert all(
        point.summary and point.link.startswith("https://") for point in [*lgdss.points.all(), *govuk.points.all()]
    )


def test_loading_the_standards_again_changes_nothing(standards):
    """Loading the standards twice leaves one copy of each point."""
    from assessments.models import StandardPoint

    assert StandardPoint.objects.count() == 29
    assert ServiceStandard.objects.count() == 2


def test_editors_can_add_another_standard(admin_client, standards):
    """An editor adds a standard (e.g. the Digital Scotland Service Standard) through the admin."""
    response = admin_client.post(
        "/admin/snippets/assessments/servicestandard/add/",
        {
            "name": "Digital Scotland Service Standard",
            "short_name": "DSSS",
            "slug": "digital-scotland-service-standard",
            "description": "",
            "url": "https://www.gov.scot/publications/digital-scotland-service-standard/",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ServiceStandard.objects.filter(short_name="DSSS").exists()
