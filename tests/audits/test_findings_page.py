"""The findings page as its readers see it: figures worked out by hand from the answers, the
ratings with their steps, the agreement, small numbers hidden from the inspectorate, 404 for
anyone outside, and the same number of queries whatever the size of the audit."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from followthrough.audits.models import Answer, Audit, AuditCase, CriteriaSet, Criterion, Section
from followthrough.audits.services import (
    audit_finish,
    moderation_record,
)
from tests.audits.marking import case_answers as _answers
from tests.audits.marking import codes as _codes
from tests.audits.marking import mark as _mark
from tests.cases.factories import CaseFactory


def _finish(audit, case_manager, second_case_manager, service_manager):
    """Every case marked, the double-marked ones twice (the second marker answering 2.2 yes),
    the differences settled as not applicable, and the audit finished."""
    rows = list(audit.cases.order_by("order"))
    for i, row in enumerate(rows):
        _mark(row, 1, case_manager, _answers(i))
    for i, row in enumerate(rows):
        if row.double_marked:
            _mark(row, 2, second_case_manager, {**_answers(i), "2.2": "yes"})
    criterion = _codes(audit)["2.2"]
    for row in rows:
        if row.double_marked:
            with transaction.atomic():
                moderation_record(
                    audit_case=row,
                    criterion=criterion,
                    value="na",
                    reason="No family member to tell",
                    actor=service_manager,
                )
    audit.refresh_from_db()
    with transaction.atomic():
        audit_finish(audit=audit, version=audit.version, actor=service_manager)
    audit.refresh_from_db()
    return [i for i, row in enumerate(rows) if row.double_marked]


def _text(response):
    """The page's words with tags and runs of white space collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def finished(audit, case_manager, second_case_manager, service_manager):
    twice = _finish(audit, case_manager, second_case_manager, service_manager)
    return audit, twice


def test_the_findings_page_shows_the_figures_worked_out_by_hand(client, finished, case_manager):
    audit, twice = finished
    client.force_login(case_manager)
    page = client.get(reverse("audits:audit-findings", args=[audit.pk]))
    assert page.status_code == 200
    text = _text(page)
    assert "still being marked" not in text
    assert "Cases audited 12" in text and "Cases double-marked 3" in text
    assert "Synthetic resettlement criteria, version 1" in text
    assert "1 January 2026 to 30 June 2026" in text
    # 1.1: 9 of 12 = 75%, Wilson 46.8% to 91.1%, national 70% of up to 31 cases: +5 points.
    assert "1.1 The first planning meeting was soon after sentence. 75% 12 47% to 91% 70% " in text
    assert "up to 31" in text and "+5" in text
    # 1.2 (key): 6 of 12 = 50%, 25% to 75%, national 40%: +10.
    assert "50% 12 25% to 75% 40% +10" in text
    # 1.3, asked of the six cases whose plan was not good enough: 3 of 6, a small number.
    assert "Asked when 1.2 is answered No Fewer than 10 cases 50% 6 19% to 81%" in text
    # 2.1: 8 of 11 (one not applicable) = 73%, 43% to 90%, national 55%: +18.
    assert "73% 11 43% to 90% 55% up to 29 +18" in text
    # 2.2: every case not applicable once settled.
    assert "Where appropriate No cases" in text
    # 3.1 as a distribution beside the national one.
    assert "Completely 3 25% 26% Partially 6 50% 67% Not at all 3 25% 7%" in text
    # Ratings with their steps: Planning from its key criterion, Release from 2.1 alone.
    assert "Key criterion 1.2: 6 of 12 cases, 50%. 50% is at least 50%: Requires" in text
    assert "2.1 8/11 averages 72.7%, printed 73%. 73% is at least 65%: Good." in text
    assert "The standard: Requires improvement" in text
    assert "Good: 65% to 79%" in text
    # Agreement: each double-marked case pairs 1.1, 1.2, 2.1, 2.2, 3.1 (and 1.3 where asked);
    # the markers differed only on 2.2, every time.
    asked = sum(1 for i in twice if i >= 6)
    pairs = 15 + asked
    assert f"Pairs of answers compared {pairs}" in text
    assert f"The markers agreed {pairs - 3} (" in text
    assert "Where the markers differed" in text
    assert "2.2 Where appropriate, a family member was told. 3 0 0%" in text
    # The chart: an image with words for those who cannot see it, pointing at its table.
    body = page.content.decode()
    assert body.count('src="data:image/svg+xml;base64,') == 2  # the two sections with yes / no
    assert 'href="#table-1"' in body and 'id="table-1"' in body
    assert 'id="c1.1"' in body and 'id="c3.1"' in body  # evidence citations link to these
    assert "fewer than 5 cases" not in text
    for name in ("docx", "xlsx", "csv"):
        assert reverse(f"audits:audit-findings-{name}", args=[audit.pk]) in body


def test_an_audit_still_being_marked_says_its_figures_will_change(client, audit, case_manager):
    _mark(audit.cases.order_by("order").first(), 1, case_manager, _answers(0))
    client.force_login(case_manager)
    text = _text(client.get(reverse("audits:audit-findings", args=[audit.pk])))
    assert "This audit is still being marked: figures will change" in text
    # One case: the service's own members see it, with the small-number warning.
    assert "100% 1 21% to 100%" in text and "Fewer than 10 cases" in text


def test_the_inspectorate_sees_shared_findings_with_small_numbers_hidden(
    client, audit, case_manager, service_manager, inspector
):
    for i, row in enumerate(audit.cases.order_by("order")[:3]):
        _mark(row, 1, case_manager, _answers(i))
    url = reverse("audits:audit-findings", args=[audit.pk])
    client.force_login(inspector)
    assert client.get(url).status_code == 404
    # Shared as a finished audit would be (the service shares only finished ones).
    Audit.objects.filter(pk=audit.pk).update(shared_with_inspectorate=True)
    text = _text(client.get(url))
    assert "fewer than 5 cases" in text
    assert "100% 3" not in text and "Key criterion 1.2: 3 of 3" not in text
    assert "its steps are not shown outside the service" in text
    client.force_login(case_manager)
    own = _text(client.get(url))
    assert "100% 3 44% to 100%" in own and "fewer than 5 cases" not in own


@pytest.mark.parametrize("who", ["health_partner", "outsider"])
def test_anyone_outside_the_service_gets_404(client, audit, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("audits:audit-findings", args=[audit.pk])).status_code == 404


def test_a_board_member_reads_the_findings(client, finished, board_member):
    audit, _ = finished
    client.force_login(board_member)
    page = client.get(reverse("audits:audit-findings", args=[audit.pk]))
    assert page.status_code == 200
    text = _text(page)
    assert "75% 12 47% to 91%" in text and "fewer than 5 cases" not in text
    # Board members do not work cases: no way to the sampled cases from here.
    detail = reverse("audits:audit-detail", args=[audit.pk])
    assert f'href="{detail}"' not in page.content.decode()


def test_the_findings_page_is_not_written_to(client, audit, case_manager):
    client.force_login(case_manager)
    assert client.post(reverse("audits:audit-findings", args=[audit.pk])).status_code == 405


def _world(service, owner, size: int, criteria: int, family: str) -> Audit:
    """An audit of `size` cases on a set of `criteria` yes / no criteria in five sections, every
    answer given in bulk."""
    cs = CriteriaSet.objects.create(family=family, name=family, owner=owner, status="published")
    sections = [
        Section.objects.create(criteria_set=cs, order=n, title=f"Section {n}") for n in range(5)
    ]
    made = Criterion.objects.bulk_create(
        Criterion(
            criteria_set=cs,
            section=sections[n % 5],
            order=n,
            code=f"{n // 5 + 1}.{n % 5 + 1}",
            statement=f"Statement {n}.",
            national_percent=50,
            national_n=30,
        )
        for n in range(criteria)
    )
    audit = Audit.objects.create(
        organisation=service,
        criteria_set=cs,
        title=family,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 6, 30),
        status=Audit.Status.FINISHED,
    )
    rows = AuditCase.objects.bulk_create(
        AuditCase(
            audit=audit,
            case=CaseFactory(service=service, reference=f"{family[:6].upper()}-{n:03d}"),
            order=n,
            double_marked=n % 3 == 0,
            first_done_on=date(2026, 7, 1),
            second_done_on=date(2026, 7, 2) if n % 3 == 0 else None,
        )
        for n in range(size)
    )
    Answer.objects.bulk_create(
        Answer(audit_case=row, criterion=c, marker=marker, value="yes" if n % 4 else "no")
        for n, row in enumerate(rows)
        for c in made
        for marker in ((1, 2) if row.double_marked else (1,))
    )
    return audit


def test_the_findings_page_costs_the_same_whatever_the_size_of_the_audit(
    client, youth_justice_service, known_bodies, service_manager
):
    owner = next(o for o in known_bodies.values() if o.kind == "inspectorate")
    small = _world(youth_justice_service, owner, 3, 5, "small-set")
    large = _world(youth_justice_service, owner, 30, 50, "large-set")
    client.force_login(service_manager)
    client.get(reverse("audits:audit-findings", args=[small.pk]))  # warm the session
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("audits:audit-findings", args=[small.pk]))
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("audits:audit-findings", args=[large.pk]))
    assert "Cases audited 30" in _text(page)
    assert len(many) == len(few), [q["sql"][:80] for q in many.captured_queries]
