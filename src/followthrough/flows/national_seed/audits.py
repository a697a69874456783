"""The national dataset's case audits: one published criteria set, and the services with staff
each auditing their released cases over three periods, every case marked, some twice; built in
bulk as the audit benchmark builds them (a conditional criterion is answered only when its
parent's answer asks for it)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from simple_history.utils import bulk_create_with_history

from followthrough.audits.models import Answer, Audit, AuditCase, CriteriaSet, Criterion, Section

from .people import INSPECTORATE, People
from .sizes import AUDITED_CASES

SECTIONS, PER_SECTION = 4, 5
PERIODS = 3
DOUBLE_MARK_EVERY = 4


def _criteria(owner: Any, today: date) -> list[Criterion]:
    criteria_set = CriteriaSet.objects.create(
        family="synthetic-resettlement",
        name="Synthetic resettlement criteria",
        owner=owner,
        status=CriteriaSet.Status.PUBLISHED,
        published_on=today - timedelta(days=500),
    )
    sections = Section.objects.bulk_create(
        Section(criteria_set=criteria_set, order=s, title=f"Key question {s}", rated=s < SECTIONS)
        for s in range(1, SECTIONS + 1)
    )
    criteria = []
    for s, section in enumerate(sections):
        for k in range(PER_SECTION):
            order = s * PER_SECTION + k + 1
            criteria.append(
                Criterion(
                    criteria_set=criteria_set,
                    section=section,
                    order=order,
                    code=f"{s + 1}.{k + 1}",
                    statement=f"Synthetic practice {order} was in place for the child.",
                    is_key=k == 0 and section.rated,
                    national_percent=(order * 37) % 100,
                    national_n=31,
                )
            )
    return Criterion.objects.bulk_create(criteria)


def audits_build(people: People, today: date, advance: Any) -> tuple[int, int]:
    """Audits of up to AUDITED_CASES released cases a period, for each service whose staff
    exist (the services the demo roles were given to). Returns (audits, answers)."""
    criteria = _criteria(people.bodies[INSPECTORATE], today)
    staffed = people.services[: len(people.users["yjs-case-manager"])]
    audits, sampled = [], []
    for n, service in enumerate(staffed):
        released = [c for c in service.cases if c.release_date and c.release_date < today]
        for period in range(PERIODS):
            end = today - timedelta(days=30 + 200 * period)
            start = end - timedelta(days=180)
            cases = [c for c in released if c.release_date <= end][:AUDITED_CASES]
            if not cases:
                continue
            finished = period > 0
            audit = Audit(
                organisation=service.org,
                criteria_set=criteria[0].criteria_set,
                title=f"Synthetic resettlement audit {start:%B %Y} to {end:%B %Y}",
                period_start=start,
                period_end=end,
                population=Audit.Population.RELEASED,
                sampling=Audit.Sampling.ALL,
                seed=n * PERIODS + period,
                population_size=len(cases),
                double_mark_percent=100 // DOUBLE_MARK_EVERY,
                status=Audit.Status.FINISHED if finished else Audit.Status.MARKING,
                sampled_on=end + timedelta(days=7),
                finished_on=end + timedelta(days=28) if finished else None,
                created_by=people.user("yjs-manager", n),
            )
            audits.append(audit)
            sampled.append((audit, cases, n))
    manager = people.user("yjs-manager")
    history = {"default_user": manager, "custom_historical_attrs": people.stamp(manager)}
    bulk_create_with_history(audits, Audit, **history)
    rows: list[AuditCase] = []
    for audit, cases, n in sampled:
        first = people.user("yjs-case-manager", n)
        second = people.user("yjs-manager", n)
        done = audit.sampled_on
        for order, case in enumerate(cases):
            twice = order % DOUBLE_MARK_EVERY == 0
            rows.append(
                AuditCase(
                    audit=audit,
                    case=case,
                    order=order + 1,
                    first_marker=first,
                    second_marker=second if twice else None,
                    double_marked=twice,
                    first_done_on=done,
                    second_done_on=done if twice else None,
                )
            )
    bulk_create_with_history(rows, AuditCase, batch_size=1000, **history)
    answers = []
    for row in rows:
        for marker in (1, 2) if row.double_marked else (1,):
            for criterion in criteria:
                key = row.order * 7 + criterion.order * 13 + (marker == 2) * (row.order % 5 == 0)
                answers.append(
                    Answer(
                        audit_case=row,
                        criterion=criterion,
                        marker=marker,
                        value="yes" if key % 100 < 65 else "no",
                        answered_by=row.first_marker if marker == 1 else row.second_marker,
                    )
                )
    bulk_create_with_history(answers, Answer, batch_size=2000, **history)
    advance(len(rows))
    return len(audits), len(answers)
