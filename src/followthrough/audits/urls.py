from django.urls import path

from .views import audits, citations, criteria, findings, marking, rating_rules, reviews, sets

app_name = "audits"
urlpatterns = [
    path("audits/", audits.audit_list, name="audit-list"),
    path("audits/new/", audits.audit_new, name="audit-new"),
    path("audits/<id:pk>/", audits.audit_detail, name="audit-detail"),
    path("audits/<id:pk>/draw/", audits.audit_draw_view, name="audit-draw"),
    path("audits/<id:pk>/assign/", audits.audit_assign, name="audit-assign"),
    path("audits/<id:pk>/finish/", audits.audit_finish_view, name="audit-finish"),
    path("audits/<id:pk>/share/", audits.audit_share_view, name="audit-share"),
    path("audits/<id:pk>/findings/", findings.audit_findings_view, name="audit-findings"),
    path("audits/<id:pk>/findings.docx", findings.audit_findings_docx, name="audit-findings-docx"),
    path("audits/<id:pk>/findings.xlsx", findings.audit_findings_xlsx, name="audit-findings-xlsx"),
    path("audits/<id:pk>/findings.csv", findings.audit_findings_csv, name="audit-findings-csv"),
    path(
        "audits/<id:pk>/cases/<id:case_pk>/mark/<id:marker>/",
        marking.audit_mark,
        name="audit-mark",
    ),
    path("audits/<id:pk>/moderation/", marking.audit_moderation, name="audit-moderation"),
    path(
        "audits/<id:pk>/moderation/<id:case_pk>/<id:criterion_pk>/",
        marking.audit_moderate,
        name="audit-moderate",
    ),
    # The review against the resettlement standard, and "how do we know" on a self-assessment.
    path("audits/reviews/", reviews.review_list, name="review-list"),
    path("audits/reviews/new/", reviews.review_new, name="review-new"),
    path("audits/reviews/<id:pk>/", reviews.review_detail, name="review-detail"),
    path(
        "audits/reviews/<id:pk>/key-questions/<slug:code>/",
        reviews.review_key_question,
        name="review-key-question",
    ),
    path(
        "audits/reviews/<id:pk>/reflections/<id:index>/",
        reviews.review_reflection,
        name="review-reflection",
    ),
    path("audits/reviews/<id:pk>/sign-off/", reviews.review_signoff, name="review-signoff"),
    path("audits/reviews/<id:pk>/sharing/", reviews.review_share_view, name="review-share"),
    path(
        "audits/reviews/<id:pk>/improvements/new/<slug:code>/",
        reviews.review_improvement_new,
        name="review-improvement-new",
    ),
    path(
        "audits/reviews/improvements/<id:pk>/",
        reviews.review_improvement_edit,
        name="review-improvement-edit",
    ),
    path(
        "audits/reviews/improvements/<id:pk>/progress/",
        reviews.review_improvement_progress,
        name="review-improvement-progress",
    ),
    path(
        "audits/reviews/improvement-updates/<id:pk>/file/",
        reviews.review_improvement_update_file,
        name="review-improvement-update-file",
    ),
    path("audits/items/<id:item_pk>/evidence/", citations.item_evidence_page, name="item-evidence"),
    path("audits/items/<id:item_pk>/cite/", citations.citation_new, name="citation-new"),
    path(
        "audits/citations/<id:pk>/withdraw/",
        citations.citation_withdraw_view,
        name="citation-withdraw",
    ),
    # Criteria sets (versioned; a draft is edited, a published version is copied) and the rules.
    path("audits/criteria/", sets.criteria_list, name="criteria-list"),
    path("audits/criteria/new/", sets.criteria_new, name="criteria-new"),
    path("audits/criteria/<id:pk>/", sets.criteria_detail, name="criteria-detail"),
    path("audits/criteria/<id:pk>/edit/", sets.criteria_edit, name="criteria-edit"),
    path(
        "audits/criteria/<id:pk>/new-version/",
        sets.criteria_new_version_view,
        name="criteria-new-version",
    ),
    path("audits/criteria/<id:pk>/publish/", sets.criteria_publish_view, name="criteria-publish"),
    path(
        "audits/criteria/<id:pk>/criteria.xlsx",
        sets.criteria_export_xlsx,
        name="criteria-export-xlsx",
    ),
    path("audits/criteria/<id:pk>/import/", sets.criteria_import, name="criteria-import"),
    path(
        "audits/criteria/<id:pk>/sections/new/",
        criteria.criteria_section,
        name="criteria-section-new",
    ),
    path(
        "audits/criteria/<id:pk>/sections/<id:section_pk>/",
        criteria.criteria_section,
        name="criteria-section-edit",
    ),
    path(
        "audits/criteria/<id:pk>/sections/<id:section_pk>/remove/",
        criteria.criteria_section_remove,
        name="criteria-section-remove",
    ),
    path(
        "audits/criteria/<id:pk>/criteria/new/",
        criteria.criteria_criterion,
        name="criteria-criterion-new",
    ),
    path(
        "audits/criteria/<id:pk>/criteria/<id:criterion_pk>/",
        criteria.criteria_criterion,
        name="criteria-criterion-edit",
    ),
    path(
        "audits/criteria/<id:pk>/criteria/<id:criterion_pk>/remove/",
        criteria.criteria_criterion_remove,
        name="criteria-criterion-remove",
    ),
    path("audits/rating-rules/", rating_rules.rating_rules, name="rating-rules"),
    path("audits/rating-rules/edit/", rating_rules.rating_rules_edit, name="rating-rules-edit"),
]
