from django.urls import path

from . import views

app_name = "inspections"
urlpatterns = [
    path("reports/", views.report_list, name="report-list"),
    path("reports/<int:pk>/", views.report_detail, name="report-detail"),
    path("reports/<int:pk>/findings/", views.report_findings, name="report-findings"),
    path("recommendations/<int:pk>/", views.recommendation_detail, name="recommendation-detail"),
]
