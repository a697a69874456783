from django.urls import path

from . import views

app_name = "inspections"
urlpatterns = [
    path("reports/<int:pk>/findings/", views.report_findings, name="report-findings"),
    path(
        "recommendations/<int:pk>/correct/",
        views.recommendation_correct_text,
        name="recommendation-correct",
    ),
]
