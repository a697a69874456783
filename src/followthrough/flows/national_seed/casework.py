"""The national dataset's resettlement casework: synthetic cases (SYN-000123) in every phase
across the services, with their pathways, meetings, tasks owned by the service and its
partners, contacts, release days and outcomes, built in bulk as casework benchmarks build them
(moved here from benchmarks/casework.py so the benchmark and `seed_national` share one
builder). No real child's details: every fact is drawn at random."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from datetime import time as clock
from typing import Any

from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from followthrough.cases.milestones import add_months
from followthrough.cases.models import (
    Case,
    CasePathway,
    Contact,
    Meeting,
    Outcome,
    Pathway,
    ReleaseDay,
    Task,
)

from .people import Service

PHASE_WEIGHTS = {"sentenced": 8, "in_custody": 32, "release_soon": 15, "released": 25, "closed": 20}
# (description, pathway, owner, days from the earliest release): the steps of a plan, the first
# four on every case and up to two more; owners are the service and its partners.
STEPS = [
    ("Confirm where the child will live on release", "accommodation", "local_authority", -28),
    ("Register with a community GP and pass on health records", "health", "health", -14),
    ("Share the custody education record with the community", "ete", "establishment", -21),
    ("Find an education or training place for release", "ete", "service", -42),
    ("Arrange substance misuse support in the community", "substance_misuse", "health", -7),
    ("Start a benefit claim before release", "finance", "service", -10),
    ("Agree the police liaison after release", "offending_behaviour", "police", 3),
]
AGENCY_CODES = ["yjs", "custody_case_worker", "personal_officer", "ete_internal", "social_care"]
ESTABLISHMENTS = 6


def case_dates(phase: str, rng: random.Random, today: date) -> dict[str, Any]:
    """Sentence, release and closing dates that put a case in the phase."""

    def days(low: int, high: int) -> timedelta:
        return timedelta(days=rng.randint(low, high))

    if phase == "sentenced":
        sentenced = today - days(1, 20)
        return {"sentence_date": sentenced, "earliest_release": sentenced + days(120, 360)}
    if phase == "in_custody":
        return {"sentence_date": today - days(25, 300), "earliest_release": today + days(60, 400)}
    if phase == "release_soon":
        return {"sentence_date": today - days(90, 400), "earliest_release": today + days(0, 56)}
    released = today - (days(1, 250) if phase == "released" else days(200, 700))
    fields: dict[str, Any] = {
        "sentence_date": released - days(90, 365),
        "earliest_release": released - days(0, 3),
        "release_date": released,
        "order_end": released + days(182, 365),
    }
    if phase == "closed":
        fields["closed_on"] = min(today, released + days(182, 200))
        fields["closure_reason"] = "Order ended"
    return fields


def case_build(
    service: Service, reference: str, phase: str, rng: random.Random, today: date
) -> Case:
    """A case in the phase, its dates and facts drawn from `rng`, unsaved."""
    dates = case_dates(phase, rng, today)
    established = phase in ("release_soon", "released", "closed")
    case = Case(
        service=service.org,
        reference=reference,
        home_local_authority=service.partners["local_authority"],
        age_at_sentence=rng.choice([13, 14, 15, 15, 16, 16, 16, 17, 17, 17]),
        sex=rng.choice(["male"] * 9 + ["female"]),
        ethnicity=rng.choice([c for c, _ in Case.Ethnicity.choices]),
        care_status=rng.choice(["none", "none", "looked_after", "care_leaver", "not_known"]),
        cin_cp_history=rng.choice(["yes", "no", "not_known"]),
        send=rng.choice([c for c, _ in Case.Send.choices]),
        sentence_type=rng.choice(["dto"] * 6 + ["long_term", "extended", "remand"]),
        sentence_months=rng.choice([4, 6, 8, 10, 12, 18, 24]),
        establishment=rng.choice(service.partners["establishments"]),
        establishment_type=rng.choice(["yoi", "yoi", "stc", "sch"]),
        distance=rng.choice([c for c, _ in Case.Distance.choices]),
        **dates,
    )
    if established and rng.random() < 0.6:
        case.rotl_considered_on = dates["earliest_release"] - timedelta(days=rng.randint(30, 90))
    if phase == "release_soon" and rng.random() < 0.5:
        case.accommodation_confirmed_on = today - timedelta(days=rng.randint(0, 20))
    elif case.release_date and rng.random() < 0.85:
        case.accommodation_confirmed_on = case.release_date - timedelta(days=rng.randint(1, 40))
    return case


def case_rows(
    case: Any,
    phase: str,
    service: Service,
    pathways: dict[str, Any],
    rng: random.Random,
    today: date,
) -> Iterator[Any]:
    """The rows of one case other than itself: pathways, meetings, tasks, contacts, release day
    and outcomes, unsaved, for bulk_create."""
    released = case.release_date
    views = ["on_track", "concerns", "not_on_track"]
    for pathway in pathways.values():
        row = CasePathway(case=case, pathway=pathway, need=rng.choice(["yes", "yes", "no"]))
        row.practitioner_view, row.child_view = rng.choice(views), rng.choice(views)
        row.release_plan = f"Synthetic plan for {pathway.code}"
        if released:
            row.suitable_at_release = rng.choice(["yes", "yes", "yes", "no", ""])
        yield row
    if phase != "sentenced":
        yield Meeting(
            case=case,
            kind="initial",
            held_on=case.sentence_date + timedelta(days=rng.randint(3, 20)),
            attended_by=rng.sample(AGENCY_CODES, 3),
            parents_present=rng.choice(["yes", "no"]),
            child_participated="yes",
        )
        review = case.sentence_date + timedelta(days=60)
        if review < today:
            yield Meeting(case=case, kind="review", held_on=review, attended_by=["yjs"])
    if released:
        yield Meeting(case=case, kind="pre_release", held_on=released - timedelta(days=14))
    owners = {"service": service.org, **service.partners, "establishment": case.establishment}
    for description, code, owner, offset in STEPS[:4] + rng.sample(STEPS[4:], rng.randint(0, 2)):
        due = case.earliest_release + timedelta(days=offset)
        status = "open"
        if due < today and rng.random() < 0.8:
            status = rng.choice(["done"] * 9 + ["cancelled"])
        elif due >= today and rng.random() < 0.2:
            status = "done"
        yield Task(
            case=case,
            pathway=pathways.get(code),
            description=description,
            owner=owners[owner],
            due_anchor="earliest_release",
            due_offset_days=offset,
            due_date=due,
            status=status,
            done_on=min(due, today) if status == "done" else None,
        )
    last = min(today, released or today)
    for _ in range(rng.randint(2, 5)):
        span = max(0, (last - case.sentence_date).days)
        yield Contact(
            case=case,
            on=case.sentence_date + timedelta(days=rng.randint(0, span)),
            kind=rng.choice(["visit", "call", "sent", "received"]),
            agency=rng.choice(AGENCY_CODES),
        )
    if not released:
        return
    hour = rng.choice([9, 10, 11, 14, 16])
    yield ReleaseDay(
        case=case,
        released_at=timezone.make_aware(datetime.combine(released, clock(hour))),
        met_by="yjs",
        same_day_contact=rng.random() < 0.85,
        accommodation_confirmed=rng.random() < 0.8,
        benefit_claim_started=rng.random() < 0.5,
        first_appointments_made=True,
    )
    for months in (3, 6):
        due = add_months(released, months)
        if due <= today and rng.random() < 0.85:
            yield Outcome(
                case=case,
                months=months,
                recorded_on=min(today, due + timedelta(days=rng.randint(0, 10))),
                lost_to_follow_up=rng.random() < 0.08,
                arrested=rng.choice(["yes", "no", "no", "no"]),
                accommodation_maintained=rng.choice(["yes", "yes", "no"]),
                ete_maintained=rng.choice(["yes", "no"]),
                compliance=rng.choice(["complete", "partial", "none"]),
            )


def _write(model: Any, rows: list[Any], history: dict[str, Any]) -> None:
    if hasattr(model, "history"):
        bulk_create_with_history(rows, model, batch_size=1000, **history)
    else:
        model.objects.bulk_create(rows, batch_size=1000)


def cases_build(
    services: list[Service],
    total: int,
    rng: random.Random,
    today: date,
    advance: Any,
    history: dict[str, Any],
) -> int:
    """`total` cases shared unevenly among the services (one holds about a tenth), then their
    rows, 500 cases at a time, each table with its history rows (`history`: who made them)."""
    pathways = {p.code: p for p in Pathway.objects.filter(active=True)}
    phases, weights = list(PHASE_WEIGHTS), list(PHASE_WEIGHTS.values())
    shares = [rng.uniform(0.3, 1.7) for _ in services]
    shares[0] = sum(shares) / 9  # the largest service: about a tenth of every case
    sizes = [int(total * s / sum(shares)) for s in shares]
    sizes[0] += total - sum(sizes)
    cases: list[tuple[Case, str, Service]] = []
    for service, count in zip(services, sizes, strict=True):
        for _ in range(count):
            phase = rng.choices(phases, weights)[0]
            reference = f"SYN-{len(cases) + 1:06d}"
            cases.append((case_build(service, reference, phase, rng, today), phase, service))
    for start in range(0, len(cases), 1000):
        chunk = [case for case, _, _ in cases[start : start + 1000]]
        _write(Case, chunk, history)
        advance(len(chunk))
    for start in range(0, len(cases), 500):
        batch: dict[Any, list[Any]] = {}
        for case, phase, service in cases[start : start + 500]:
            service.cases.append(case)
            for row in case_rows(case, phase, service, pathways, rng, today):
                batch.setdefault(type(row), []).append(row)
        for model, rows in batch.items():
            _write(model, rows, history)
        advance(min(500, len(cases) - start))
    return len(cases)
