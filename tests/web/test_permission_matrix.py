"""Every view × every role × every method, against the table in docs/security.md.

The URL configuration is walked, so a new view is in the matrix the moment it has a URL; a view
that declares no access rule, or has no sample object here, fails."""

from __future__ import annotations

import re
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver, reverse

from followthrough.actionplans.models import ActionPlan
from followthrough.core.access import RULES
from tests.web.matrix_world import ROLES

DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"
METHODS = ["get", "head", "post", "put", "patch", "delete"]
COLUMNS = (
    ["anonymous"]
    + [f"own {r}" for r in ROLES]
    + [f"other {r}" for r in ROLES]
    + ["reviewer", "inspectorate admin", "superuser"]
)
# Which row of the documented table governs each rule (and, for plans, each variant).
ROW_FOR = {
    ("public", "published"): "read public pages (accessibility, privacy, cookies, the API's "
    "schema and documentation, the health check)",
    ("signed_in", "published"): "read published reports, recommendations, plans, progress "
    "reports, sources, overview, organisations, search",
    ("published_or_member", "published"): "read published reports, recommendations, plans, "
    "progress reports, sources, overview, organisations, search",
    ("published_or_member", "draft"): "read a draft action plan, its source and its history",
    ("audit_reader", "published"): "read the audit log and download it as CSV",
    ("organisation_admin", "published"): "manage an organisation's members (invite, change "
    "role, deactivate)",
    ("invitee", "published"): "accept or decline an invitation to join an organisation (only "
    "the person invited; the sample invites the other viewer to the own organisation)",
    ("case_worker", "published"): "read the caseload and a child's case, open a case and record "
    "what happens in it (details, pathways, meetings, tasks, contacts, release, outcomes, "
    "constructive resettlement, closing), import cases from a spreadsheet and download the "
    "caseload (the service's case managers and managers only; the sample case is the own "
    "service's, open)",
    ("service_member", "published"): "read a youth justice service's resettlement board pack "
    "and download it as Word or PDF (aggregates, small numbers suppressed; any member of the "
    "service)",
    ("national_reader", "published"): "read national resettlement casework figures "
    "(aggregates by service; the YJB and the inspectorates)",
    ("service_admin", "published"): "read who viewed a youth justice service's cases and change "
    "its milestone rules (its administrators)",
    ("task_owner", "published"): "update a task on a child's case (the case's workers, and the "
    "agency that owns the task; the sample task is owned by the other organisation)",
    ("task_reader", "published"): "read a task on a child's case: its case's reference and the "
    "step (the case's workers, and any member of the agency that owns the task; the sample task "
    "is owned by the other organisation)",
    ("organisation_writer", "published"): "start a draft action plan for your organisation",
    ("response_writer", "published"): "edit a response or its actions (in a draft plan, or "
    "as a new version of a published one)",
    ("plan_approver", "published"): "submit or publish the organisation's action plan",
    ("action_owner", "published"): "report progress on an action of a published plan",
    ("reviewer", "published"): "record the inspectorate's judgement on a recommendation, or a "
    "historic plan's status as at its last review",
    ("inspectorate_member", "published"): "read every open recommendation across reports "
    "(inspectorate dashboard) and download the filtered list",
    ("download_requester", "published"): "fetch a download prepared in the background (only "
    "the person who asked for it; the sample was asked for by the own contributor)",
    ("target_approver", "published"): "approve or reject a new target for an action",
    ("importer", "published"): "import documents (upload, review and correct, then commit or "
    "discard)",
    ("document_corrector", "published"): "correct a recommendation's text read wrongly from its "
    "document (the inspectorate)",
    ("service_writer", "published"): "start a self-assessment for your youth justice service",
    ("assessment_reader", "published"): "read your service's self-assessment (assessment, "
    "summary, board view, exports, evidence files)",
    ("assessment_writer", "published"): "answer a self-assessment, and add or update its "
    "improvement actions",
    ("improvement_writer", "published"): "answer a self-assessment, and add or update its "
    "improvement actions",
    ("assessment_signer", "published"): "sign off, reopen or share a self-assessment with the "
    "inspectorate",
    ("audit_starter", "published"): "start a case audit for your youth justice service (its "
    "managers who work its cases)",
    ("case_audit_worker", "published"): "see an audit's sampled cases and who marks them (the "
    "service's case managers and managers; nobody else, superusers included)",
    ("case_audit_manager", "published"): "run a case audit: draw its sample, choose its markers, "
    "settle the differences between markers, finish it (managers of the service who work its "
    "cases, while it is open)",
    ("case_audit_marker", "published"): "mark a sampled case (only the marker assigned, first or "
    "second; the sample case's first marker is the own approver)",
    ("case_audit_reader", "published"): "read a case audit's findings and ratings and download "
    "them as Word, Excel or CSV (any member of the service, its board members included; the "
    "inspectorate once the service shares it, with small numbers hidden; superusers; never a "
    "sampled case; the sample audit is not shared)",
    ("standard_review_starter", "published"): "start the year's review against the resettlement "
    "standard for your youth justice service (its contributors, approvers and administrators)",
    ("standard_review_reader", "published"): "read your service's review against the "
    "resettlement standard and its evidence files (members of the service; the inspectorate once "
    "the service shares it; superusers; the sample review is not shared)",
    ("standard_review_writer", "published"): "answer a review against the resettlement standard, "
    "and add or update its improvement actions (contributors, approvers and administrators of the "
    "service)",
    ("standard_review_signer", "published"): "sign off or share a review against the "
    "resettlement standard (approvers and administrators of the service)",
    ("criteria_author", "published"): "create a criteria set for case audits (administrators of "
    "an inspectorate or of a youth justice service; superusers)",
    ("criteria_owner", "published"): "change a draft criteria set, make a new version of one, "
    "publish it, or upload it from Excel (administrators of the organisation that owns the set; "
    "superusers; the sample set is the inspectorate's)",
    ("rating_rules_admin", "published"): "change the rating rules that turn case percentages "
    "into ratings (administrators of an inspectorate; superusers)",
    ("case_audit_sharer", "published"): "share a case audit's findings with the inspectorate, or "
    "stop (the service's approvers and administrators)",
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


def expected(
    rule: str, methods: tuple, method: str, allowed: bool, column: str, api: str = ""
) -> set[int]:
    """Allowed reads answer 200; allowed writes 200 (form shown again) or 302 (done). An API
    endpoint (`api` is "list" or "detail") answers 401 rather than sending anyone to sign in,
    and a method it does not declare 405, or 404 on a record the user cannot see. An API write
    endpoint answers 403 to someone who can see the record but may not change it (404 to the
    rest: tests/api/ tells the two apart), and an allowed write sent with no body is refused
    as the pages' form would be (400), or for want of If-Match (428)."""
    writes = api and not set(methods) <= {"GET", "HEAD"}
    if rule != "public" and column == "anonymous":
        return {401} if api else {302}
    if api == "detail" and not allowed:
        return {403, 404} if writes else {404}
    if method.upper() not in methods:
        return {405}
    if not allowed:
        return {404}
    if writes:
        return {200, 201, 400, 428}
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
        api_kind = ""
        if getattr(pattern.callback, "access_api", False):
            api_kind = "detail" if "pk" in pattern.pattern.converters else "list"
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
                    want = expected(rule, methods, method, row[column], column, api_kind)
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
