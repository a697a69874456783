from django.urls import path

from .views import audits, citations, findings, marking, reviews

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
    # The review against the resettlement standard, and "how do we know" on a self-assessment.
    path("audits/reviews/", reviews.review_list, name="review-list"),
    path("audits/reviews/new/", reviews.review_new, name="review-new"),
    path("audits/reviews/<int:pk>/", reviews.review_detail, name="review-detail"),
    path(
        "audits/reviews/<int:pk>/key-questions/<slug:code>/",
        reviews.review_key_question,
        name="review-key-question",
    ),
    path(
        "audits/reviews/<int:pk>/reflections/<int:index>/",
        reviews.review_reflection,
        name="review-reflection",
    ),
    path("audits/reviews/<int:pk>/sign-off/", reviews.review_signoff, name="review-signoff"),
    path("audits/reviews/<int:pk>/sharing/", reviews.review_share_view, name="review-share"),
    path(
        "audits/reviews/<int:pk>/improvements/new/<slug:code>/",
        reviews.review_improvement_new,
        name="review-improvement-new",
    ),
    path(
        "audits/reviews/improvements/<int:pk>/",
        reviews.review_improvement_edit,
        name="review-improvement-edit",
    ),
    path(
        "audits/reviews/improvements/<int:pk>/progress/",
        reviews.review_improvement_progress,
        name="review-improvement-progress",
    ),
    path(
        "audits/reviews/improvement-updates/<int:pk>/file/",
        reviews.review_improvement_update_file,
        name="review-improvement-update-file",
    ),
    path(
        "audits/items/<int:item_pk>/evidence/", citations.item_evidence_page, name="item-evidence"
    ),
    path("audits/items/<int:item_pk>/cite/", citations.citation_new, name="citation-new"),
    path("audits/citations/new/", citations.citation_new, name="citation-new-for-item"),
    path(
        "audits/citations/<int:pk>/withdraw/",
        citations.citation_withdraw_view,
        name="citation-withdraw",
    ),
]
