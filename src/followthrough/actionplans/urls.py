from django.urls import path

from .views import plans, progress, responses, reviews

app_name = "actionplans"
urlpatterns = [
    path("reports/<id:pk>/action-plan/", plans.action_plan_detail, name="report-action-plan"),
    path("action-plans/<id:pk>/versions/<id:number>/", plans.plan_version, name="plan-version"),
    path("reports/<id:pk>/action-plan/new/", plans.action_plan_new, name="action-plan-new"),
    path("action-plans/<id:pk>/submit/", plans.action_plan_submit_view, name="plan-submit"),
    path("action-plans/<id:pk>/publish/", plans.action_plan_publish_view, name="plan-publish"),
    path("responses/<id:pk>/edit/", responses.response_edit, name="response-edit"),
    path("responses/<id:pk>/actions/new/", responses.action_new, name="action-new"),
    path("actions/<id:pk>/edit/", responses.action_edit, name="action-edit"),
    path("actions/<id:pk>/progress/", progress.action_progress, name="action-progress"),
    path("progress-updates/<id:pk>/evidence/", progress.evidence_file, name="evidence-file"),
    path("actions/<id:pk>/target/", progress.target_propose, name="target-propose"),
    path("target-revisions/<id:pk>/decide/", progress.target_decide, name="target-decide"),
    path("recommendations/<id:pk>/reviews/new/", reviews.review_new, name="review-new"),
    path(
        "action-plans/<id:pk>/status-as-at/",
        reviews.plan_status_as_at,
        name="plan-status-as-at",
    ),
]
