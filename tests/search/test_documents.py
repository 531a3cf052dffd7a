from search.documents import service_url
from tests import factories


def test_a_service_hit_links_to_the_services_public_page(db):
    """Search results for a service link to /services/<LGSL code>/<slug>/ on the public site."""
    service = factories.ServiceFactory(lgsl_code=524, name="Missed bin collection")
    assert service_url(service) == "/services/524/missed-bin-collection/"


def test_a_rebuild_builds_the_same_entries_as_a_single_update(library):
    """The rebuild's builder (rows and stored JSON) and a publish's (page objects) give equal entries,
    and neither has the draft or the private page."""
    from search.documents import all_keys, build_entries, build_entry

    keys = all_keys()
    bulk = {entry.key: entry.as_dict() for entry in build_entries(keys)}
    single = {key: entry.as_dict() for key in keys if (entry := build_entry(key)) is not None}
    assert bulk == single
    assert f"page-{library['pages']['missed'].pk}" in bulk
    assert bulk[f"page-{library['pages']['missed'].pk}"]["facets"]["component"] == ["date-input"]
    assert f"page-{library['pages']['draft'].pk}" not in bulk
    assert f"page-{library['pages']['private'].pk}" not in bulk
