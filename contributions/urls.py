from django.urls import path

from . import dashboard, feedback, views

app_name = "contributions"

urlpatterns = [
    path("contribute/", views.start, name="start"),
    path("contribute/check-answers/", views.check_answers, name="check_answers"),
    path("contribute/check-your-email/", views.sent, name="sent"),
    path("contribute/confirm/<str:token>/", views.confirm, name="confirm"),
    path("contribute/<slug:slug>/", views.step, name="step"),
    path("feedback/", feedback.send_feedback, name="feedback"),
    path("feedback/<str:reference>/", feedback.comment, name="feedback_comment"),
    path("reuse/", dashboard.reuse_dashboard, name="reuse"),
    path("reuse/reuse.csv", dashboard.reuse_csv, name="reuse_csv"),
]
