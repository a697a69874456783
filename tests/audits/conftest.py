"""Fixtures of case audits: a small criteria set of our own (a conditional criterion, a
categorical one, a key criterion), released synthetic cases of the Riverside service, and an
audit drawn from them with its markers assigned."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import transaction

from followthrough.audits.models import CriteriaSet, Criterion, Section
from followthrough.audits.services import audit_case_assign, audit_create, audit_draw
from followthrough.organisations.models import Membership
from tests.cases.factories import CaseFactory
from tests.conftest import persona

PERIOD = (date(2026, 1, 1), date(2026, 6, 30))


@pytest.fixture
def criteria_set(known_bodies) -> CriteriaSet:
    """Two rated sections and an unrated one, in our own words."""
    owner = next(o for o in known_bodies.values() if o.kind == "inspectorate")
    cs = CriteriaSet.objects.create(
        family="synthetic-set",
        name="Synthetic resettlement criteria",
        owner=owner,
        status=CriteriaSet.Status.PUBLISHED,
    )
    planning = Section.objects.create(criteria_set=cs, order=1, title="Planning")
    release = Section.objects.create(criteria_set=cs, order=2, title="Release")
    after = Section.objects.create(criteria_set=cs, order=3, title="Outcomes", rated=False)

    def add(section, code, statement, **kw):
        return Criterion.objects.create(
            criteria_set=cs,
            section=section,
            order=len(cs.criteria.all()) + 1,
            code=code,
            statement=statement,
            **kw,
        )

    add(
        planning,
        "1.1",
        "The first planning meeting was soon after sentence.",
        case_fact="initial_meeting_10_days",
        national_percent=70,
        national_n=31,
    )
    plan = add(planning, "1.2", "The plan was good enough.", is_key=True, national_percent=40)
    add(
        planning,
        "1.3",
        "The plan lacked the child's view.",
        parent=plan,
        parent_answer="no",
        lead_in="Where the plan was not good enough:",
    )
    add(
        release,
        "2.1",
        "Somewhere to live was ready on the day.",
        phase="release",
        case_fact="accommodation_at_release",
        national_percent=55,
        national_n=29,
    )
    add(
        release,
        "2.2",
        "Where appropriate, a family member was told.",
        phase="release",
        where_appropriate=True,
    )
    add(
        after,
        "3.1",
        "The child kept to supervision",
        phase="community",
        answer_type="categories",
        categories=[
            ["completely", "Completely"],
            ["partially", "Partially"],
            ["not", "Not at all"],
        ],
        national_values={"completely": 26, "partially": 67, "not": 7},
    )
    return cs


@pytest.fixture
def released_cases(youth_justice_service):
    """Twelve cases released in the period (four girls), and two released after it."""
    cases = []
    for i in range(14):
        released = PERIOD[0] + timedelta(days=12 * i) if i < 12 else date(2026, 8, 1)
        cases.append(
            CaseFactory(
                service=youth_justice_service,
                reference=f"SYN-A{i + 1:03d}",
                sex="female" if i % 3 == 0 else "male",
                sentence_date=released - timedelta(days=120),
                earliest_release=released,
                release_date=released,
            )
        )
    return cases


@pytest.fixture
def second_case_manager(youth_justice_service):
    return persona("second-case-manager", youth_justice_service, Membership.Role.CASE_MANAGER)


@pytest.fixture
def audit(
    youth_justice_service,
    criteria_set,
    released_cases,
    service_manager,
    case_manager,
    second_case_manager,
):
    """All twelve cases drawn, a quarter double-marked; the case manager marks first, the
    second case manager second; the service manager moderates."""
    with transaction.atomic():
        made = audit_create(
            organisation=youth_justice_service,
            criteria_set=criteria_set,
            title="Synthetic audit, first half of 2026",
            period_start=PERIOD[0],
            period_end=PERIOD[1],
            actor=service_manager,
            double_mark_percent=25,
        )
        made = audit_draw(audit=made, version=made.version, actor=service_manager, seed=2026)
        for row in made.cases.all():
            audit_case_assign(
                audit_case=row,
                version=row.version,
                actor=service_manager,
                first_marker=case_manager,
                second_marker=second_case_manager if row.double_marked else None,
            )
    made.refresh_from_db()
    return made
