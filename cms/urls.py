from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views import serve as wagtaildocs_serve

from pattern_pages import urls as site_urls

from . import login, views

# Every view that checks a password goes through the one lockout (cms.login). Wagtail's logins call
# authenticate(), which axes guards; these three compare passwords themselves, so they are replaced here, at
# their own paths and names, ahead of Wagtail's.
password_views = [
    path("admin/account/", login.AccountView.as_view(), name="wagtailadmin_account"),
    path(
        "documents/authenticate_with_password/<number:restriction_id>/",
        login.check_shared_password(wagtaildocs_serve.authenticate_with_password, "collection", "restriction_id"),
        name="wagtaildocs_authenticate_with_password",
    ),
]
page_password_views = [
    path(
        "_util/authenticate_with_password/<number:page_view_restriction_id>/<number:page_id>/",
        login.check_shared_password(wagtail_views.authenticate_with_password, "page", "page_view_restriction_id"),
        name="wagtailcore_authenticate_with_password",
    ),
]

urlpatterns = [
    *password_views,
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/", include("api.urls")),
]
urlpatterns += site_urls.root_urlpatterns  # sitemap.xml, robots.txt

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# English at /, Welsh at /cy/: the public site's pages are served by Wagtail in the request's locale.
urlpatterns += i18n_patterns(
    path("cookies/", views.cookies, name="cookies"),
    path("search/", include("search.urls")),
    path("assessments/", include("assessments.urls")),
    path("", include("contributions.urls")),
    path("", include(site_urls)),  # services, councils, life events, pattern types, BPMN, feed
    *page_password_views,
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
