from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from pattern_pages import urls as site_urls

from . import views

urlpatterns = [
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
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
