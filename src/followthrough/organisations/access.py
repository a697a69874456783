"""What a user's memberships allow, worked out once per request and kept on the user object."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.http import Http404
from django.shortcuts import get_object_or_404

from followthrough.core.access import allowed

from .models import CASE_ROLES, SIGNERS, WRITERS, Membership, Organisation


@dataclass(frozen=True)
class Standing:
    organisation_ids: frozenset[int] = field(default_factory=frozenset)
    roles: dict[int, str] = field(default_factory=dict)
    is_inspectorate: bool = False
    is_inspectorate_admin: bool = False
    is_reviewer: bool = False
    is_superuser: bool = False
    two_factor_required: bool = False
    service_ids: frozenset[int] = field(default_factory=frozenset)  # youth justice services
    reads_national_casework: bool = False

    @property
    def sees_all_drafts(self) -> bool:
        return self.is_inspectorate or self.is_superuser

    @property
    def reads_audit_log(self) -> bool:
        return self.is_inspectorate_admin or self.is_superuser

    @property
    def writes_for_any(self) -> bool:
        """Writes for some organisation: without it no plan's record is theirs to write, which
        lets a long page skip asking of every record."""
        return self.is_superuser or any(role in WRITERS for role in self.roles.values())

    def writes_for(self, organisation_id: int | None) -> bool:
        return organisation_id is not None and self.roles.get(organisation_id, "") in WRITERS

    def works_cases_of(self, organisation_id: int | None) -> bool:
        """Case manager or manager of this youth justice service: reads its children's cases."""
        return organisation_id in self.case_service_ids

    @property
    def case_service_ids(self) -> list[int]:
        """The youth justice services whose cases the user works (case manager or manager)."""
        return [
            org
            for org, role in self.roles.items()
            if role in CASE_ROLES and org in self.service_ids
        ]

    @property
    def task_owner_ids(self) -> list[int]:
        """The organisations whose tasks on children's cases the user reads: a partner agency's
        members, and of a youth justice service only its case workers (not its board members
        or contributors, who read no case)."""
        cases = set(self.case_service_ids)
        return [org for org in self.roles if org not in self.service_ids or org in cases]

    def updates_tasks_of(self, organisation_id: int | None) -> bool:
        """Whether the user reports on the tasks this organisation owns: a partner agency's
        contributors, approvers and administrators, or the service's own case workers."""
        if organisation_id in self.service_ids:
            return self.works_cases_of(organisation_id)
        return self.writes_for(organisation_id)

    def signs_for(self, organisation_id: int | None) -> bool:
        return organisation_id is not None and self.roles.get(organisation_id, "") in SIGNERS

    @property
    def writer_organisation_ids(self) -> list[int]:
        """The organisations the user writes for: contributor, approver or admin."""
        return [org for org, role in self.roles.items() if role in WRITERS]


ANONYMOUS = Standing()
NATIONAL_OVERSIGHT_BODY = "Youth Justice Board"  # the canonical name (organisations/aliases.py)


def standing_of(user: Any) -> Standing:
    """The user's organisations, roles and whether they belong to an inspectorate."""
    if not getattr(user, "is_authenticated", False):
        return ANONYMOUS
    cached: Standing | None = getattr(user, "_followthrough_standing", None)
    if cached is not None:
        return cached
    memberships = list(
        Membership.objects.filter(user=user, is_active=True).values_list(
            "organisation_id",
            "role",
            "organisation__kind",
            "organisation__require_two_factor",
            "organisation__name",
        )
    )
    inspectorate = Organisation.Kind.INSPECTORATE
    standing = Standing(
        organisation_ids=frozenset(org for org, *_ in memberships),
        roles={org: role for org, role, *_ in memberships},
        is_inspectorate=any(kind == inspectorate for _, _, kind, _, _ in memberships),
        is_inspectorate_admin=any(
            kind == inspectorate and role == Membership.Role.ADMIN
            for _, role, kind, _, _ in memberships
        ),
        two_factor_required=any(required for _, _, _, required, _ in memberships),
        service_ids=frozenset(
            org
            for org, _, kind, _, _ in memberships
            if kind == Organisation.Kind.YOUTH_JUSTICE_SERVICE
        ),
        is_reviewer=any(
            kind == inspectorate and role == Membership.Role.REVIEWER
            for _, role, kind, _, _ in memberships
        ),
        is_superuser=bool(user.is_superuser),
        # The YJB oversees youth justice nationally: it and the inspectorates read the national
        # casework figures (aggregates only).
        reads_national_casework=any(
            kind == inspectorate or name == NATIONAL_OVERSIGHT_BODY
            for _, _, kind, _, name in memberships
        ),
    )
    user._followthrough_standing = standing
    return standing


def get_organisation_for_user(user: Any, pk: int, *, for_write: bool = False) -> Organisation:
    """Any signed-in user may read an organisation; writing to it (its members, its second-factor
    rule) is for its administrators and superusers."""
    organisation = get_object_or_404(Organisation, pk=pk)
    if for_write and not allowed(user, "organisations.manage_members", organisation):
        raise Http404
    return organisation


def get_membership_for_user(user: Any, organisation_pk: int, pk: int) -> Membership:
    """A membership of an organisation the user administers."""
    organisation = get_organisation_for_user(user, organisation_pk, for_write=True)
    return get_object_or_404(
        Membership.objects.select_related("user", "organisation"), pk=pk, organisation=organisation
    )


def get_invitation_for_user(user: Any, pk: int) -> Membership:
    """An invitation waiting for this user's answer; anyone else's, or one already answered,
    is not found."""
    return get_object_or_404(
        Membership.objects.select_related("organisation"),
        pk=pk,
        user_id=getattr(user, "pk", None),
        pending=True,
    )


def get_writer_organisations_for_user(user: Any) -> list[Organisation]:
    """The organisations the user writes for, by name; 404 when there are none, so pages for
    writers do not admit to existing for anyone else."""
    ids = standing_of(user).writer_organisation_ids
    organisations = list(Organisation.objects.filter(pk__in=ids).order_by("name"))
    if not organisations:
        raise Http404
    return organisations
