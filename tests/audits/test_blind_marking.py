"""What keeps double-marking blind and the figures honest: findings count finished markings
only and are kept from a reader still to mark a case a second time; nobody moves to the other
side of a case they answered; a moderator answered neither side; a conditional criterion is
settled only once its parent stands."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from followthrough.audits.models import Audit, AuditCase
from followthrough.audits.selectors.findings import audit_findings
from followthrough.audits.services import (
    Given,
    answers_record,
    audit_case_assign,
    disagreements,
    marking_finish,
    moderation_record,
)


def _codes(audit):
    return {c.code: c for c in audit.criteria_set.criteria.all()}


def _save(row, marker, user, answers, finish=False):
    codes = _codes(row.audit)
    row.refresh_from_db()
    version = row.first_version if marker == 1 else row.second_version
    with transaction.atomic():
        row = answers_record(
            audit_case=row,
            marker=marker,
            version=version,
            actor=user,
            given={codes[k].pk: Given(v) for k, v in answers.items()},
        )
        if finish:
            marking_finish(audit_case=row, marker=marker, actor=user)
    row.refresh_from_db()
    return row


ALL = {"1.1": "yes", "2.1": "yes", "2.2": "na", "3.1": "partially"}


def test_findings_count_a_marking_only_once_it_is_finished(audit, case_manager):
    row = audit.cases.order_by("order").first()
    _save(row, 1, case_manager, {"1.1": "yes"})
    one = _codes(audit)["1.1"]
    assert audit_findings(audit).by_criterion[one.pk].n == 0
    _save(row, 1, case_manager, {**ALL, "1.2": "yes"}, finish=True)
    assert audit_findings(audit).by_criterion[one.pk].n == 1


def test_a_reader_still_to_mark_a_case_twice_does_not_see_the_findings(
    client, audit, case_manager, second_case_manager
):
    client.force_login(second_case_manager)
    page = client.get(reverse("audits:audit-findings", args=[audit.pk])).content.decode()
    assert "You are still to mark 3 cases a second time" in page
    assert "%" not in page.split("<main")[1].split("</main>")[0].replace("100%", "")
    assert client.get(reverse("audits:audit-findings-csv", args=[audit.pk])).status_code == 404
    client.force_login(case_manager)
    assert (
        "You are still to mark"
        not in client.get(reverse("audits:audit-findings", args=[audit.pk])).content.decode()
    )


def test_nobody_moves_to_the_other_side_of_a_case_they_answered(
    audit, case_manager, second_case_manager, service_manager
):
    row = audit.cases.filter(double_marked=True).order_by("order").first()
    _save(row, 1, case_manager, {"1.1": "yes"})
    _save(row, 2, second_case_manager, {"1.1": "no"})
    with pytest.raises(ValidationError, match="has answered this case as its second marker"):
        audit_case_assign(
            audit_case=row,
            version=row.version,
            actor=service_manager,
            first_marker=second_case_manager,
            second_marker=case_manager,
        )


def test_a_second_marker_moved_off_a_case_cannot_settle_it(
    audit, case_manager, second_case_manager, service_manager
):
    row = audit.cases.filter(double_marked=True).order_by("order").first()
    _save(row, 1, case_manager, {**ALL, "1.2": "yes"}, finish=True)
    _save(
        row,
        2,
        service_manager if False else second_case_manager,
        {**ALL, "1.2": "yes", "1.1": "no"},
    )
    # Still unfinished, the second slot goes to the manager; the former second marker's answers
    # stay, and they may not settle the case.
    row.refresh_from_db()
    audit_case_assign(
        audit_case=row,
        version=row.version,
        actor=service_manager,
        first_marker=case_manager,
        second_marker=service_manager,
    )
    row.refresh_from_db()
    with transaction.atomic():
        marking_finish(audit_case=row, marker=2, actor=service_manager)
    with pytest.raises(ValidationError, match="marked neither side"):
        moderation_record(
            audit_case=row,
            criterion=_codes(audit)["1.1"],
            value="yes",
            reason="x",
            actor=second_case_manager,
        )


def test_finished_markings_keep_their_markers(
    audit, case_manager, second_case_manager, service_manager
):
    row = audit.cases.filter(double_marked=True).order_by("order").first()
    _save(row, 2, second_case_manager, {**ALL, "1.2": "yes"}, finish=True)
    row.refresh_from_db()
    with pytest.raises(ValidationError, match="second marking is finished"):
        audit_case_assign(
            audit_case=row,
            version=row.version,
            actor=service_manager,
            first_marker=case_manager,
            second_marker=service_manager,
        )


def test_a_conditional_criterion_waits_for_its_parent_to_be_settled(
    audit, case_manager, second_case_manager, service_manager
):
    row = audit.cases.filter(double_marked=True).order_by("order").first()
    codes = _codes(audit)
    _save(row, 1, case_manager, {**ALL, "1.2": "no", "1.3": "yes"}, finish=True)
    _save(row, 2, second_case_manager, {**ALL, "1.2": "yes"}, finish=True)
    assert disagreements(audit) == [(row.pk, codes["1.2"].pk)]  # 1.3 waits for 1.2
    with transaction.atomic():
        moderation_record(
            audit_case=row,
            criterion=codes["1.2"],
            value="yes",
            reason="The plan covered every pathway",
            actor=service_manager,
        )
    assert disagreements(audit) == [(row.pk, codes["1.2"].pk)]  # settled: 1.3 not asked
    findings = audit_findings(audit)
    assert findings.by_criterion[codes["1.3"].pk].n == 0  # the first marker's 1.3 no longer counts
    assert findings.by_criterion[codes["1.2"].pk].tally.yes == 1
    settled = row.moderations.get()
    with transaction.atomic():
        moderation_record(
            audit_case=row,
            criterion=codes["1.2"],
            value="no",
            reason="Gaps",
            actor=service_manager,
            version=settled.version,
        )
    assert (row.pk, codes["1.3"].pk) in disagreements(audit)  # now 1.3 is asked, and differs


def test_outsiders_see_no_figure_that_counts_one_to_four_children(audit, case_manager, inspector):

    rows = list(audit.cases.order_by("order"))
    for i, row in enumerate(rows):
        answers = {
            **ALL,
            "1.2": "yes",
            "1.1": "no" if i < 2 else "yes",
            "3.1": "not" if i < 1 else "completely",
        }
        _save(row, 1, case_manager, answers, finish=True)
    # Shared as a finished audit would be (the service shares only finished ones).
    Audit.objects.filter(pk=audit.pk).update(shared_with_inspectorate=True)
    codes = _codes(audit)
    inside = audit_findings(audit).by_criterion
    outside = audit_findings(audit, outsider=True).by_criterion
    assert inside[codes["1.1"].pk].percent == 83  # 10 of 12: 2 answered no
    assert outside[codes["1.1"].pk].percent is None  # 2 children would be counted
    assert outside[codes["2.1"].pk].percent == 100  # 12 of 12: nobody picked out
    assert outside[codes["3.1"].pk].suppressed  # one child "not at all"
    assert AuditCase.objects.filter(audit=audit).count() == 12


def test_only_a_finished_audit_is_shared(client, audit, service_manager):
    from followthrough.audits.services import audit_share

    with pytest.raises(ValidationError, match="Finish the audit before sharing"):
        audit_share(audit=audit, shared=True, actor=service_manager)
    client.force_login(service_manager)
    page = client.post(reverse("audits:audit-share", args=[audit.pk]), {"shared": "1"}, follow=True)
    assert "Finish the audit before sharing its findings" in page.content.decode()
    assert "The findings can be shared once the audit is finished." in page.content.decode()


def test_a_criterion_asked_after_another_is_not_part_of_the_rating(audit, case_manager):
    codes = _codes(audit)
    type(codes["1.2"]).objects.filter(pk=codes["1.2"].pk).update(is_key=False)
    for row in audit.cases.order_by("order"):
        _save(row, 1, case_manager, {**ALL, "1.2": "no", "1.3": "no"}, finish=True)
    planning = audit_findings(audit).sections[0]
    # 1.1 12/12 and 1.2 0/12 average 50%; 1.3 (0/12, asked after No) is left out.
    assert (planning.rating.percent, planning.rating.rating) == (50, "requires_improvement")
    assert "1.3" not in planning.rating.steps[0]
