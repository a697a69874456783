from django.urls import path

from .views import downloads, inspectorate, organisations, overview, reports

app_name = "reporting"
urlpatterns = [
    path("", overview.overview, name="overview"),
    path("charts/<slug:slug>.svg", overview.chart, name="chart"),
    path("search/", overview.search, name="search"),
    path("my-organisation/", organisations.my_organisation, name="my-organisation"),
    path("organisations/", organisations.organisation_list, name="organisation-list"),
    path("organisations/<id:pk>/", organisations.organisation_detail, name="organisation-detail"),
    path("inspectorate/", inspectorate.inspectorate_dashboard, name="inspectorate"),
    path(
        "inspectorate/export.<str:fmt>",
        inspectorate.inspectorate_export,
        name="inspectorate-export",
    ),
    path(
        "inspectorate/download.<str:fmt>",
        downloads.inspectorate_download,
        name="inspectorate-download",
    ),
    path("downloads/<uuid:pk>/", downloads.download_detail, name="download"),
    path("reports/", reports.report_list, name="report-list"),
    path("reports/<id:pk>/", reports.report_detail, name="report-detail"),
    path("recommendations/<id:pk>/", reports.recommendation_detail, name="recommendation-detail"),
    path(
        "reports/<id:pk>/action-plan/export.<str:fmt>",
        reports.action_plan_export,
        name="action-plan-export",
    ),
    path("reports/<id:pk>/progress-report/", reports.annual_report_page, name="annual-report"),
    path(
        "reports/<id:pk>/progress-report.<str:fmt>",
        reports.annual_report_export,
        name="annual-report-export",
    ),
    path(
        "reports/<id:pk>/progress-report/download.<str:fmt>",
        downloads.annual_report_download,
        name="annual-report-download",
    ),
]
