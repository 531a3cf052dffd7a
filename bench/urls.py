"""The project's URLs plus the comparison endpoints, for benchmarking only (cms.settings.bench).

They go in front of cms.urls because the public site's catch-all page route would otherwise answer them.
"""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3.urls import api as api_v3

from cms.urls import urlpatterns as project_urlpatterns

from .views import floor

api_v2 = WagtailAPIRouter("wagtailapi")
api_v2.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [
    path("bench/floor/", floor, name="bench-floor"),
    path("api/v2/", api_v2.urls),
    path("api/v3/", api_v3.urls),
] + project_urlpatterns
