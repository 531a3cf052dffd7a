"""The public search page (filled in by the search issue)."""

app_name = "search"
urlpatterns = []
