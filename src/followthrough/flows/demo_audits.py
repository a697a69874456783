"""The demo's case audits: Northbridge Youth Justice Service's finished audit of twenty released
cases on the criteria of the 2015 resettlement thematic's findings tables, five of them marked
twice and every difference settled, shared with the inspectorate; and this half-year's audit,
part-way through its marking. The answers are synthetic: read from the case record where it holds
the fact, otherwise drawn near each criterion's national figure."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from followthrough.audits.casefacts import offered
from followthrough.audits.models import Answer, Audit, AuditCase, CriteriaSet, Criterion
from followthrough.audits.services import (
    Given,
    answers_record,
    asked,
    audit_case_assign,
    audit_create,
    audit_draw,
    audit_finish,
    audit_share,
    criteria_set_from_report,
    disagreements,
    marking_finish,
    moderation_record,
)
from followthrough.cases.models import Case, ReleaseDay
from followthrough.cases.services import case_close, case_open, meeting_record, outcome_record
from followthrough.inspections.models import Report
from followthrough.organisations.models import Organisation

from .demo import demo_service_ensure
from .demo_cases import demo_cases_ensure

# Closed cases released 7 to 18 months ago (NB-0031 to NB-0048), beside the demo's four closed
# ones, so that last year's audit has 22 released cases to draw 20 from.
HISTORIC = 18
FIRST_HISTORIC = 31
SEEDS = {"finished": 2015, "marking": 2026}
# Points added to the national figure in rated sections: the demo service does a little better.
UPLIFT = 15
REASONS = [
    "Read the case record together: the custody plan's dates support the first marker.",
    "The second marker found the partner's record the first had not seen; that answer stands.",
    "Agreed at moderation: the case notes say it happened but not when, so the first stands.",
    "The minutes of the review meeting show it was done; the second marker's answer stands.",
]
MARKERS = ("yjs-case-manager", "yjs-admin", "yjs-manager")  # first, second, moderator


@dataclass
class DemoAudits:
    """The audits made, or none, and the one-line summary the command prints."""

    finished: Audit | None = None
    marking: Audit | None = None
    note: str = ""


def _pick(key: str, span: int = 100) -> int:
    """A number from 0 to span - 1 that is the same for the same key, every run."""
    return zlib.crc32(key.encode()) % span


@transaction.atomic
def demo_audits_ensure(*, today: date) -> DemoAudits:
    """Make the demo's two audits unless the service already has an audit; skip them, saying
    why, when no ingested report has findings tables or the demo's markers are missing."""
    service = demo_service_ensure()
    if Audit.objects.filter(organisation=service).exists():
        return DemoAudits(note="The demo service already has audits; nothing changed.")
    report = Report.objects.filter(findings__isnull=False).distinct().order_by("pk").first()
    if report is None:
        return DemoAudits(
            note="No ingested report has findings tables (load the corpus with demo_data): "
            "no demo audits made."
        )
    users = {u.username: u for u in get_user_model().objects.filter(username__in=MARKERS)}
    if len(users) < len(MARKERS):
        return DemoAudits(note="Run demo_users first: the demo's markers are missing.")
    first, second, moderator = (users[name] for name in MARKERS)
    try:
        criteria_set = criteria_set_from_report(report=report, actor=moderator)
    except ValidationError as exc:
        return DemoAudits(note=f"No demo audits made: {' '.join(exc.messages)}")
    demo_cases_ensure(today=today)
    _historic_cases(service, first, today)
    finished = _finished_audit(service, criteria_set, first, second, moderator, today)
    marking = _audit_in_marking(service, criteria_set, first, second, moderator, today)
    twice = finished.cases.filter(double_marked=True).count()
    marked = marking.cases.filter(first_done_on__isnull=False).count()
    note = (
        f"Made 2 audits: {finished} finished ({finished.cases.count()} cases, {twice} marked "
        f"twice, {finished.cases.filter(moderations__isnull=False).distinct().count()} of them "
        f"moderated) and shared; {marking} being marked ({marked} of {marking.cases.count()} "
        "cases marked)"
    )
    return DemoAudits(finished, marking, note)


def _historic_cases(service: Organisation, actor: Any, today: date) -> None:
    """Closed cases released 7 to 18 months ago: an initial and a pre-release meeting, the
    release day, the 3- and 6-month checks; the ones already there are left alone."""
    taken = set(Case.objects.filter(service=service).values_list("reference", flat=True))
    for n in range(HISTORIC):
        number = FIRST_HISTORIC + n
        reference = f"NB-{number:04d}"
        if reference in taken:
            continue
        released = today - timedelta(days=215 + 19 * n)
        sentenced = released - timedelta(days=150 + 7 * (n % 4))
        case = case_open(
            service=service,
            reference=reference,
            actor=actor,
            age_at_sentence=15 + n % 3,
            sex="female" if n % 5 == 2 else "male",
            ethnicity=["white", "black", "mixed", "asian", "other"][n % 5],
            care_status=["none", "looked_after", "none", "care_leaver"][n % 4],
            sentence_type="dto",
            sentence_months=10,
            establishment_type="stc" if n % 5 == 2 else "yoi",
            distance=["under_25", "25_50", "50_100", "over_100"][n % 4],
            sentence_date=sentenced,
            earliest_release=released,
            release_date=released,
            order_end=released + timedelta(days=150),
            accommodation_confirmed_on=released - timedelta(days=3 if n % 4 == 1 else 25),
            rotl_used="yes" if n % 6 == 0 else "no",
        )
        for kind, held, parents in (
            ("initial", sentenced + timedelta(days=14 if n % 4 == 3 else 7), n % 3 != 0),
            ("pre_release", released - timedelta(days=12), n % 2 == 0),
        ):
            meeting_record(
                case=case,
                kind=kind,
                held_on=held,
                attended_by=["yjs", "custody_case_worker"],
                parents_present="yes" if parents else "no",
                child_participated="no" if n % 7 == 3 else "yes",
                actor=actor,
            )
        ReleaseDay.objects.create(
            case=case,
            released_at=timezone.make_aware(datetime.combine(released, time(10 + n % 6, 0))),
            met_by="yjs",
            same_day_contact=n % 8 != 5,
            accommodation_confirmed=n % 9 != 4,
            benefit_claim_started=n % 2 == 0,
            first_appointments_made=True,
        )
        for months in (3, 6):
            outcome_record(
                case=case,
                months=months,
                recorded_on=released + timedelta(days=31 * months),
                actor=actor,
                arrested="yes" if n % 3 == 0 else "no",
                accommodation_maintained="no" if n % 4 == 1 else "yes",
                ete_maintained="yes" if n % 2 else "no",
                compliance=["complete", "partial", "partial", "none"][n % 4],
            )
        case_close(
            case=case,
            version=Case.objects.values_list("version", flat=True).get(pk=case.pk),
            closed_on=released + timedelta(days=150),
            reason="Order ended",
            actor=actor,
            today=today,
        )


def _finished_audit(
    service: Organisation,
    criteria_set: CriteriaSet,
    first: Any,
    second: Any,
    moderator: Any,
    today: date,
) -> Audit:
    """Last year's releases: 90 % with at least 20, in proportion to each sex, a quarter marked
    twice; every case marked, every difference settled, finished and shared."""
    end = today - timedelta(days=200)
    start = end - timedelta(days=364)
    audit = _drawn(
        service,
        criteria_set,
        moderator,
        title=f"Released cases, {start:%B %Y} to {end:%B %Y}",
        period=(start, end),
        seed=SEEDS["finished"],
        sampling_rule=Audit.Sampling.SHARE,
        sample_percent=90,
        sample_minimum=20,
        stratify_by_sex=True,
    )
    _assign(audit, first, second, moderator)
    criteria = list(criteria_set.criteria.select_related("section").order_by("order"))
    for row in _rows(audit):
        _mark(row, Answer.FIRST, first, criteria)
        if row.double_marked:
            _mark(row, Answer.SECOND, second, criteria)
    by_pk = {c.pk: c for c in criteria}
    rows = {row.pk: row for row in audit.cases.all()}
    for n, (case_pk, criterion_pk) in enumerate(disagreements(audit)):
        pair = dict(
            Answer.objects.filter(audit_case_id=case_pk, criterion_id=criterion_pk).values_list(
                "marker", "value"
            )
        )
        moderation_record(
            audit_case=rows[case_pk],
            criterion=by_pk[criterion_pk],
            value=pair[Answer.FIRST if n % 2 == 0 else Answer.SECOND],
            reason=REASONS[n % len(REASONS)],
            actor=moderator,
        )
    audit.refresh_from_db()
    audit = audit_finish(audit=audit, version=audit.version, actor=moderator)
    return audit_share(audit=audit, shared=True, actor=moderator)


def _audit_in_marking(
    service: Organisation,
    criteria_set: CriteriaSet,
    first: Any,
    second: Any,
    moderator: Any,
    today: date,
) -> Audit:
    """This half-year's releases, every case, a quarter twice: some marked, one part-way."""
    start = today - timedelta(days=199)
    audit = _drawn(
        service,
        criteria_set,
        moderator,
        title=f"Released cases, {start:%B %Y} to {today:%B %Y}",
        period=(start, today),
        seed=SEEDS["marking"],
    )
    _assign(audit, first, second, moderator)
    criteria = list(criteria_set.criteria.select_related("section").order_by("order"))
    rows = _rows(audit)
    for n, row in enumerate(rows):
        if n < len(rows) // 2:
            _mark(row, Answer.FIRST, first, criteria)
        elif n == len(rows) // 2:
            _mark(row, Answer.FIRST, first, criteria, finish=False, upto=len(criteria) // 3)
    twice = next((r for r in rows if r.double_marked), None)
    if twice is not None:
        _mark(twice, Answer.SECOND, second, criteria)
    audit.refresh_from_db()
    return audit


def _drawn(
    service: Organisation,
    criteria_set: CriteriaSet,
    actor: Any,
    *,
    title: str,
    period: tuple[date, date],
    seed: int,
    **plan: Any,
) -> Audit:
    audit = audit_create(
        organisation=service,
        criteria_set=criteria_set,
        title=title,
        period_start=period[0],
        period_end=period[1],
        actor=actor,
        population=Audit.Population.RELEASED,
        double_mark_percent=25,
        **plan,
    )
    return audit_draw(audit=audit, version=audit.version, actor=actor, seed=seed)


def _assign(audit: Audit, first: Any, second: Any, actor: Any) -> None:
    for row in audit.cases.all():
        audit_case_assign(
            audit_case=row,
            version=row.version,
            actor=actor,
            first_marker=first,
            second_marker=second if row.double_marked else None,
        )


def _rows(audit: Audit) -> list[AuditCase]:
    """The audit's cases with what casework holds for them, ready for the facts offered."""
    return list(
        audit.cases.select_related("audit", "case", "case__release_day")
        .prefetch_related("case__meetings", "case__outcomes")
        .order_by("order")
    )


def _mark(
    row: AuditCase,
    marker: int,
    user: Any,
    criteria: list[Criterion],
    *,
    finish: bool = True,
    upto: int | None = None,
) -> None:
    """One marker's answers to a case: the case record's where it holds the fact, otherwise a
    synthetic answer; the second marker agrees but for a handful of criteria."""
    given: dict[int, Given] = {}
    values: dict[int, str] = {}
    for criterion in criteria[:upto]:
        if criterion.pk not in asked(criteria, values):
            continue
        fact = offered(criterion.case_fact, row.case) if criterion.case_fact else None
        if fact is not None:
            given[criterion.pk] = Given(
                fact.value, offered_value=fact.value, offered_from=fact.source
            )
        else:
            given[criterion.pk] = Given(_synthetic(criterion, row.case.reference))
        values[criterion.pk] = given[criterion.pk].value
    if marker == Answer.SECOND:
        for pk in _differences(row, criteria, given):
            given[pk] = Given({"yes": "no"}.get(given[pk].value, "yes"))
    row.refresh_from_db()
    version = row.first_version if marker == Answer.FIRST else row.second_version
    row = answers_record(audit_case=row, marker=marker, given=given, version=version, actor=user)
    if finish:
        marking_finish(audit_case=row, marker=marker, actor=user)


def _synthetic(criterion: Criterion, reference: str) -> str:
    """An answer near the criterion's national figure (a little better in rated sections), the
    same for the same case every run; where appropriate sometimes not applicable."""
    key = f"{reference}/{criterion.code}"
    if criterion.answer_type == Criterion.AnswerType.CATEGORIES:
        shares = criterion.national_values or {code: 1 for code, _ in criterion.categories}
        point = _pick(key, max(1, sum(shares.values())))
        for code, share in shares.items():
            if point < share:
                return str(code)
            point -= share
        return str(criterion.categories[0][0])
    if criterion.where_appropriate and _pick(key + "/na") < 20:
        return "na"
    national = 60 if criterion.national_percent is None else criterion.national_percent
    target = min(95, national + (UPLIFT if criterion.section.rated else 0))
    return "yes" if _pick(key) < target else "no"


def _differences(row: AuditCase, criteria: list[Criterion], given: dict[int, Given]) -> list[int]:
    """Where the second marker reads a case otherwise: four to six yes / no criteria answered
    from judgement (no case fact), none that another criterion depends on."""
    parents = {c.parent_id for c in criteria if c.parent_id}
    open_to_doubt = [
        c
        for c in criteria
        if c.pk in given
        and c.answer_type == Criterion.AnswerType.YES_NO
        and not c.case_fact
        and c.pk not in parents
    ]
    ref = row.case.reference
    open_to_doubt.sort(key=lambda c: _pick(f"{ref}/{c.code}/second", 10**6))
    return [c.pk for c in open_to_doubt[: 4 + _pick(ref, 3)]]
