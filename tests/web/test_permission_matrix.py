"""Every view × every role × every method, against the table in docs/security.md.

The URL configuration is walked, so a new view is in the matrix the moment it has a URL; a view
that declares no access rule, or has no sample object here, fails."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from followthrough.actionplans.models import Action, ActionPlan, ProgressUpdate, TargetRevision
from followthrough.actionplans.services import version_record
from followthrough.core.access import RULES
from followthrough.core.uploads import upload_store
from followthrough.ingest.models import ImportReview
from followthrough.ingest.sample import sample_action_plan
from followthrough.organisations.models import Membership, Organisation
from followthrough.organisations.services import organisations_ensure_known
from followthrough.selfassessment.models import (
    EvidenceHeld,
    ImprovementAction,
    ImprovementUpdate,
    SelfAssessment,
)
from tests.conftest import PASSWORD, ingest_text
from tests.selfassessment.made import make_assessment, make_service, make_thematics

DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"
METHODS = ["get", "head", "post", "put", "patch", "delete"]
ROLES = ["viewer", "contributor", "approver", "admin"]
COLUMNS = (
    ["anonymous"]
    + [f"own {r}" for r in ROLES]
    + [f"other {r}" for r in ROLES]
    + ["reviewer", "inspectorate admin", "superuser"]
)
# Which row of the documented table governs each rule (and, for plans, each variant).
ROW_FOR = {
    ("public", "published"): "read public pages (accessibility, privacy, cookies)",
    ("signed_in", "published"): "read published reports, recommendations, plans, progress "
    "reports, sources, overview, organisations, search",
    ("published_or_member", "published"): "read published reports, recommendations, plans, "
    "progress reports, sources, overview, organisations, search",
    ("published_or_member", "draft"): "read a draft action plan, its source and its history",
    ("audit_reader", "published"): "read the audit log and download it as CSV",
    ("organisation_admin", "published"): "manage an organisation's members (invite, change "
    "role, deactivate)",
    ("organisation_writer", "published"): "start a draft action plan for your organisation",
    ("response_writer", "published"): "edit a response or its actions (in a draft plan, or "
    "as a new version of a published one)",
    ("plan_approver", "published"): "submit or publish the organisation's action plan",
    ("action_owner", "published"): "report progress on an action of a published plan",
    ("reviewer", "published"): "record the inspectorate's judgement on a recommendation",
    ("inspectorate_member", "published"): "read every open recommendation across reports "
    "(inspectorate dashboard) and download the filtered list",
    ("target_approver", "published"): "approve or reject a new target for an action",
    ("importer", "published"): "import documents (upload, review and correct, then commit or "
    "discard)",
    ("service_writer", "published"): "start a self-assessment for your youth justice service",
    ("assessment_reader", "published"): "read your service's self-assessment (assessment, "
    "summary, board view, exports, evidence files)",
    ("assessment_writer", "published"): "answer a self-assessment, and add or update its "
    "improvement actions",
    ("improvement_writer", "published"): "answer a self-assessment, and add or update its "
    "improvement actions",
    ("assessment_signer", "published"): "sign off, reopen or share a self-assessment with the "
    "inspectorate",
}


def documented_matrix() -> dict[str, dict[str, bool]]:
    text = DOC.read_text()
    block = text.split("<!-- matrix:start -->")[1].split("<!-- matrix:end -->")[0]
    rows = [r for r in block.strip().splitlines() if r.startswith("|")]
    header = [c.strip() for c in rows[0].strip("|").split("|")]
    assert header[1:] == COLUMNS, "docs/security.md matrix columns changed"
    matrix = {}
    for row in rows[2:]:
        cells = [c.strip() for c in row.strip("|").split("|")]
        matrix[cells[0]] = {col: cell == "yes" for col, cell in zip(header[1:], cells[1:])}
    return matrix


def url_patterns(patterns=None, prefix=""):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            if entry.app_name == "admin":
                continue  # checked as one row below: admin has its own sign-in
            namespace = f"{entry.namespace}:" if entry.namespace else ""
            yield from url_patterns(entry.url_patterns, prefix + namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield prefix + entry.name, entry


@dataclass
class World:
    published: ActionPlan
    draft: ActionPlan
    users: dict
    own: Organisation
    target: Membership
    pending: ActionPlan  # moved along the workflow by the matrix itself; used for nothing else
    assessment: SelfAssessment  # the own service's, in progress and not shared

    def owned_action(self) -> Action:
        return Action.objects.filter(
            response__action_plan=self.published,
            owner_organisation=self.own,
            response__responding_organisation=self.own,
        ).first()

    def revision(self) -> TargetRevision:
        revision = TargetRevision.objects.filter(action__response__action_plan=self.published)
        return revision.first() or TargetRevision.objects.create(
            action=self.owned_action(),
            new_text="June 2031",
            new_kind="month",
            new_value="2031-06",
            new_due=date(2031, 6, 30),
            reason="Funding moved",
            proposed_on=date.today(),
        )

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
            "reporting:search": {},
            "reporting:chart": {"slug": "decisions"},
            "reporting:action-plan-export": {"pk": plan.report_id, "fmt": "csv"},
            "reporting:organisation-list": {},
            "reporting:organisation-detail": {"pk": plan.coordinating_organisation_id},
            "reporting:report-list": {},
            "reporting:report-detail": {"pk": plan.report_id},
            "inspections:report-findings": {"pk": plan.report_id},
            "reporting:recommendation-detail": {"pk": rec.pk},
            "actionplans:report-action-plan": {"pk": plan.report_id},
            "ingest:source-passage": {"pk": plan.source_id},
            "web:accessibility": {},
            "web:privacy": {},
            "web:cookies": {},
            "web:account": {},
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
            "auditlog:log": {},
            "auditlog:export": {},
            "auditlog:object-history": {"kind": "action-plan", "pk": plan.pk},
            "organisations:member-list": {"pk": self.own.pk},
            "actionplans:action-plan-new": {"pk": plan.report_id},
            "actionplans:response-edit": {"pk": self.draft.responses.first().pk},
            "actionplans:plan-submit": {"pk": self.pending.pk},
            "actionplans:review-new": {"pk": rec.pk},
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
        return table.get(name)


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
    return World(
        published, draft, users, orgs["YJB"], target, pending, _assessment(users, orgs["YJB"])
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


def expected(rule: str, methods: tuple, method: str, allowed: bool, column: str) -> set[int]:
    """Allowed reads answer 200; allowed writes 200 (form shown again) or 302 (done)."""
    if rule != "public" and column == "anonymous":
        return {302}
    if method.upper() not in methods:
        return {405}
    if not allowed:
        return {404}
    return {200} if method in ("get", "head") else {200, 302}


def test_every_view_declares_a_documented_rule():
    for name, pattern in url_patterns():
        rule = getattr(pattern.callback, "access_rule", None)
        assert rule in RULES, f"{name} declares no access rule (use core.access.access)"


def test_every_view_role_and_method_matches_the_documented_matrix(client, world):
    matrix = documented_matrix()
    checked, wrong = 0, []
    for name, pattern in url_patterns():
        rule = pattern.callback.access_rule
        methods = pattern.callback.access_methods
        variants = ["published", "draft"] if rule == "published_or_member" else ["published"]
        for variant in variants:
            kwargs = world.kwargs(name, variant)
            assert kwargs is not None, f"add a sample object for {name} to World.kwargs"
            url = reverse(name, kwargs=kwargs)
            row = matrix[ROW_FOR[(rule, variant)]]
            for column in COLUMNS:
                user = world.users[column]
                for method in METHODS:
                    client.logout()
                    if user is not None:
                        client.force_login(user)
                    status = getattr(client, method)(url).status_code
                    want = expected(rule, methods, method, row[column], column)
                    checked += 1
                    if status not in want:
                        wrong.append(f"{method.upper()} {url} as {column}: {status}, want {want}")
    assert not wrong, "\n".join(wrong[:40])
    assert checked > 500


def test_admin_is_reachable_only_by_superusers(client, world):
    row = documented_matrix()["use Django admin"]
    for column in COLUMNS:
        client.logout()
        if world.users[column] is not None:
            client.force_login(world.users[column])
        status = client.get("/admin/").status_code
        assert status == (200 if row[column] else 302), column


def test_the_rules_predicate_and_the_queryset_agree(world):
    for column, user in world.users.items():
        if user is None:
            continue
        visible = set(ActionPlan.objects.visible_to(user).values_list("pk", flat=True))
        for plan in (world.published, world.draft):
            assert (plan.pk in visible) == user.has_perm("actionplans.view_actionplan", plan), (
                column
            )


def test_matrix_documentation_rows_are_all_used():
    used = set(ROW_FOR.values()) | {"use Django admin"}
    assert set(documented_matrix()) == used
    assert re.search(r"\| action \|", DOC.read_text())
