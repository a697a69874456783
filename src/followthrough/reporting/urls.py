from django.urls import path

from . import progress_views, views

app_name = "reporting"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("charts/<slug:slug>.svg", views.chart, name="chart"),
    path("search/", views.search, name="search"),
    path("my-organisation/", views.my_organisation, name="my-organisation"),
    path("inspectorate/", progress_views.inspectorate_dashboard, name="inspectorate"),
    path(
        "reports/<int:pk>/action-plan/export.<str:fmt>",
        views.action_plan_export,
        name="action-plan-export",
    ),
    path(
        "inspectorate/export.<str:fmt>",
        progress_views.inspectorate_export,
        name="inspectorate-export",
    ),
    path(
        "reports/<int:pk>/progress-report/", progress_views.annual_report_page, name="annual-report"
    ),
    path(
        "reports/<int:pk>/progress-report.<str:fmt>",
        progress_views.annual_report_export,
        name="annual-report-export",
    ),
    path("organisations/", views.organisation_list, name="organisation-list"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation-detail"),
]
