from search.documents import service_url
from tests import factories


def test_a_service_hit_links_to_the_services_public_page(db):
    """Search results for a service link to /services/<LGSL code>/<slug>/ on the public site."""
    service = factories.ServiceFactory(lgsl_code=524, name="Missed bin collection")
    assert service_url(service) == "/services/524/missed-bin-collection/"
