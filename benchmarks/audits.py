"""`make bench` case audits (issue 14): an audit of 200 cases × 150 criteria, a quarter of the
cases marked twice, built with bulk_create. The audit's page, a marking page, the findings page
and the findings as Word are timed as the service's readers see them, beside a bare view timed in
the same run, with each page's query count beside the same page's for an audit of 3 cases × 6
criteria, to show the counts are flat. The first request of each page is timed apart: the
findings draw their charts then, and keep them (audits/exports/chart.py) for the requests after.
Run only this part with `benchmarks/run.py --only audits`."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from datetime import time as clock
from typing import Any

BIG = (200, 6, 25)  # cases, sections, criteria per section: 150 criteria
SMALL = (3, 6, 1)
DOUBLE_MARK_PERCENT = 25
CASE_FACTS = {1: "initial_meeting_10_days", 2: "knows_where_living", 4: "accommodation_at_release"}
CATEGORIES = [["completely", "Completely"], ["partially", "Partially"], ["not", "Not at all"]]


@dataclass
class Built:
    """One audit built for timing, and who reads its pages."""

    audit: Any
    manager: Any  # runs the audit and reads its findings
    marker: Any  # first marker of every case
    marking_case: Any  # the AuditCase still to mark, for the marking page
    answers: int = 0
    criteria: int = 0
    cases: list[Any] = field(default_factory=list)


def _criteria(owner: Any, slug: str, sections: int, per_section: int) -> tuple[Any, list[Any]]:
    """A published set: the last section unrated, the first criterion of each section its key
    criterion, every tenth one conditional on the one before, the last of each categorical, and
    a few answered from the case record."""
    from followthrough.audits.models import CriteriaSet, Criterion, Section

    criteria_set = CriteriaSet.objects.create(
        family=f"bench-{slug}",
        name=f"Benchmark criteria {slug}",
        owner=owner,
        status=CriteriaSet.Status.PUBLISHED,
        published_on=date.today(),
    )
    made = Section.objects.bulk_create(
        Section(criteria_set=criteria_set, order=s, title=f"Key question {s}", rated=s < sections)
        for s in range(1, sections + 1)
    )
    rows, children = [], []
    for s, section in enumerate(made):
        for k in range(per_section):
            order = s * per_section + k + 1
            criterion = Criterion(
                criteria_set=criteria_set,
                section=section,
                order=order,
                code=f"{s + 1}.{k + 1}",
                statement=f"Synthetic practice {order} was in place for the child.",
                is_key=k == 0 and section.rated,
                case_fact=CASE_FACTS.get(order, ""),
                national_percent=(order * 37) % 100,
                national_n=31,
            )
            if k == per_section - 1 and k > 0:
                criterion.answer_type = Criterion.AnswerType.CATEGORIES
                criterion.categories = CATEGORIES
                criterion.national_percent = None
                criterion.national_values = {"completely": 26, "partially": 67, "not": 7}
            elif k % 10 == 9:
                criterion.parent_answer = "no"
                children.append(criterion)
                continue
            rows.append(criterion)
    Criterion.objects.bulk_create(rows)
    by_order = {c.order: c for c in rows}
    for child in children:
        child.parent = by_order[child.order - 1]
        child.lead_in = "Where it was not in place:"
    Criterion.objects.bulk_create(children)
    return criteria_set, sorted(rows + children, key=lambda c: c.order)


def _cases(service: Any, prefix: str, count: int, start: date) -> list[Any]:
    """Released cases with an initial meeting and a release day, for the facts offered."""
    from django.utils import timezone

    from followthrough.cases.models import Case, Meeting, ReleaseDay

    cases = Case.objects.bulk_create(
        Case(
            service=service,
            reference=f"{prefix}-{n + 1:05d}",
            age_at_sentence=15 + n % 3,
            sex="female" if n % 9 == 0 else "male",
            ethnicity="white",
            care_status="none",
            sentence_type="dto",
            sentence_months=12,
            sentence_date=start + timedelta(days=n % 150) - timedelta(days=180),
            earliest_release=start + timedelta(days=n % 150),
            release_date=start + timedelta(days=n % 150),
            accommodation_confirmed_on=start + timedelta(days=n % 150 - 5 - n % 30),
        )
        for n in range(count)
    )
    Meeting.objects.bulk_create(
        Meeting(
            case=case,
            kind="initial",
            held_on=case.sentence_date + timedelta(days=5 + n % 10),
            attended_by=["yjs"],
        )
        for n, case in enumerate(cases)
    )
    ReleaseDay.objects.bulk_create(
        ReleaseDay(
            case=case,
            released_at=timezone.make_aware(datetime.combine(case.release_date, clock(10))),
            met_by="yjs",
            accommodation_confirmed=n % 5 != 0,
        )
        for n, case in enumerate(cases)
    )
    return cases


def _value(criterion: Any, case_n: int, marker: int) -> str:
    if criterion.categories:
        return str(CATEGORIES[(case_n + criterion.order) % 3][0])
    if marker == 2 and (case_n + criterion.order) % 23 == 0:  # the second marker differs
        return "no" if (case_n * 7 + criterion.order * 13) % 100 < 65 else "yes"
    return "yes" if (case_n * 7 + criterion.order * 13) % 100 < 65 else "no"


def build(slug: str, size: tuple[int, int, int], service: Any, users: dict[str, Any]) -> Built:
    """An audit of `size` (cases, sections, criteria per section) on the service's cases, every
    case marked but the last, a quarter marked twice; all with bulk_create."""
    from followthrough.audits.models import Answer, Audit, AuditCase
    from followthrough.organisations.models import Organisation

    count, sections, per_section = size
    owner = Organisation.objects.filter(kind=Organisation.Kind.INSPECTORATE).first() or service
    criteria_set, criteria = _criteria(owner, slug, sections, per_section)
    start = date.today() - timedelta(days=400)
    cases = _cases(service, slug.upper(), count, start)
    audit = Audit.objects.create(
        organisation=service,
        criteria_set=criteria_set,
        title=f"Benchmark audit {slug}",
        period_start=start,
        period_end=start + timedelta(days=200),
        sampling=Audit.Sampling.ALL,
        seed=14,
        population_size=count,
        double_mark_percent=DOUBLE_MARK_PERCENT,
        status=Audit.Status.MARKING,
        sampled_on=date.today(),
    )
    every = max(1, 100 // DOUBLE_MARK_PERCENT)
    rows = AuditCase.objects.bulk_create(
        AuditCase(
            audit=audit,
            case=case,
            order=n + 1,
            first_marker=users["marker"],
            second_marker=users["second"] if n % every == 0 else None,
            double_marked=n % every == 0,
            first_done_on=date.today() if n < count - 1 else None,
            second_done_on=date.today() if n % every == 0 else None,
        )
        for n, case in enumerate(cases)
    )
    answers = []
    for n, row in enumerate(rows):
        for marker in (1, 2) if row.double_marked else (1,):
            if marker == 1 and n == count - 1:
                continue  # the case still to mark
            given = {}
            for criterion in criteria:
                if criterion.parent_id and given.get(criterion.parent_id) != "no":
                    continue
                given[criterion.pk] = _value(criterion, n, marker)
                answers.append(
                    Answer(
                        audit_case=row,
                        criterion=criterion,
                        marker=marker,
                        value=given[criterion.pk],
                        answered_by=users["marker" if marker == 1 else "second"],
                    )
                )
    Answer.objects.bulk_create(answers, batch_size=2000)
    return Built(
        audit, users["manager"], users["marker"], rows[-1], len(answers), len(criteria), cases
    )


def _service() -> tuple[Any, dict[str, Any]]:
    from django.contrib.auth import get_user_model

    from followthrough.organisations.models import Membership, Organisation

    service = Organisation.objects.create(
        name="Bench Audits Youth Justice Service",
        short_name="Bench Audits YJS",
        kind=Organisation.Kind.YOUTH_JUSTICE_SERVICE,
    )
    roles = {
        "manager": Membership.Role.APPROVER,
        "marker": Membership.Role.CASE_MANAGER,
        "second": Membership.Role.CASE_MANAGER,
    }
    users = {}
    for name, role in roles.items():
        users[name] = get_user_model().objects.create_user(f"bench-audits-{name}")
        Membership.objects.create(user=users[name], organisation=service, role=role)
    return service, users


def pages(built: Built) -> list[tuple[str, Any, str]]:
    """(name, reader, url) of every page timed."""
    from django.urls import reverse

    pk = built.audit.pk
    mark = {"pk": pk, "case_pk": built.marking_case.pk, "marker": 1}
    return [
        ("audit page", built.manager, reverse("audits:audit-detail", kwargs={"pk": pk})),
        ("marking page", built.marker, reverse("audits:audit-mark", kwargs=mark)),
        ("findings page", built.manager, reverse("audits:audit-findings", kwargs={"pk": pk})),
        ("findings .docx", built.manager, reverse("audits:audit-findings-docx", kwargs={"pk": pk})),
    ]


def bench_audits() -> None:
    """Build, time and print; the database is the one run.py set up."""
    from casework import _signed_in, measure  # benchmarks/casework.py: its urlconf too
    from django.db import transaction
    from django.test import Client
    from django.test.utils import override_settings
    from django.urls import NoReverseMatch

    started = time.perf_counter()
    with transaction.atomic():
        service, users = _service()
        small = build("sa", SMALL, service, users)
        big = build("ba", BIG, service, users)
    built = time.perf_counter() - started
    cases, sections, per_section = BIG
    print(
        f"Case audits ({cases} cases × {sections * per_section} criteria, "
        f"{big.audit.cases.filter(double_marked=True).count()} marked twice, {big.answers:,} "
        f"answers; built in {built:.1f} s), median of up to 5 requests (fewer past 8 s); beside, "
        f"the same page for {SMALL[0]} cases × {small.criteria} criteria"
    )
    client = Client()
    with override_settings(ROOT_URLCONF="casework"):
        with _signed_in(client, big.manager):
            bare = measure(client, "/bench/bare/", runs=20)
        print(f"  {'bare view':<26} {bare.seconds * 1000:8.1f} ms {bare.queries:4d} queries")
        try:
            timed = list(zip(pages(small), pages(big), strict=True))
        except NoReverseMatch as exc:
            print(f"  skipped: a page is not there yet ({exc})")
            return
        for (name, small_reader, small_url), (_, reader, url) in timed:
            with _signed_in(client, small_reader):
                measure(client, small_url, runs=1)
                before = measure(client, small_url, runs=3)
            with _signed_in(client, reader):
                first = measure(client, url, runs=1)  # draws and caches the charts
                timing = measure(client, url, runs=5)
            if timing.status != 200:
                print(f"  {name:<26} skipped: {url} answered {timing.status}")
                continue
            flat = f"{before.queries:4d} queries, {before.seconds * 1000:6.1f} ms small"
            if before.queries != timing.queries:
                flat += ": grows with the data"
            print(
                f"  {name:<26} {timing.seconds * 1000:8.1f} ms {timing.queries:4d} queries "
                f"{timing.kib:8.1f} KiB {timing.seconds / bare.seconds:7.0f}× bare  ({flat}); "
                f"first request {first.seconds * 1000:.0f} ms"
            )
