"""The world the permission matrix is checked in: a published and a draft plan of the own
organisation, a user in every column, and a sample object for every view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from followthrough.actionplans.models import (
    Action,
    ActionPlan,
    PlanVersion,
    ProgressUpdate,
    Review,
)
from followthrough.actionplans.services import version_record
from followthrough.cases.models import Case, CasePathway, Pathway, Task
from followthrough.core.uploads import upload_store
from followthrough.ingest.models import ImportReview, ImportUpload
from followthrough.ingest.sample import sample_action_plan
from followthrough.organisations.models import Membership, Organisation
from followthrough.organisations.services import organisations_ensure_known
from followthrough.selfassessment.models import (
    EvidenceHeld,
    ImprovementAction,
    ImprovementUpdate,
    SelfAssessment,
)
from tests.cases.factories import CaseFactory, TaskFactory
from tests.conftest import PASSWORD, ingest_text
from tests.selfassessment.made import make_assessment, make_service, make_thematics
from tests.web.matrix_audits import AuditWorld, audit_kwargs, make_audit_world
from tests.web.matrix_records import WorldRecords

ROLES = ["viewer", "contributor", "approver", "admin"]


@dataclass
class World(WorldRecords):
    published: ActionPlan
    draft: ActionPlan
    users: dict
    own: Organisation
    target: Membership
    pending: ActionPlan  # moved along the workflow by the matrix itself; used for nothing else
    assessment: SelfAssessment  # the own service's, in progress and not shared
    invitation: Membership  # the other viewer, invited to the own organisation, not answered
    case: Case  # a child's case of the own service (the assessment's), open
    task: Task  # a step of that case's plan owned by the other organisation (a partner)
    audits: AuditWorld  # a criteria set and an open audit of that case (tests/web/matrix_audits)

    def kwargs(self, name: str, variant: str) -> dict | None:
        plan = self.published if variant == "published" else self.draft
        rec = plan.responses.first().recommendation
        table = {
            "reporting:overview": {},
            "reporting:my-organisation": {},
            "reporting:inspectorate": {},
            "reporting:inspectorate-export": {"fmt": "csv"},
            "reporting:annual-report": {"pk": plan.report_id},
            "reporting:annual-report-export": {"pk": plan.report_id, "fmt": "docx"},
            "reporting:annual-report-download": {"pk": plan.report_id, "fmt": "pdf"},
            "reporting:inspectorate-download": {"fmt": "csv"},
            "reporting:download": {"pk": self.download().pk},
            "reporting:search": {},
            "reporting:chart": {"slug": "decisions"},
            "reporting:action-plan-export": {"pk": plan.report_id, "fmt": "csv"},
            "reporting:organisation-list": {},
            "reporting:organisation-detail": {"pk": plan.coordinating_organisation_id},
            "reporting:report-list": {},
            "reporting:report-detail": {"pk": plan.report_id},
            "inspections:report-findings": {"pk": plan.report_id},
            "reporting:recommendation-detail": {"pk": rec.pk},
            "inspections:recommendation-correct": {"pk": rec.pk},
            "actionplans:report-action-plan": {"pk": plan.report_id},
            "ingest:source-passage": {"pk": plan.source_id},
            "web:accessibility": {},
            "web:privacy": {},
            "web:cookies": {},
            "web:healthz": {},
            "auditlog:download": {},
            "web:account": {},
            "api:schema": {},
            "api:docs": {},
            "api:report-list": {},
            "api:report-detail": {"pk": plan.report_id},
            "api:recommendation-list": {},
            "api:recommendation-detail": {"pk": rec.pk},
            "api:action-plan-list": {},
            "api:action-plan-detail": {"pk": plan.pk},
            "api:organisation-list": {},
            "api:organisation-detail": {"pk": plan.coordinating_organisation_id},
            "api:action-plan-start": {"pk": plan.report_id},
            "api:action-plan-submit": {"pk": self.pending.pk},
            "api:action-plan-publish": {"pk": self.pending.pk},
            "api:response-record": {"pk": self.draft.responses.first().pk},
            "api:action-create": {"pk": self.draft.responses.first().pk},
            "api:action-edit": {
                "pk": Action.objects.filter(response__action_plan=self.draft).first().pk
            },
            "api:progress-create": {"pk": self.owned_action().pk},
            "api:target-revision-create": {"pk": self.owned_action().pk},
            "api:target-revision-decide": {"pk": self.revision().pk},
            "api:plan-version-list": {},
            "api:plan-version-detail": {"pk": PlanVersion.objects.get(action_plan=plan).pk},
            "api:progress-update-list": {},
            "api:progress-update-detail": {
                "pk": ProgressUpdate.objects.get(action__response__action_plan=plan).pk
            },
            "api:target-revision-list": {},
            "api:target-revision-detail": {"pk": self.revision_of(plan).pk},
            "api:review-list": {},
            "api:review-detail": {
                "pk": (
                    Review.objects.filter(recommendation=rec).first()
                    or Review.objects.create(
                        recommendation=rec, date=date.today(), judgement="achieved"
                    )
                ).pk
            },
            "api:case-list": {},
            "api:case-detail": {"pk": self.case.pk},
            "api:task-list": {},
            "api:task-detail": {"pk": self.task.pk},
            "api:self-assessment-list": {},
            "api:self-assessment-detail": {"pk": self.assessment.pk},
            "api:audit-list": {},
            "api:audit-detail": {"pk": self.audits.audit.pk},
            "api:finding-list": {},
            "api:finding-detail": {"pk": self.finding_of(plan).pk},
            "api:practice-example-list": {},
            "api:practice-example-detail": {"pk": self.practice_of(plan).pk},
            "api:casework-board": {},
            "api:casework-national": {},
            "api:assessment-item-answers": {"pk": self.assessment.items.first().pk},
            "api:case-upsert": {"reference": self.case.reference},
            "api:task-update": {"pk": self.task.pk},
            "login": {},
            "logout": {},
            "password_reset": {},
            "password_reset_done": {},
            "password_reset_confirm": {"uidb64": "MQ", "token": "not-a-token"},
            "password_reset_complete": {},
            "password_change": {},
            "password_change_done": {},
            "actionplans:plan-version": {"pk": plan.pk, "number": 1},
            "actionplans:evidence-file": {
                "pk": ProgressUpdate.objects.get(action__response__action_plan=plan).pk
            },
            "ingest:import-list": {},
            "ingest:import-review": {"pk": ImportReview.objects.get().pk},
            "ingest:import-upload": {"pk": ImportUpload.objects.get().pk},
            "auditlog:log": {},
            "auditlog:export": {},
            "auditlog:object-history": {"kind": "action-plan", "pk": plan.pk},
            "organisations:member-list": {"pk": self.own.pk},
            "actionplans:action-plan-new": {"pk": plan.report_id},
            "actionplans:response-edit": {"pk": self.draft.responses.first().pk},
            "actionplans:plan-submit": {"pk": self.pending.pk},
            "actionplans:review-new": {"pk": rec.pk},
            "actionplans:plan-status-as-at": {"pk": plan.pk},
            "actionplans:action-progress": {"pk": self.owned_action().pk},
            "actionplans:target-propose": {"pk": self.owned_action().pk},
            "actionplans:target-decide": {"pk": self.revision().pk},
            "actionplans:plan-publish": {"pk": self.pending.pk},
            "actionplans:action-new": {"pk": self.draft.responses.first().pk},
            "actionplans:action-edit": {
                "pk": Action.objects.filter(response__action_plan=self.draft).first().pk
            },
            "organisations:two-factor-policy": {"pk": self.own.pk},
            "two-factor-setup": {},
            "two-factor-verify": {},
            "organisations:member-invite": {"pk": self.own.pk},
            "organisations:member-change": {"pk": self.own.pk, "membership_pk": self.target.pk},
            "webhooks:endpoint-list": {"pk": self.own.pk},
            "webhooks:endpoint-create": {"pk": self.own.pk},
            "webhooks:endpoint-detail": {
                "pk": self.own.pk,
                "endpoint_pk": self.webhook_endpoint().pk,
            },
            "webhooks:endpoint-disable": {
                "pk": self.own.pk,
                "endpoint_pk": self.webhook_endpoint().pk,
            },
            "webhooks:endpoint-test": {
                "pk": self.own.pk,
                "endpoint_pk": self.webhook_endpoint().pk,
            },
            "organisations:invitation-answer": {"pk": self.invitation.pk},
            "cases:case-list": {},
            "cases:task-list": {},
            "cases:board": {},
            "cases:board-docx": {},
            "cases:board-pdf": {},
            "cases:national": {},
            "cases:access-log": {},
            "cases:milestone-rules": {},
            "cases:case-detail": {"pk": self.case.pk},
            "cases:case-new": {},
            "cases:case-import": {},
            "cases:caseload-export-csv": {},
            "cases:caseload-export-xlsx": {},
            "cases:task-update": {"pk": self.task.pk},
            "cases:case-edit": {"pk": self.case.pk},
            "cases:pathway-edit": {"pk": self.case.pk, "code": "accommodation"},
            "cases:meeting-new": {"pk": self.case.pk},
            "cases:task-new": {"pk": self.case.pk},
            "cases:contact-new": {"pk": self.case.pk},
            "cases:release": {"pk": self.case.pk},
            "cases:outcome": {"pk": self.case.pk, "months": 3},
            "cases:support": {"pk": self.case.pk},
            "cases:case-close": {"pk": self.case.pk},
            "selfassessment:assessment-list": {},
            "selfassessment:assessment-new": {},
            "selfassessment:sign-off": {"pk": self.assessment.pk},
            "selfassessment:sharing": {"pk": self.assessment.pk},
            "selfassessment:scope": {"pk": self.assessment.pk},
            "selfassessment:reopen": {"pk": self.assessment.pk},
            "selfassessment:item-edit": {"pk": self.assessment.items.first().pk},
            "selfassessment:improvement-new": {"pk": self.assessment.items.first().pk},
            "selfassessment:evidence-file": {"pk": EvidenceHeld.objects.get().pk},
            "selfassessment:improvement-edit": {"pk": ImprovementAction.objects.get().pk},
            "selfassessment:improvement-progress": {"pk": ImprovementAction.objects.get().pk},
            "selfassessment:improvement-update-file": {"pk": ImprovementUpdate.objects.get().pk},
            **{
                f"selfassessment:{name}": {"pk": self.assessment.pk}
                for name in ("assessment-detail", "summary", "board", "plan-export")
            },
            "selfassessment:answers-export": {"pk": self.assessment.pk},
        }
        return table[name] if name in table else audit_kwargs(name, self.audits)


@pytest.fixture
def world(db, settings, tmp_path):
    orgs = {o.short_name: o for o in organisations_ensure_known()}
    published_result = ingest_text(
        sample_action_plan(title="A thematic inspection of open work", today=date.today()),
        "open.txt",
    )
    draft_result = ingest_text(
        sample_action_plan(title="A thematic inspection of closed work", today=date.today()),
        "closed.txt",
    )
    published = ActionPlan.objects.get(source=published_result.source)
    published.coordinating_organisation = orgs["YJB"]
    published.save()
    draft = ActionPlan.objects.get(source=draft_result.source)
    draft.status = ActionPlan.Status.DRAFT
    draft.coordinating_organisation = orgs["YJB"]
    draft.save()
    User = get_user_model()
    users = {"anonymous": None}
    for role in ROLES:
        for side, org in (("own", orgs["YJB"]), ("other", orgs["MoJ"])):
            user = User.objects.create_user(f"{side}-{role}", password=PASSWORD)
            Membership.objects.create(user=user, organisation=org, role=role)
            users[f"{side} {role}"] = user
    reviewer = User.objects.create_user("reviewer", password=PASSWORD)
    Membership.objects.create(
        user=reviewer,
        organisation=Organisation.objects.get(short_name="HMI Probation"),
        role=Membership.Role.REVIEWER,
    )
    users["reviewer"] = reviewer
    inspectorate_admin = User.objects.create_user("inspectorate-admin", password=PASSWORD)
    Membership.objects.create(
        user=inspectorate_admin,
        organisation=Organisation.objects.get(short_name="HMI Probation"),
        role=Membership.Role.ADMIN,
    )
    users["inspectorate admin"] = inspectorate_admin
    users["superuser"] = User.objects.create_superuser("root", password=PASSWORD)
    target = Membership.objects.create(
        user=User.objects.create_user("target", password=PASSWORD),
        organisation=orgs["YJB"],
        role=Membership.Role.VIEWER,
    )
    pending_result = ingest_text(
        sample_action_plan(title="A thematic inspection of pending work", today=date.today()),
        "pending.txt",
    )
    pending = ActionPlan.objects.get(source=pending_result.source)
    pending.status = ActionPlan.Status.DRAFT
    pending.coordinating_organisation = orgs["YJB"]
    pending.save()
    settings.UPLOAD_ROOT = tmp_path
    ImportReview.objects.create(
        file_name="waiting.txt",
        sha256="0" * 64,
        format="text",
        size=1,
        kind="action_plan",
        text="",
        extraction={"recommendations": []},
    )
    ImportUpload.objects.create(file_name="large.txt", size=1, content=b"x")
    for plan in (published, draft):
        version_record(plan, actor=None, note="As first published")
        ProgressUpdate.objects.create(
            action=Action.objects.filter(response__action_plan=plan).first(),
            date=date.today(),
            text="Evidence attached",
            evidence_file=upload_store(data=b"minutes of the meeting", kind="text"),
            evidence_file_kind="text",
            evidence_file_name="minutes.txt",
        )
    invitation = Membership.objects.create(
        user=users["other viewer"],
        organisation=orgs["YJB"],
        role=Membership.Role.VIEWER,
        is_active=False,
        pending=True,
    )
    assessment = _assessment(users, orgs["YJB"])
    case = CaseFactory(service=assessment.organisation)
    CasePathway.objects.create(case=case, pathway=Pathway.objects.get(code="accommodation"))
    task = TaskFactory(case=case, owner=orgs["MoJ"])
    return World(
        published,
        draft,
        users,
        orgs["YJB"],
        target,
        pending,
        assessment,
        invitation,
        case,
        task,
        make_audit_world(users, assessment.organisation, assessment.items.first()),
    )


def _assessment(users: dict, own: Organisation) -> SelfAssessment:
    """A youth justice service whose members hold the same roles as the own organisation's,
    with an assessment in progress: unrated, so sign-off is refused and it stays in progress."""
    service = make_service("Northfield Youth Justice Service")
    for membership in Membership.objects.filter(organisation=own, user__username__startswith="own"):
        Membership.objects.create(user=membership.user, organisation=service, role=membership.role)
    make_thematics(reports=1, per_report=2, lines=2)
    assessment = make_assessment(service, 2026, None)
    item = assessment.items.first()
    EvidenceHeld.objects.create(
        item=item,
        index=0,
        held=True,
        evidence_file=upload_store(data=b"board minutes", kind="text"),
        evidence_file_kind="text",
        evidence_file_name="minutes.txt",
    )
    action = ImprovementAction.objects.create(item=item, description="Review", target_text="2027")
    ImprovementUpdate.objects.create(
        action=action,
        date=date.today(),
        text="Started",
        evidence_file=upload_store(data=b"terms of reference", kind="text"),
        evidence_file_kind="text",
        evidence_file_name="terms.txt",
    )
    return assessment
