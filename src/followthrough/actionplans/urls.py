from django.urls import path

from .views import plans, progress, responses, reviews

app_name = "actionplans"
urlpatterns = [
    path("reports/<int:pk>/action-plan/", plans.action_plan_detail, name="report-action-plan"),
    path("action-plans/<int:pk>/versions/<int:number>/", plans.plan_version, name="plan-version"),
    path("reports/<int:pk>/action-plan/new/", plans.action_plan_new, name="action-plan-new"),
    path("action-plans/<int:pk>/submit/", plans.action_plan_submit_view, name="plan-submit"),
    path("action-plans/<int:pk>/publish/", plans.action_plan_publish_view, name="plan-publish"),
    path("responses/<int:pk>/edit/", responses.response_edit, name="response-edit"),
    path("responses/<int:pk>/actions/new/", responses.action_new, name="action-new"),
    path("actions/<int:pk>/edit/", responses.action_edit, name="action-edit"),
    path("actions/<int:pk>/progress/", progress.action_progress, name="action-progress"),
    path("progress-updates/<int:pk>/evidence/", progress.evidence_file, name="evidence-file"),
    path("actions/<int:pk>/target/", progress.target_propose, name="target-propose"),
    path("target-revisions/<int:pk>/decide/", progress.target_decide, name="target-decide"),
    path("recommendations/<int:pk>/reviews/new/", reviews.review_new, name="review-new"),
    path(
        "action-plans/<int:pk>/status-as-at/",
        reviews.plan_status_as_at,
        name="plan-status-as-at",
    ),
]
