from django.urls import path

from .views import assessments, improvements, items

app_name = "selfassessment"
urlpatterns = [
    path("self-assessments/", assessments.assessment_list, name="assessment-list"),
    path("self-assessments/new/", assessments.assessment_new, name="assessment-new"),
    path("self-assessments/<id:pk>/", assessments.assessment_detail, name="assessment-detail"),
    path("self-assessments/<id:pk>/summary/", assessments.assessment_summary, name="summary"),
    path("self-assessments/<id:pk>/board/", assessments.assessment_board, name="board"),
    path(
        "self-assessments/<id:pk>/youth-justice-plan.docx",
        assessments.plan_export,
        name="plan-export",
    ),
    path(
        "self-assessments/<id:pk>/answers.xlsx", assessments.answers_export, name="answers-export"
    ),
    path(
        "self-assessments/<id:pk>/sign-off/",
        assessments.assessment_sign_off_view,
        name="sign-off",
    ),
    path("self-assessments/<id:pk>/sharing/", assessments.assessment_share_view, name="sharing"),
    path("self-assessments/<id:pk>/reopen/", assessments.assessment_reopen_view, name="reopen"),
    path("self-assessments/<id:pk>/scope/", assessments.assessment_scope_view, name="scope"),
    path("self-assessments/items/<id:pk>/", items.item_edit, name="item-edit"),
    path(
        "self-assessments/items/<id:pk>/improvements/new/",
        improvements.improvement_new,
        name="improvement-new",
    ),
    path(
        "self-assessments/evidence/<id:pk>/file/",
        items.evidence_held_file,
        name="evidence-file",
    ),
    path(
        "improvement-actions/<id:pk>/edit/", improvements.improvement_edit, name="improvement-edit"
    ),
    path(
        "improvement-actions/<id:pk>/progress/",
        improvements.improvement_progress,
        name="improvement-progress",
    ),
    path(
        "improvement-updates/<id:pk>/evidence/",
        improvements.improvement_update_file,
        name="improvement-update-file",
    ),
]
