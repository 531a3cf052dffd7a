"""The supplier API, versioned under /api/v1/."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from . import views
from .routers import LibraryRouter
from .views import adoptions, assessments, changes, docs, export, index, patterns, processes, search, taxonomy

app_name = "api"

# One viewset a resource: <prefix>/ is "<basename>-list", <prefix>/<key>/ "<basename>-detail".
router = LibraryRouter()
router.register("patterns", patterns.PatternViewSet, basename="pattern")
router.register("processes", processes.ProcessViewSet, basename="process")
router.register("services", taxonomy.ServiceViewSet, basename="service")
router.register("life-events", taxonomy.LifeEventViewSet, basename="life-event")
router.register("pattern-types", taxonomy.PatternTypeViewSet, basename="pattern-type")
router.register("councils", taxonomy.CouncilViewSet, basename="council")
router.register("components", taxonomy.ComponentViewSet, basename="component")
router.register("standards", assessments.StandardViewSet, basename="standard")
router.register("assessments", assessments.AssessmentViewSet, basename="assessment")
router.register("adoptions", adoptions.AdoptionViewSet, basename="adoption")

urlpatterns = [
    path("", index.landing, name="landing"),
    path("v1/", index.api_index, name="index"),
    path("v1/", include(router.urls)),
    path("v1/search/", search.SearchView.as_view(), name="search"),
    path("v1/changes/", changes.ChangeFeedView.as_view(), name="changes"),
    path("v1/export/patterns.jsonl", export.PatternExportView.as_view(), name="export-patterns"),
    path("v1/export/processes.jsonl", export.ProcessExportView.as_view(), name="export-processes"),
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("v1/docs/", docs.redoc_view(url_name="api:schema"), name="docs"),
    path("v1/docs/swagger/", docs.swagger_view(url_name="api:schema"), name="docs-swagger"),
    # Anything else under /api/ (including an id too large for any database row, which "number" refuses)
    # is the API's JSON 404, not the public site's HTML page (e.g. /api/v1/patterns/-1/).
    re_path(r"^", views.not_found, name="not-found"),
]
