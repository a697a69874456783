"""Every view declares who may reach it and with which methods; the permission matrix test reads
these declarations, so a view without one fails the suite."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.views.decorators.http import require_http_methods
from rules.permissions import has_perm as rule_holds

READ = ("GET", "HEAD")
FORM_METHODS = ("GET", "HEAD", "POST")

# The rules a view may name; docs/security.md describes each and tests enforce them.
RULES = {
    "public": "anyone, signed in or not",
    "signed_in": "any signed-in user",
    "published_or_member": "published records to any signed-in user; drafts only to the drafting "
    "organisation, the inspectorate and superusers",
    "invitee": "the person invited, while the invitation waits for their answer",
    "audit_reader": "administrators of an inspectorate and superusers",
    "organisation_admin": "administrators of the organisation in the URL, and superusers",
    "target_approver": "approvers of the organisation that drafted the plan or gives the response",
    "inspectorate_member": "members of an inspectorate, and superusers",
    "download_requester": "the person who asked for a download prepared in the background, "
    "nobody else: the file holds what they could see",
    "importer": "members of an inspectorate, and superusers: they import documents",
    "document_corrector": "members of an inspectorate, and superusers: they correct text read "
    "wrongly from a document",
    "reviewer": "inspectorate reviewers, and superusers",
    "action_owner": "contributors, approvers and administrators of the organisation that owns "
    "the action or gives its response, once the plan is published",
    "plan_approver": "approvers of the organisation that drafted the plan, and superusers",
    "organisation_writer": "contributors, approvers and administrators of any organisation",
    "response_writer": "contributors, approvers and administrators of the organisation that "
    "drafted the plan or gives the response, while the plan is a draft",
    "service_writer": "contributors, approvers and administrators of a youth justice service, "
    "and superusers: they start self-assessments",
    "assessment_reader": "members of the service whose self-assessment it is; the inspectorate "
    "once the service shares it; superusers",
    "assessment_writer": "contributors, approvers and administrators of the service, while its "
    "self-assessment is in progress",
    "assessment_signer": "approvers and administrators of the service (its managers): sign-off "
    "while in progress, reopening once signed off, sharing with the inspectorate at any time",
    "case_worker": "case managers and managers (approvers, administrators) of the youth justice "
    "service that holds the case; nobody else, superusers included",
    "service_member": "any member of a youth justice service, its board members included: "
    "aggregates of that service only",
    "national_reader": "members of the Youth Justice Board and of the inspectorates: national "
    "aggregates only",
    "service_admin": "administrators of a youth justice service: who viewed its cases, and its "
    "milestone rules",
    "task_owner": "the case's workers, and contributors, approvers and administrators of the "
    "agency that owns the task",
    "task_reader": "the case's workers, and any member of the agency that owns the task: its "
    "case's reference and the step, nothing else of the case",
    "improvement_writer": "contributors, approvers and administrators of the service: the "
    "improvement plan stays live after sign-off",
    "case_audit_reader": "members of the youth justice service whose audit it is (its board "
    "members included); the inspectorate once the service shares it; superusers: findings, "
    "ratings and their downloads, never a sampled case",
    "case_audit_worker": "case managers and managers of the service whose audit it is: the "
    "sampled cases and who marks them",
    "case_audit_manager": "managers (approvers, administrators) of the service who work its "
    "cases: set up, draw, assign, moderate, finish and share an audit, while it is open",
    "case_audit_sharer": "approvers and administrators of the service: share an audit's "
    "findings with the inspectorate, or stop sharing",
    "case_audit_marker": "the person assigned to mark that case (first or second marker), "
    "while the marking is open",
    "audit_starter": "managers of a youth justice service who work its cases: start an audit",
    "criteria_author": "administrators of an inspectorate or of a youth justice service, and "
    "superusers: create a criteria set",
    "criteria_owner": "administrators of the organisation that owns the criteria set, and "
    "superusers: change a draft, make a new version, publish, import",
    "rating_rules_admin": "administrators of an inspectorate, and superusers: change the "
    "rating rules",
    "standard_review_reader": "members of the service whose review it is; the inspectorate "
    "once the service shares it; superusers",
    "standard_review_writer": "contributors, approvers and administrators of the service, while "
    "its review is in progress (its improvement actions stay live after sign-off)",
    "standard_review_signer": "approvers and administrators of the service: sign off, share",
    "standard_review_starter": "contributors, approvers and administrators of a youth justice "
    "service: start the year's review against the resettlement standard",
}


# Pages that show no single record are guarded here, by the `rules` permission that decides who
# may use them (organisations/rules.py); a record's own rule is checked by its app's access.py.
PAGE_PERMISSIONS = {
    "inspectorate_member": "organisations.use_inspectorate_pages",
    "importer": "organisations.use_inspectorate_pages",
    "document_corrector": "inspections.change_recommendation",
    "audit_reader": "organisations.read_audit_log",
    "case_worker": "organisations.use_caseload",
    "service_member": "organisations.read_board_pack",
    "national_reader": "organisations.read_national_casework",
    "service_admin": "organisations.read_case_access_log",
}


def access(rule: str, *, methods: tuple[str, ...] = READ) -> Callable[[Any], Any]:
    """Declare a view's rule and methods; other methods get 405, and a page-level rule that
    refuses the user answers 404, so the page does not admit to existing."""
    if rule not in RULES:
        raise ValueError(f"unknown access rule {rule!r}")

    def decorate(view: Any) -> Any:
        permission = PAGE_PERMISSIONS.get(rule)

        @wraps(view)
        def guarded(request: Any, *args: Any, **kwargs: Any) -> Any:
            if permission and not allowed(request.user, permission):
                raise Http404
            return view(request, *args, **kwargs)

        # Methods first: a method the view does not declare answers 405 for everyone.
        wrapped = require_http_methods(list(methods))(guarded)
        if rule == "public":
            wrapped = login_not_required(wrapped)

        @wraps(wrapped)
        def checked(*args: Any, **kwargs: Any) -> Any:
            return wrapped(*args, **kwargs)

        checked.access_rule = rule  # type: ignore[attr-defined]
        checked.access_methods = methods  # type: ignore[attr-defined]
        if rule == "public":
            checked.login_required = False  # type: ignore[attr-defined]
        return checked

    return decorate


def allowed(user: Any, permission: str, obj: Any = None) -> bool:
    """Whether the `rules` permission holds for this user (and record). Unlike `user.has_perm`,
    which grants an active superuser everything, this asks the rule itself: state rules (a
    submitted plan is not edited, a signed-off assessment is read-only) bind superusers too, and
    each rule names superusers where they are meant to act."""
    return bool(rule_holds(permission, user, obj))  # type: ignore[no-untyped-call]
