from django.urls import path

from .views import board, caseload, milestones, records, tasks, transfer

app_name = "cases"
urlpatterns = [
    path("cases/", caseload.case_list, name="case-list"),
    path("cases/new/", caseload.case_new, name="case-new"),
    path("cases/import/", transfer.case_import, name="case-import"),
    path("cases/export.csv", transfer.caseload_export, {"fmt": "csv"}, name="caseload-export-csv"),
    path(
        "cases/export.xlsx", transfer.caseload_export, {"fmt": "xlsx"}, name="caseload-export-xlsx"
    ),
    path("cases/tasks/", tasks.task_list, name="task-list"),
    path("cases/board/", board.board_pack_view, name="board"),
    path("cases/board/export.docx", board.board_pack_docx, name="board-docx"),
    path("cases/board/export.pdf", board.board_pack_pdf, name="board-pdf"),
    path("cases/national/", board.national_view, name="national"),
    path("cases/access-log/", caseload.access_log_view, name="access-log"),
    path("cases/milestone-rules/", milestones.milestone_rules, name="milestone-rules"),
    path("cases/tasks/<id:pk>/", tasks.task_update_view, name="task-update"),
    path("cases/<id:pk>/", caseload.case_detail_view, name="case-detail"),
    path("cases/<id:pk>/edit/", records.case_edit, name="case-edit"),
    path("cases/<id:pk>/pathways/<slug:code>/", records.pathway_edit, name="pathway-edit"),
    path("cases/<id:pk>/meetings/new/", records.meeting_new, name="meeting-new"),
    path("cases/<id:pk>/tasks/new/", records.task_new, name="task-new"),
    path("cases/<id:pk>/contacts/new/", records.contact_new, name="contact-new"),
    path("cases/<id:pk>/release/", records.release_edit, name="release"),
    path("cases/<id:pk>/outcomes/<id:months>/", records.outcome_edit, name="outcome"),
    path("cases/<id:pk>/support/", records.support_edit, name="support"),
    path("cases/<id:pk>/close/", records.case_close_view, name="case-close"),
]
