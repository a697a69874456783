"""An audit through its life in the services: drawn, marked (some twice), moderated, finished,
and its findings worked out from the answers that count."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from followthrough.audits.models import Answer, Audit
from followthrough.audits.selectors.findings import audit_findings
from followthrough.audits.services import (
    Given,
    answers_record,
    audit_draw,
    audit_finish,
    disagreements,
    marking_finish,
    moderation_record,
)
from followthrough.core.concurrency import StaleEdit
from tests.audits.marking import case_answers as _answers
from tests.audits.marking import codes as _codes
from tests.audits.marking import mark as _mark


def test_the_sample_is_drawn_once_with_its_seed(audit):
    assert audit.status == Audit.Status.MARKING
    assert audit.seed == 2026 and audit.population_size == 12
    assert audit.cases.count() == 12
    assert audit.cases.filter(double_marked=True).count() == 3
    with pytest.raises(ValidationError, match="already been drawn"):
        audit_draw(audit=audit, version=audit.version, actor=None)


def test_a_conditional_criterion_must_be_answered_only_when_asked(audit, case_manager):
    row = audit.cases.order_by("order").first()
    codes = _codes(audit)
    with transaction.atomic():
        answers_record(
            audit_case=row,
            marker=1,
            version=row.first_version,
            actor=case_manager,
            given={codes["1.2"].pk: Given("yes"), codes["1.3"].pk: Given("no")},
        )
    # 1.3 is asked only after "no" to 1.2: its answer is not kept.
    assert row.answers.get(criterion=codes["1.3"]).value == ""
    row.refresh_from_db()
    with pytest.raises(ValidationError, match="4 still to answer"):
        marking_finish(audit_case=row, marker=1, actor=case_manager)


def test_an_answer_other_than_the_case_records_needs_a_reason(audit, case_manager):
    row = audit.cases.first()
    c = _codes(audit)["2.1"]
    given = {c.pk: Given("no", offered_value="yes", offered_from="Release day record")}
    with pytest.raises(ValidationError) as error, transaction.atomic():
        answers_record(audit_case=row, marker=1, version=1, actor=case_manager, given=given)
    assert "differs from the case record" in str(error.value)
    given = {c.pk: Given("no", offered_value="yes", override_reason="Hostel place fell through")}
    with transaction.atomic():
        answers_record(audit_case=row, marker=1, version=1, actor=case_manager, given=given)
    assert row.answers.get(criterion=c).override_reason == "Hostel place fell through"


def test_a_stale_marking_page_is_refused(audit, case_manager):
    row = audit.cases.first()
    c = _codes(audit)["1.1"]
    with transaction.atomic():
        answers_record(
            audit_case=row, marker=1, version=1, actor=case_manager, given={c.pk: Given("yes")}
        )
    with pytest.raises(StaleEdit), transaction.atomic():
        answers_record(
            audit_case=row, marker=1, version=1, actor=case_manager, given={c.pk: Given("no")}
        )


def test_only_the_assigned_marker_marks(audit, case_manager, second_case_manager):
    single = audit.cases.filter(double_marked=False).first()
    with pytest.raises(ValidationError, match="assigned to another marker"):
        answers_record(audit_case=single, marker=1, version=1, actor=second_case_manager, given={})
    with pytest.raises(ValidationError, match="not marked twice"):
        answers_record(audit_case=single, marker=2, version=1, actor=second_case_manager, given={})


def test_marked_moderated_finished_and_counted(
    audit, case_manager, second_case_manager, service_manager
):
    rows = list(audit.cases.order_by("order"))
    for i, row in enumerate(rows):
        _mark(row, 1, case_manager, _answers(i))
    twice = [r for r in rows if r.double_marked]
    for row in twice:
        answers = _answers(rows.index(row))
        answers["2.2"] = "yes"  # the second marker thought it applied: a difference to settle
        _mark(row, 2, second_case_manager, answers)
    audit.refresh_from_db()
    assert audit.status == Audit.Status.MODERATION
    differences = disagreements(audit)
    assert len(differences) == 3
    with pytest.raises(ValidationError, match="cannot be finished yet: 3 differences"):
        audit_finish(audit=audit, version=audit.version, actor=service_manager)
    with pytest.raises(ValidationError, match="marked neither side"):
        moderation_record(
            audit_case=twice[0],
            criterion=_codes(audit)["2.2"],
            value="na",
            reason="x",
            actor=case_manager,
        )
    for row in twice:
        with transaction.atomic():
            moderation_record(
                audit_case=row,
                criterion=_codes(audit)["2.2"],
                value="na",
                reason="No family member to tell",
                actor=service_manager,
            )
    audit.refresh_from_db()
    with transaction.atomic():
        audit_finish(audit=audit, version=audit.version, actor=service_manager)
    audit.refresh_from_db()
    assert audit.status == Audit.Status.FINISHED and audit.rating_rules.version == 1

    findings = audit_findings(audit)
    by_code = {f.criterion.code: f for f in findings.by_criterion.values()}
    assert (by_code["1.1"].tally.yes, by_code["1.1"].n, by_code["1.1"].percent) == (9, 12, 75)
    assert by_code["1.1"].difference == 75 - 70
    assert (by_code["1.3"].n, by_code["1.3"].tally.not_asked) == (6, 6)  # asked of 6 cases
    assert (by_code["2.1"].tally.yes, by_code["2.1"].n, by_code["2.1"].percent) == (8, 11, 73)
    assert by_code["2.2"].n == 0 and by_code["2.2"].percent is None  # moderated to n.a.
    assert by_code["3.1"].distribution.counts == {"completely": 3, "partially": 6, "not": 3}
    # Agreement: 3 cases x 6 criteria asked... 2.2 differs on all three.
    assert findings.overall_agreement.pairs > 0
    assert by_code["2.2"].agreement.percent == 0
    # Planning: key criterion 1.2, 6 of 12 = 50%: requires improvement. Release: 2.1 only has
    # cases (2.2 all n.a.) = 73%: good. The standard takes the lower.
    planning, release, outcomes = findings.sections
    assert (planning.rating.percent, planning.rating.rating) == (50, "requires_improvement")
    assert (release.rating.percent, release.rating.rating) == (73, "good")
    assert outcomes.rating is None
    assert findings.standard.rating == "requires_improvement"


def test_outsiders_see_small_numbers_suppressed(audit, case_manager):
    row = audit.cases.order_by("order").first()
    _mark(row, 1, case_manager, _answers(0))
    findings = audit_findings(audit, outsider=True)
    one = next(f for f in findings.by_criterion.values() if f.criterion.code == "1.1")
    assert one.n == 1 and one.suppressed and one.percent is None
    assert audit_findings(audit).by_criterion[one.criterion.pk].percent == 100


def test_answers_are_kept_per_marker(audit, case_manager):
    row = audit.cases.first()
    _mark(row, 1, case_manager, _answers(0))
    assert row.answers.filter(marker=Answer.FIRST).count() == 5  # 1.3 not asked
