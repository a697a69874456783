from django.urls import path

from . import views

app_name = "inspections"
urlpatterns = [
    path("reports/<id:pk>/findings/", views.report_findings, name="report-findings"),
    path(
        "recommendations/<id:pk>/correct/",
        views.recommendation_correct_text,
        name="recommendation-correct",
    ),
]
