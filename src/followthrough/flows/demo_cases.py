"""The demo's resettlement cases: thirty obviously synthetic children of Northbridge Youth Justice
Service (references NB-0001 to NB-0030), spread over every phase, with late milestones, tasks
owned by the service and by a synthetic NHS trust, release days and outcomes, dated from today so
the caseload always has something late and something due."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from followthrough.cases.models import Case, CasePathway, ReleaseDay
from followthrough.cases.services import (
    case_open,
    meeting_record,
    outcome_record,
    reference_data_ensure,
    task_add,
)
from followthrough.organisations.models import Organisation

from .demo import demo_service_ensure, health_partner_ensure
from .task_escalation import task_escalations_run

# (phase, how many): the caseload a service of this size might hold at once.
PLAN = [("sentenced", 4), ("in_custody", 8), ("release_soon", 6), ("released", 8), ("closed", 4)]
SEXES = ["male", "male", "male", "female"]
ETHNICITIES = ["white", "black", "mixed", "asian", "white", "other"]
CARE = ["none", "looked_after", "none", "care_leaver", "none"]
ATTENDED = [
    ["yjs", "custody_case_worker", "personal_officer", "ete_internal"],
    ["yjs", "custody_case_worker", "health_internal", "social_care"],
    ["yjs", "custody_case_worker"],
]


def _dates(phase: str, n: int, today: date) -> dict[str, Any]:
    """Sentence, earliest release and release dates that put case n of a phase in that phase."""
    if phase == "sentenced":
        sentenced = today - timedelta(days=3 + 4 * n)
        return {"sentence_date": sentenced, "earliest_release": sentenced + timedelta(days=180)}
    if phase == "in_custody":
        sentenced = today - timedelta(days=30 + 14 * n)
        return {"sentence_date": sentenced, "earliest_release": today + timedelta(days=70 + 15 * n)}
    if phase == "release_soon":
        return {
            "sentence_date": today - timedelta(days=150 + 10 * n),
            "earliest_release": today + timedelta(days=5 + 9 * n),
        }
    released = today - timedelta(days=12 + 26 * n if phase == "released" else 210 + 20 * n)
    return {
        "sentence_date": released - timedelta(days=182),
        "earliest_release": released,
        "release_date": released,
        "order_end": released + timedelta(days=182),
    }


@transaction.atomic
def demo_cases_ensure(*, today: date) -> list[Case]:
    """Make the thirty demo cases unless the service already holds cases."""
    service = demo_service_ensure()
    reference_data_ensure()
    if service.cases.exists():
        return []
    trust = health_partner_ensure()
    actor = get_user_model().objects.filter(username="yjs-case-manager").first()
    made, number = [], 0
    for phase, count in PLAN:
        for n in range(count):
            number += 1
            made.append(_case(service, trust, actor, phase, n, number, today))
    # The ladder as it would stand had `remind` run over the past fortnight, without the emails.
    for back in (12, 6, 0):
        task_escalations_run(as_of=today - timedelta(days=back), quiet=True)
    return made


def _case(
    service: Organisation,
    trust: Organisation,
    actor: Any,
    phase: str,
    n: int,
    number: int,
    today: date,
) -> Case:
    dates = _dates(phase, n, today)
    case = case_open(
        service=service,
        reference=f"NB-{number:04d}",
        actor=actor,
        age_at_sentence=14 + number % 4,
        sex=SEXES[number % len(SEXES)],
        ethnicity=ETHNICITIES[number % len(ETHNICITIES)],
        care_status=CARE[number % len(CARE)],
        sentence_type="dto",
        sentence_months=12,
        establishment_type="stc" if SEXES[number % len(SEXES)] == "female" else "yoi",
        distance=["under_25", "25_50", "50_100", "over_100"][number % 4],
        **dates,
    )
    if phase != "sentenced":
        late = number % 3 == 0  # a third held their initial meeting late
        meeting_record(
            case=case,
            kind="initial",
            held_on=case.sentence_date + timedelta(days=16 if late else 8),
            attended_by=ATTENDED[number % len(ATTENDED)],
            parents_present="yes" if number % 2 else "no",
            child_participated="yes",
            actor=actor,
        )
    _pathways(case, number, released=phase in ("released", "closed"))
    _tasks(case, trust, actor, phase, n, today)
    if phase in ("release_soon", "released", "closed") and number % 2 == 0:
        Case.objects.filter(pk=case.pk).update(
            rotl_considered_on=case.earliest_release - timedelta(days=70)
        )
    if phase in ("released", "closed"):
        _after_release(case, actor, phase, n, number, today)
    elif phase == "release_soon" and n % 3 == 0:
        Case.objects.filter(pk=case.pk).update(
            accommodation_confirmed_on=today - timedelta(days=10)
        )
    return case


def _pathways(case: Case, number: int, *, released: bool) -> None:
    views = ["on_track", "concerns", "not_on_track"]
    if number % 3 == 0:  # some children with SEND, for the board pack's learning-plan measure
        Case.objects.filter(pk=case.pk).update(send="ehcp" if number % 2 else "sen_support")
    for i, row in enumerate(CasePathway.objects.filter(case=case).select_related("pathway")):
        if row.pathway.code not in ("accommodation", "ete", "health", "substance_misuse"):
            continue
        row.need = "yes" if (number + i) % 3 else "no"
        row.practitioner_view = views[(number + i) % 3]
        row.child_view = views[(number + 2 * i) % 3]  # sometimes they disagree
        row.release_plan = f"Synthetic plan {i + 1} for this pathway"
        if row.pathway.code in ("health", "substance_misuse"):  # the KPI's screening funnel
            row.screened = "yes" if number % 4 else "not_known"
            if row.screened == "yes" and row.need == "yes":
                row.offered = "yes" if number % 3 else "no"
            if released and row.offered == "yes":
                row.attending = "yes" if number % 2 else "no"
        if released and row.pathway.code in ("accommodation", "ete"):
            row.suitable_at_release = ["yes", "yes", "no"][(number + i) % 3]
        if released and row.pathway.code == "ete" and number % 3 == 0:
            row.learning_plan = "yes" if number % 2 else "no"
        row.save()


def _tasks(case: Case, trust: Organisation, actor: Any, phase: str, n: int, today: date) -> None:
    task_add(
        case=case,
        description="Confirm where the child will live on release",
        owner=case.service,
        actor=actor,
        due_anchor="earliest_release",
        due_offset_days=-28,
    )
    health = task_add(
        case=case,
        description="Register with a community GP and pass on health records",
        owner=trust,
        actor=actor,
        due_anchor="earliest_release",
        due_offset_days=-14,
    )
    if phase in ("released", "closed") or n % 2:
        health.status, health.done_on = "done", min(today, health.due_date or today)
        health.save()


def _after_release(case: Case, actor: Any, phase: str, n: int, number: int, today: date) -> None:
    released = case.release_date
    assert released is not None
    hour = 16 if number % 4 == 0 else 10  # some released late in the day
    ReleaseDay.objects.create(
        case=case,
        released_at=timezone.make_aware(datetime.combine(released, time(hour, 0))),
        met_by="yjs",
        same_day_contact=number % 5 != 0,
        accommodation_confirmed=number % 3 != 0,
        benefit_claim_started=number % 2 == 0,
        first_appointments_made=True,
    )
    Case.objects.filter(pk=case.pk).update(
        accommodation_confirmed_on=released - timedelta(days=20 if number % 3 else 3)
    )
    for months in (3, 6):
        due = released + timedelta(days=31 * months)
        if due > today or (phase == "released" and n == 4 and months == 3):
            continue  # not yet due; and one three-month check left undone, so it shows late
        outcome_record(
            case=case,
            months=months,
            recorded_on=due,
            actor=actor,
            lost_to_follow_up=number % 7 == 0,
            arrested="yes" if number % 4 == 0 else "no",
            accommodation_maintained="yes" if number % 3 else "no",
            ete_maintained="yes" if number % 2 else "no",
            compliance=["complete", "partial", "none"][number % 3],
        )
    if phase == "closed":
        Case.objects.filter(pk=case.pk).update(
            closed_on=min(today, released + timedelta(days=190)), closure_reason="Order ended"
        )
