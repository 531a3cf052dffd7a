"""Public pages outside the page tree. ``urlpatterns`` sit inside i18n_patterns (so /cy/ works);
``root_urlpatterns`` (sitemap, robots.txt) are served once, at the site root."""

from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import screen_views, views

urlpatterns = [
    path("services/", views.service_index, name="services"),
    path("services/<number:lgsl_code>/", views.service_detail, name="service_by_code"),
    path("services/<number:lgsl_code>/<slug:slug>/", views.service_detail, name="service"),
    path("life-events/", views.life_event_index, name="life_events"),
    path("life-events/<slug:slug>/", views.life_event_detail, name="life_event"),
    path("councils/", views.council_index, name="councils"),
    path("councils/<str:gss_code>/", views.council_detail, name="council"),
    path("pattern-types/", views.pattern_type_index, name="pattern_types"),
    path("pattern-types/<slug:slug>/", views.pattern_type_detail, name="pattern_type"),
    path("bpmn/<slug:slug>.bpmn", views.process_bpmn_download, name="process_bpmn"),
    path("feed/", views.changes_feed, name="changes_feed"),
    path("components/<slug:slug>/", screen_views.component_detail, name="component"),
    path("patterns/<slug:slug>/prototype-kit.<str:kind>", screen_views.prototype_kit, name="prototype_kit"),
]

root_urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": views.SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]
