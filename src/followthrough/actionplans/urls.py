from django.urls import path

from . import edit_views, views

app_name = "actionplans"
urlpatterns = [
    path("reports/<int:pk>/action-plan/", views.action_plan_detail, name="report-action-plan"),
    path(
        "action-plans/<int:pk>/versions/<int:number>/",
        views.plan_version,
        name="plan-version",
    ),
    path("reports/<int:pk>/action-plan/new/", edit_views.action_plan_new, name="action-plan-new"),
    path("responses/<int:pk>/edit/", edit_views.response_edit, name="response-edit"),
    path("responses/<int:pk>/actions/new/", edit_views.action_new, name="action-new"),
    path("actions/<int:pk>/edit/", edit_views.action_edit, name="action-edit"),
    path("actions/<int:pk>/progress/", edit_views.action_progress, name="action-progress"),
    path("progress-updates/<int:pk>/evidence/", edit_views.evidence_file, name="evidence-file"),
    path("actions/<int:pk>/target/", edit_views.target_propose, name="target-propose"),
    path("target-revisions/<int:pk>/decide/", edit_views.target_decide, name="target-decide"),
    path("recommendations/<int:pk>/reviews/new/", edit_views.review_new, name="review-new"),
    path("action-plans/<int:pk>/submit/", edit_views.action_plan_submit_view, name="plan-submit"),
    path(
        "action-plans/<int:pk>/publish/", edit_views.action_plan_publish_view, name="plan-publish"
    ),
]
