from django.urls import path

from . import edit_views, views

app_name = "selfassessment"
urlpatterns = [
    path("self-assessments/", views.assessment_list, name="assessment-list"),
    path("self-assessments/new/", edit_views.assessment_new, name="assessment-new"),
    path("self-assessments/<int:pk>/", views.assessment_detail, name="assessment-detail"),
    path("self-assessments/<int:pk>/summary/", views.assessment_summary, name="summary"),
    path("self-assessments/<int:pk>/board/", views.assessment_board, name="board"),
    path(
        "self-assessments/<int:pk>/youth-justice-plan.docx",
        views.plan_export,
        name="plan-export",
    ),
    path("self-assessments/<int:pk>/answers.xlsx", views.answers_export, name="answers-export"),
    path(
        "self-assessments/<int:pk>/sign-off/",
        edit_views.assessment_sign_off_view,
        name="sign-off",
    ),
    path("self-assessments/<int:pk>/sharing/", edit_views.assessment_share_view, name="sharing"),
    path("self-assessments/<int:pk>/reopen/", edit_views.assessment_reopen_view, name="reopen"),
    path("self-assessments/<int:pk>/scope/", edit_views.assessment_scope_view, name="scope"),
    path("self-assessments/items/<int:pk>/", edit_views.item_edit, name="item-edit"),
    path(
        "self-assessments/items/<int:pk>/improvements/new/",
        edit_views.improvement_new,
        name="improvement-new",
    ),
    path(
        "self-assessments/evidence/<int:pk>/file/",
        views.evidence_held_file,
        name="evidence-file",
    ),
    path(
        "improvement-actions/<int:pk>/edit/", edit_views.improvement_edit, name="improvement-edit"
    ),
    path(
        "improvement-actions/<int:pk>/progress/",
        edit_views.improvement_progress,
        name="improvement-progress",
    ),
    path(
        "improvement-updates/<int:pk>/evidence/",
        views.improvement_update_file,
        name="improvement-update-file",
    ),
]
