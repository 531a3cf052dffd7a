from django.urls import path

from . import views

app_name = "contributions"

urlpatterns = [
    path("contribute/", views.start, name="start"),
    path("contribute/check-answers/", views.check_answers, name="check_answers"),
    path("contribute/check-your-email/", views.sent, name="sent"),
    path("contribute/confirm/<str:token>/", views.confirm, name="confirm"),
    path("contribute/<slug:slug>/", views.step, name="step"),
]
