from typing import Any

from django.urls import path

from . import views
from .views import aggregates, assessments, audits, casework, declared, findings, plans
from .writes import cases, progress, selfassessment
from .writes import plans as plan_writes

LIST = {"get": "list"}
DETAIL = {"get": "retrieve"}


def write(route: str, name: str, view: Any, rule: str, methods: tuple[str, ...]) -> Any:
    """A write endpoint, declared with the rule of the page that makes the same change."""
    return path(f"api/{route}", declared(view.as_view(), rule, methods=methods), name=name)


def resource(prefix: str, name: str, viewset: Any, detail_rule: str = "signed_in") -> list[Any]:
    """A read-only collection's list and detail addresses, each declared with its access rule."""
    return [
        path(f"api/{prefix}/", declared(viewset.as_view(LIST), "signed_in"), name=f"{name}-list"),
        path(
            f"api/{prefix}/<id:pk>/",
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
    write(
        "reports/<id:pk>/action-plans/",
        "action-plan-start",
        plan_writes.PlanStart,
        "organisation_writer",
        ("POST",),
    ),
    write(
        "action-plans/<id:pk>/submit/",
        "action-plan-submit",
        plan_writes.PlanSubmit,
        "plan_approver",
        ("POST",),
    ),
    write(
        "action-plans/<id:pk>/publish/",
        "action-plan-publish",
        plan_writes.PlanPublish,
        "plan_approver",
        ("POST",),
    ),
    write(
        "responses/<id:pk>/record/",
        "response-record",
        plan_writes.ResponseRecord,
        "response_writer",
        ("PUT", "PATCH"),
    ),
    write(
        "responses/<id:pk>/actions/",
        "action-create",
        plan_writes.ActionCreate,
        "response_writer",
        ("POST",),
    ),
    write(
        "actions/<id:pk>/edit/",
        "action-edit",
        plan_writes.ActionEdit,
        "response_writer",
        ("PUT", "PATCH"),
    ),
    write(
        "actions/<id:pk>/progress/",
        "progress-create",
        progress.ProgressCreate,
        "action_owner",
        ("POST",),
    ),
    write(
        "actions/<id:pk>/target-revisions/",
        "target-revision-create",
        progress.TargetRevisionCreate,
        "action_owner",
        ("POST",),
    ),
    write(
        "target-revisions/<id:pk>/decision/",
        "target-revision-decide",
        progress.TargetRevisionDecide,
        "target_approver",
        ("POST",),
    ),
    *resource("plan-versions", "plan-version", plans.PlanVersionViewSet, "published_or_member"),
    *resource(
        "progress-updates", "progress-update", plans.ProgressUpdateViewSet, "published_or_member"
    ),
    *resource(
        "target-revisions", "target-revision", plans.TargetRevisionViewSet, "published_or_member"
    ),
    *resource("reviews", "review", plans.ReviewViewSet),
    *resource("cases", "case", casework.CaseViewSet, "case_worker"),
    *resource("tasks", "task", casework.TaskViewSet, "task_reader"),
    *resource(
        "self-assessments",
        "self-assessment",
        assessments.SelfAssessmentViewSet,
        "assessment_reader",
    ),
    *resource("audits", "audit", audits.AuditViewSet, "case_audit_reader"),
    *resource("findings", "finding", findings.FindingViewSet),
    *resource("practice-examples", "practice-example", findings.PracticeExampleViewSet),
    path(
        "api/casework/board/",
        declared(aggregates.BoardPackView.as_view(), "service_member"),
        name="casework-board",
    ),
    path(
        "api/casework/national/",
        declared(aggregates.NationalFiguresView.as_view(), "national_reader"),
        name="casework-national",
    ),
    write(
        "self-assessment-items/<id:pk>/answers/",
        "assessment-item-answers",
        selfassessment.ItemAnswers,
        "assessment_writer",
        ("GET", "HEAD", "PUT", "PATCH"),
    ),
    write(
        "cases/by-reference/<str:reference>/",
        "case-upsert",
        cases.CaseUpsert,
        "case_worker",
        ("GET", "HEAD", "PUT"),
    ),
    write("tasks/<id:pk>/update/", "task-update", cases.TaskUpdate, "task_owner", ("PATCH",)),
]
