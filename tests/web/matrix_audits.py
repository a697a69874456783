"""The case audit part of the permission matrix's world: a published criteria set, and an audit
of the own service's one case, marked twice (first by the own approver, second by the own
admin) with one difference left to settle, so the audit stays open whatever the matrix posts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import transaction

from followthrough.audits.models import (
    Answer,
    Audit,
    AuditCase,
    CriteriaSet,
    Criterion,
    EvidenceCitation,
    ReviewImprovement,
    ReviewImprovementUpdate,
    Section,
    StandardReview,
)
from followthrough.audits.services import (
    Given,
    answers_record,
    audit_case_assign,
    audit_create,
    audit_draw,
    marking_finish,
)
from followthrough.core.uploads import upload_store
from followthrough.inspections.models import Report
from followthrough.organisations.models import Organisation
from followthrough.selfassessment.models import AssessedRecommendation


@dataclass
class AuditWorld:
    criteria_set: CriteriaSet
    audit: Audit
    audit_case: AuditCase
    differing: Criterion
    review: StandardReview  # in progress, unrated (so sign-off is refused), not shared
    improvement: ReviewImprovement
    update: ReviewImprovementUpdate  # with an evidence file
    citation: EvidenceCitation  # on the self-assessment's first item
    draft: CriteriaSet  # the inspectorate's draft: a section, and a criterion another depends on
    draft_section: Section
    draft_parent: Criterion


def make_audit_world(
    users: dict, service: Organisation, item: AssessedRecommendation
) -> AuditWorld:
    owner = Organisation.objects.get(short_name="HMI Probation")
    cs = CriteriaSet.objects.create(
        family="matrix-set", name="Matrix criteria", owner=owner, status="published"
    )
    section = Section.objects.create(criteria_set=cs, order=1, title="Planning")
    agreed = Criterion.objects.create(
        criteria_set=cs, section=section, order=1, code="1.1", statement="Planned early."
    )
    differing = Criterion.objects.create(
        criteria_set=cs, section=section, order=2, code="1.2", statement="Planned well."
    )
    first, second = users["own approver"], users["own admin"]
    with transaction.atomic():
        audit = audit_create(
            organisation=service,
            criteria_set=cs,
            title="Matrix audit",
            period_start=date(2020, 1, 1),
            period_end=date(2030, 12, 31),
            population=Audit.Population.IN_CUSTODY,
            double_mark_percent=100,
            actor=first,
        )
        audit = audit_draw(audit=audit, version=audit.version, actor=first, seed=1)
        row = audit.cases.get()
        row = audit_case_assign(
            audit_case=row,
            version=row.version,
            actor=first,
            first_marker=first,
            second_marker=second,
        )
        for marker, user, value in ((Answer.FIRST, first, "yes"), (Answer.SECOND, second, "no")):
            row = answers_record(
                audit_case=row,
                marker=marker,
                version=1,
                actor=user,
                given={agreed.pk: Given("yes"), differing.pk: Given(value)},
            )
            row = marking_finish(audit_case=row, marker=marker, actor=user)
    audit.refresh_from_db()
    Report.objects.create(
        title="A synthetic guide to resettlement practice",
        kind=Report.Kind.PRACTICE_GUIDE,
        guide={
            "reflection_questions": [
                {"perspective": "strategic", "question": "How well do partners plan release?"}
            ]
        },
    )
    review = StandardReview.objects.create(organisation=service, year=2026)
    improvement = ReviewImprovement.objects.create(
        review=review, key_question="policy", description="Write the policy", target_text="2027"
    )
    update = ReviewImprovementUpdate.objects.create(
        action=improvement,
        date=date(2026, 6, 1),
        text="Drafted",
        evidence_file=upload_store(data=b"draft policy", kind="text"),
        evidence_file_kind="text",
        evidence_file_name="policy.txt",
    )
    citation = EvidenceCitation.objects.create(item=item, kind="measure", measure="accommodation")
    draft = CriteriaSet.objects.create(family="matrix-draft", name="Draft criteria", owner=owner)
    draft_section = Section.objects.create(criteria_set=draft, order=1, title="Release")
    parent = Criterion.objects.create(
        criteria_set=draft, section=draft_section, order=1, code="1.1", statement="Housed."
    )
    Criterion.objects.create(
        criteria_set=draft,
        section=draft_section,
        order=2,
        code="1.2",
        statement="Where not housed, the reason was recorded.",
        parent=parent,
        parent_answer="no",
    )
    return AuditWorld(
        cs,
        audit,
        row,
        differing,
        review,
        improvement,
        update,
        citation,
        draft,
        draft_section,
        parent,
    )


def audit_kwargs(name: str, world: AuditWorld) -> dict | None:
    audit = {"pk": world.audit.pk}
    review = {"pk": world.review.pk}
    draft = {"pk": world.draft.pk}
    return {
        "audits:audit-list": {},
        "audits:audit-new": {},
        "audits:audit-detail": audit,
        "audits:audit-draw": audit,
        "audits:audit-assign": audit,
        "audits:audit-finish": audit,
        "audits:audit-share": audit,
        "audits:audit-findings": audit,
        "audits:audit-findings-docx": audit,
        "audits:audit-findings-xlsx": audit,
        "audits:audit-findings-csv": audit,
        "audits:audit-mark": audit | {"case_pk": world.audit_case.pk, "marker": 1},
        "audits:audit-moderation": audit,
        "audits:audit-moderate": audit
        | {"case_pk": world.audit_case.pk, "criterion_pk": world.differing.pk},
        "audits:review-list": {},
        "audits:review-new": {},
        "audits:review-detail": review,
        "audits:review-key-question": review | {"code": "policy"},
        "audits:review-reflection": review | {"index": 0},
        "audits:review-signoff": review,
        "audits:review-share": review,
        "audits:review-improvement-new": review | {"code": "policy"},
        "audits:review-improvement-edit": {"pk": world.improvement.pk},
        "audits:review-improvement-progress": {"pk": world.improvement.pk},
        "audits:review-improvement-update-file": {"pk": world.update.pk},
        "audits:item-evidence": {"item_pk": world.citation.item_id},
        "audits:citation-new": {"item_pk": world.citation.item_id},
        "audits:citation-withdraw": {"pk": world.citation.pk},
        "audits:criteria-list": {},
        "audits:criteria-new": {},
        "audits:criteria-detail": {"pk": world.criteria_set.pk},
        "audits:criteria-export-xlsx": {"pk": world.criteria_set.pk},
        "audits:rating-rules": {},
        "audits:rating-rules-edit": {},
        **{
            f"audits:criteria-{name}": draft
            for name in (
                "edit",
                "new-version",
                "publish",
                "import",
                "section-new",
                "criterion-new",
            )
        },
        "audits:criteria-section-edit": draft | {"section_pk": world.draft_section.pk},
        "audits:criteria-section-remove": draft | {"section_pk": world.draft_section.pk},
        "audits:criteria-criterion-edit": draft | {"criterion_pk": world.draft_parent.pk},
        "audits:criteria-criterion-remove": draft | {"criterion_pk": world.draft_parent.pk},
    }.get(name)
