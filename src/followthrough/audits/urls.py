from django.urls import path

from .views import audits, citations, criteria, findings, marking, rating_rules, reviews, sets

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
    path(
        "audits/citations/<int:pk>/withdraw/",
        citations.citation_withdraw_view,
        name="citation-withdraw",
    ),
    # Criteria sets (versioned; a draft is edited, a published version is copied) and the rules.
    path("audits/criteria/", sets.criteria_list, name="criteria-list"),
    path("audits/criteria/new/", sets.criteria_new, name="criteria-new"),
    path("audits/criteria/<int:pk>/", sets.criteria_detail, name="criteria-detail"),
    path("audits/criteria/<int:pk>/edit/", sets.criteria_edit, name="criteria-edit"),
    path(
        "audits/criteria/<int:pk>/new-version/",
        sets.criteria_new_version_view,
        name="criteria-new-version",
    ),
    path("audits/criteria/<int:pk>/publish/", sets.criteria_publish_view, name="criteria-publish"),
    path(
        "audits/criteria/<int:pk>/criteria.xlsx",
        sets.criteria_export_xlsx,
        name="criteria-export-xlsx",
    ),
    path("audits/criteria/<int:pk>/import/", sets.criteria_import, name="criteria-import"),
    path(
        "audits/criteria/<int:pk>/sections/new/",
        criteria.criteria_section,
        name="criteria-section-new",
    ),
    path(
        "audits/criteria/<int:pk>/sections/<int:section_pk>/",
        criteria.criteria_section,
        name="criteria-section-edit",
    ),
    path(
        "audits/criteria/<int:pk>/sections/<int:section_pk>/remove/",
        criteria.criteria_section_remove,
        name="criteria-section-remove",
    ),
    path(
        "audits/criteria/<int:pk>/criteria/new/",
        criteria.criteria_criterion,
        name="criteria-criterion-new",
    ),
    path(
        "audits/criteria/<int:pk>/criteria/<int:criterion_pk>/",
        criteria.criteria_criterion,
        name="criteria-criterion-edit",
    ),
    path(
        "audits/criteria/<int:pk>/criteria/<int:criterion_pk>/remove/",
        criteria.criteria_criterion_remove,
        name="criteria-criterion-remove",
    ),
    path("audits/rating-rules/", rating_rules.rating_rules, name="rating-rules"),
    path("audits/rating-rules/edit/", rating_rules.rating_rules_edit, name="rating-rules-edit"),
]
