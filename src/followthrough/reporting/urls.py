from django.urls import path

from . import views

app_name = "reporting"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("charts/<slug:slug>.svg", views.chart, name="chart"),
    path("search/", views.search, name="search"),
    path("my-organisation/", views.my_organisation, name="my-organisation"),
    path("inspectorate/", views.inspectorate_dashboard, name="inspectorate"),
    path(
        "reports/<int:pk>/action-plan/export.<str:fmt>",
        views.action_plan_export,
        name="action-plan-export",
    ),
    path("organisations/", views.organisation_list, name="organisation-list"),
    path("organisations/<int:pk>/", views.organisation_detail, name="organisation-detail"),
]
