"""The demo's youth justice service and its self-assessments, in our own words: last year's,
signed off, and this year's, part-way through, so every page has something to show."""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from followthrough.actionplans.services import progress_update_add
from followthrough.organisations.models import Membership, Organisation
from followthrough.organisations.services import organisations_ensure_known
from followthrough.selfassessment.models import SelfAssessment
from followthrough.selfassessment.services import (
    Evidence,
    assessment_share,
    assessment_sign_off,
    assessment_start,
    improvement_save,
    item_save,
)

SERVICE_NAME = "Northbridge Youth Justice Service"
SERVICE_SHORT_NAME = "Northbridge YJS"

# Ratings cycle through the scale so the heat map shows every colour.
THIS_YEAR = ["good", "requires_improvement", "outstanding", "inadequate", "good"]
LAST_YEAR = ["requires_improvement", "requires_improvement", "good", "requires_improvement"]
RATIONALE = {
    "outstanding": "Practice is consistent and the board sees the evidence every quarter.",
    "good": "In place across most cases; the board receives regular reports.",
    "requires_improvement": "Started, but not yet consistent or reported to the board.",
    "inadequate": "Not in place; no evidence the board has considered it.",
}


def demo_service_ensure() -> Organisation:
    service, _ = Organisation.objects.get_or_create(
        name=SERVICE_NAME,
        defaults={
            "short_name": SERVICE_SHORT_NAME,
            "kind": Organisation.Kind.YOUTH_JUSTICE_SERVICE,
        },
    )
    return service


HEALTH_PARTNER_NAME = "Northbridge Synthetic NHS Foundation Trust"


def health_partner_ensure() -> Organisation:
    """The demo's partner agency: a synthetic NHS trust owning health tasks on some cases."""
    trust, _ = Organisation.objects.get_or_create(
        name=HEALTH_PARTNER_NAME,
        defaults={"short_name": "Northbridge NHS", "kind": Organisation.Kind.HEALTH},
    )
    return trust


def _user(username: str) -> Any:
    return get_user_model().objects.filter(username=username).first()


@transaction.atomic
def demo_assessments_ensure(*, today: date) -> list[SelfAssessment]:
    """Last year's assessment signed off, this year's about half answered; nothing is made
    twice. Returns the assessments made."""
    service = demo_service_ensure()
    manager, practitioner = _user("yjs-manager"), _user("yjs-practitioner")
    made = []
    if not SelfAssessment.objects.filter(organisation=service, year=today.year - 1).exists():
        previous = assessment_start(organisation=service, year=today.year - 1, actor=manager)
        for n, item in enumerate(previous.items.select_related("recommendation")):
            _answer(item, LAST_YEAR[n % len(LAST_YEAR)], manager, gaps=False)
        if previous.items.exists():
            assessment_sign_off(
                assessment=previous, actor=manager, today=date(today.year - 1, 12, 1)
            )
        assessment_share(assessment=previous, shared=True, actor=manager)
        made.append(previous)
    if not SelfAssessment.objects.filter(organisation=service, year=today.year).exists():
        current = assessment_start(organisation=service, year=today.year, actor=manager)
        items = list(current.items.select_related("recommendation"))
        for n, item in enumerate(items[: (len(items) + 1) // 2]):
            rating = THIS_YEAR[n % len(THIS_YEAR)]
            actor = practitioner if n % 3 else manager
            item = _answer(item, rating, actor, gaps=True)
            if rating in ("requires_improvement", "inadequate"):
                _improve(item, n, practitioner or manager, today)
        made.append(current)
    return made


def _answer(item: Any, rating: str, actor: Any, *, gaps: bool) -> Any:
    rec = item.recommendation
    weak = gaps and rating in ("requires_improvement", "inadequate")
    answers = {}
    for index in range(len(rec.lines_of_enquiry)):
        if weak and index == 0:
            answers[index] = ("no" if rating == "inadequate" else "partly", _gap(index))
        else:
            answers[index] = ("yes", "")
    evidence = {
        index: Evidence(held=True, link=f"Partnership drive: board papers, section {index + 1}")
        for index in range(len(rec.evidence_prompts))
        if index % 2 == 0 or not weak
    }
    return item_save(
        item=item,
        version=item.version,
        rating=rating,
        rationale=RATIONALE[rating],
        answers=answers,
        evidence=evidence,
        actor=actor,
    )


def _gap(index: int) -> str:
    return "Only some case managers do this, and the board has not seen any figures on it."


def _improve(item: Any, n: int, actor: Any, today: date) -> None:
    overdue = n % 4 == 3
    target = f"{'January' if overdue else 'September'} {today.year if overdue else today.year + 1}"
    action = improvement_save(
        item=item,
        action=None,
        description="Publish a practice standard for this area and audit ten cases against it",
        owner_text="Head of Service",
        target_text=target,
        measure="Audit results reported to the management board",
        version=None,
        actor=actor,
    )
    if n % 4 == 1:
        progress_update_add(
            action=action,
            on=today,
            text="Draft standard written; case audit booked for next month.",
            new_status="in_progress",
            evidence="",
            actor=actor,
            today=today,
        )


# username, organisation, role, what the login is for
DEMO_USERS = [
    (
        "inspector",
        "HM Inspectorate of Probation",
        Membership.Role.REVIEWER,
        "inspectorate reviewer",
    ),
    (
        "inspectorate-admin",
        "HM Inspectorate of Probation",
        Membership.Role.ADMIN,
        "reads the audit log; imports documents",
    ),
    ("viewer", "Ministry of Justice", Membership.Role.VIEWER, "reads plans"),
    ("contributor", "Youth Justice Board", Membership.Role.CONTRIBUTOR, "writes responses"),
    ("approver", "Youth Justice Board", Membership.Role.APPROVER, "submits and publishes plans"),
    ("admin", "Youth Justice Board", Membership.Role.ADMIN, "manages the YJB's members"),
    (
        "yjs-manager",
        SERVICE_NAME,
        Membership.Role.APPROVER,
        "runs and signs off the service's self-assessment",
    ),
    (
        "yjs-practitioner",
        SERVICE_NAME,
        Membership.Role.CONTRIBUTOR,
        "answers self-assessment questions",
    ),
    ("yjs-board", SERVICE_NAME, Membership.Role.VIEWER, "board member: reads the summary"),
    (
        "yjs-admin",
        SERVICE_NAME,
        Membership.Role.ADMIN,
        "administers the service: its members, milestone rules and case access log",
    ),
    (
        "yjs-case-manager",
        SERVICE_NAME,
        Membership.Role.CASE_MANAGER,
        "holds the service's resettlement cases",
    ),
    (
        "health-partner",
        HEALTH_PARTNER_NAME,
        Membership.Role.CONTRIBUTOR,
        "updates the health tasks the trust owns on some cases",
    ),
]


def demo_users_ensure(*, password: str | None) -> list[tuple[str, str, str, str, str]]:
    """Every demo login, made or reset: (username, password, role label, organisation, purpose).
    Each gets `password`, or a new random one when it is None."""
    organisations = {o.name: o for o in organisations_ensure_known()}
    organisations[SERVICE_NAME] = demo_service_ensure()
    organisations[HEALTH_PARTNER_NAME] = health_partner_ensure()
    User = get_user_model()
    made = []
    for username, org_name, role, purpose in DEMO_USERS:
        secret = password or secrets.token_urlsafe(9)
        user, _ = User.objects.get_or_create(username=username)
        user.email = f"{username}@example.invalid"
        user.set_password(secret)
        user.is_active = True
        user.save()
        Membership.objects.update_or_create(
            user=user,
            organisation=organisations[org_name],
            defaults={"role": role, "is_active": True},
        )
        made.append((username, secret, str(role.label), org_name, purpose))
    return made
