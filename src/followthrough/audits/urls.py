from django.urls import path

from .views import findings

app_name = "audits"
urlpatterns = [
    path("audits/<int:pk>/findings/", findings.audit_findings_view, name="audit-findings"),
    path("audits/<int:pk>/findings.docx", findings.audit_findings_docx, name="audit-findings-docx"),
    path("audits/<int:pk>/findings.xlsx", findings.audit_findings_xlsx, name="audit-findings-xlsx"),
    path("audits/<int:pk>/findings.csv", findings.audit_findings_csv, name="audit-findings-csv"),
]
