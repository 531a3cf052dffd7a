from django.urls import path

from . import views

app_name = "assessments"
urlpatterns = [
    path("prepare/", views.prepare, name="prepare"),
]
