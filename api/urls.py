"""The supplier API, versioned under /api/v1/."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from . import views
from .views import adoptions, assessments, changes, export, patterns, processes, search, taxonomy

app_name = "api"

urlpatterns = [
    path("v1/patterns/", patterns.PatternListView.as_view(), name="pattern-list"),
    path("v1/patterns/<int:pk>/", patterns.PatternDetailView.as_view(), name="pattern-detail"),
    path("v1/patterns/<slug:slug>/", patterns.PatternBySlugView.as_view(), name="pattern-detail-slug"),
    path("v1/processes/", processes.ProcessListView.as_view(), name="process-list"),
    path("v1/processes/<int:pk>/", processes.ProcessDetailView.as_view(), name="process-detail"),
    path("v1/processes/<slug:slug>/", processes.ProcessBySlugView.as_view(), name="process-detail-slug"),
    path("v1/services/", taxonomy.ServiceListView.as_view(), name="service-list"),
    path("v1/services/<int:key>/", taxonomy.ServiceDetailView.as_view(), name="service-detail"),
    path("v1/life-events/", taxonomy.LifeEventListView.as_view(), name="life-event-list"),
    path("v1/life-events/<slug:key>/", taxonomy.LifeEventDetailView.as_view(), name="life-event-detail"),
    path("v1/pattern-types/", taxonomy.PatternTypeListView.as_view(), name="pattern-type-list"),
    path("v1/pattern-types/<slug:key>/", taxonomy.PatternTypeDetailView.as_view(), name="pattern-type-detail"),
    path("v1/councils/", taxonomy.CouncilListView.as_view(), name="council-list"),
    path("v1/councils/<str:key>/", taxonomy.CouncilDetailView.as_view(), name="council-detail"),
    path("v1/components/", taxonomy.ComponentListView.as_view(), name="component-list"),
    path("v1/components/<slug:key>/", taxonomy.ComponentDetailView.as_view(), name="component-detail"),
    path("v1/standards/", assessments.StandardListView.as_view(), name="standard-list"),
    path("v1/standards/<slug:key>/", assessments.StandardDetailView.as_view(), name="standard-detail"),
    path("v1/assessments/", assessments.AssessmentListView.as_view(), name="assessment-list"),
    path("v1/assessments/<int:pk>/", assessments.AssessmentDetailView.as_view(), name="assessment-detail"),
    path("v1/adoptions/", adoptions.AdoptionListView.as_view(), name="adoption-list"),
    path("v1/adoptions/<int:pk>/", adoptions.AdoptionDetailView.as_view(), name="adoption-detail"),
    path("v1/search/", search.SearchView.as_view(), name="search"),
    path("v1/changes/", changes.ChangeFeedView.as_view(), name="changes"),
    path("v1/export/patterns.jsonl", export.PatternExportView.as_view(), name="export-patterns"),
    path("v1/export/processes.jsonl", export.ProcessExportView.as_view(), name="export-processes"),
    path("v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("v1/docs/", SpectacularRedocView.as_view(url_name="api:schema", template_name="api/redoc.html"), name="docs"),
    path("v1/docs/swagger/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs-swagger"),
    # Anything else under /api/ is the API's JSON 404, not the public site's HTML page (e.g. /api/v1/patterns/-1/).
    re_path(r"^", views.not_found, name="not-found"),
]
