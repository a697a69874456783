from django.urls import path

from .views import assessments, improvements, items

app_name = "selfassessment"
urlpatterns = [
    path("self-assessments/", assessments.assessment_list, name="assessment-list"),
    path("self-assessments/new/", assessments.assessment_new, name="assessment-new"),
    path("self-assessments/<int:pk>/", assessments.assessment_detail, name="assessment-detail"),
    path("self-assessments/<int:pk>/summary/", assessments.assessment_summary, name="summary"),
    path("self-assessments/<int:pk>/board/", assessments.assessment_board, name="board"),
    path(
        "self-assessments/<int:pk>/youth-justice-plan.docx",
        assessments.plan_export,
        name="plan-export",
    ),
    path(
        "self-assessments/<int:pk>/answers.xlsx", assessments.answers_export, name="answers-export"
    ),
    path(
        "self-assessments/<int:pk>/sign-off/",
        assessments.assessment_sign_off_view,
        name="sign-off",
    ),
    path("self-assessments/<int:pk>/sharing/", assessments.assessment_share_view, name="sharing"),
    path("self-assessments/<int:pk>/reopen/", assessments.assessment_reopen_view, name="reopen"),
    path("self-assessments/<int:pk>/scope/", assessments.assessment_scope_view, name="scope"),
    path("self-assessments/items/<int:pk>/", items.item_edit, name="item-edit"),
    path(
        "self-assessments/items/<int:pk>/improvements/new/",
        improvements.improvement_new,
        name="improvement-new",
    ),
    path(
        "self-assessments/evidence/<int:pk>/file/",
        items.evidence_held_file,
        name="evidence-file",
    ),
    path(
        "improvement-actions/<int:pk>/edit/", improvements.improvement_edit, name="improvement-edit"
    ),
    path(
        "improvement-actions/<int:pk>/progress/",
        improvements.improvement_progress,
        name="improvement-progress",
    ),
    path(
        "improvement-updates/<int:pk>/evidence/",
        improvements.improvement_update_file,
        name="improvement-update-file",
    ),
]
