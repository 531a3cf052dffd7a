"""The supplier API, versioned under /api/v1/ (filled in by the API issue)."""

app_name = "api"
urlpatterns = []
