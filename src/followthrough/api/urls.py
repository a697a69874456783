from django.urls import path

from . import views
from .views import declared

LIST = {"get": "list"}
DETAIL = {"get": "retrieve"}

app_name = "api"
urlpatterns = [
    path("api/schema/", declared(views.SchemaView.as_view(), "public"), name="schema"),
    path(
        "api/docs/",
        declared(views.DocsView.as_view(url_name="api:schema"), "public"),
        name="docs",
    ),
    path(
        "api/reports/",
        declared(views.ReportViewSet.as_view(LIST), "signed_in"),
        name="report-list",
    ),
    path(
        "api/reports/<int:pk>/",
        declared(views.ReportViewSet.as_view(DETAIL), "signed_in"),
        name="report-detail",
    ),
    path(
        "api/recommendations/",
        declared(views.RecommendationViewSet.as_view(LIST), "signed_in"),
        name="recommendation-list",
    ),
    path(
        "api/recommendations/<int:pk>/",
        declared(views.RecommendationViewSet.as_view(DETAIL), "signed_in"),
        name="recommendation-detail",
    ),
    path(
        "api/action-plans/",
        declared(views.ActionPlanViewSet.as_view(LIST), "signed_in"),
        name="action-plan-list",
    ),
    path(
        "api/action-plans/<int:pk>/",
        declared(views.ActionPlanViewSet.as_view(DETAIL), "published_or_member"),
        name="action-plan-detail",
    ),
    path(
        "api/organisations/",
        declared(views.OrganisationViewSet.as_view(LIST), "signed_in"),
        name="organisation-list",
    ),
    path(
        "api/organisations/<int:pk>/",
        declared(views.OrganisationViewSet.as_view(DETAIL), "signed_in"),
        name="organisation-detail",
    ),
]
