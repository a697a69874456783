from typing import Any

from django.urls import path

from . import views
from .views import declared

LIST = {"get": "list"}
DETAIL = {"get": "retrieve"}


def resource(prefix: str, name: str, viewset: Any, detail_rule: str = "signed_in") -> list[Any]:
    """A read-only collection's list and detail addresses, each declared with its access rule."""
    return [
        path(f"api/{prefix}/", declared(viewset.as_view(LIST), "signed_in"), name=f"{name}-list"),
        path(
            f"api/{prefix}/<int:pk>/",
            declared(viewset.as_view(DETAIL), detail_rule),
            name=f"{name}-detail",
        ),
    ]


app_name = "api"
urlpatterns = [
    path("api/schema/", declared(views.SchemaView.as_view(), "public"), name="schema"),
    path(
        "api/docs/",
        declared(views.DocsView.as_view(url_name="api:schema"), "public"),
        name="docs",
    ),
    *resource("reports", "report", views.ReportViewSet),
    *resource("recommendations", "recommendation", views.RecommendationViewSet),
    *resource("action-plans", "action-plan", views.ActionPlanViewSet, "published_or_member"),
    *resource("organisations", "organisation", views.OrganisationViewSet),
]
