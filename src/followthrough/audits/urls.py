from django.urls import path

from .views import audits, findings, marking

app_name = "audits"
urlpatterns = [
    path("audits/", audits.audit_list, name="audit-list"),
    path("audits/new/", audits.audit_new, name="audit-new"),
    path("audits/<int:pk>/", audits.audit_detail, name="audit-detail"),
    path("audits/<int:pk>/draw/", audits.audit_draw_view, name="audit-draw"),
    path("audits/<int:pk>/assign/", audits.audit_assign, name="audit-assign"),
    path("audits/<int:pk>/finish/", audits.audit_finish_view, name="audit-finish"),
    path("audits/<int:pk>/share/", audits.audit_share_view, name="audit-share"),
    path("audits/<int:pk>/findings/", findings.audit_findings_view, name="audit-findings"),
    path("audits/<int:pk>/findings.docx", findings.audit_findings_docx, name="audit-findings-docx"),
    path("audits/<int:pk>/findings.xlsx", findings.audit_findings_xlsx, name="audit-findings-xlsx"),
    path("audits/<int:pk>/findings.csv", findings.audit_findings_csv, name="audit-findings-csv"),
    path(
        "audits/<int:pk>/cases/<int:case_pk>/mark/<int:marker>/",
        marking.audit_mark,
        name="audit-mark",
    ),
    path("audits/<int:pk>/moderation/", marking.audit_moderation, name="audit-moderation"),
    path(
        "audits/<int:pk>/moderation/<int:case_pk>/<int:criterion_pk>/",
        marking.audit_moderate,
        name="audit-moderate",
    ),
]
