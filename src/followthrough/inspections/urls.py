from django.urls import path

from . import views

app_name = "inspections"
urlpatterns = [
    path("reports/<int:pk>/findings/", views.report_findings, name="report-findings"),
]
