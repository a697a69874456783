"""A case anonymised after the retention period takes its audit notes with it: the answers stay
(findings count them), the words about the child go, in the records and their history."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from followthrough.audits.models import Answer
from followthrough.audits.services import Given, answers_record
from followthrough.cases.services import case_anonymise


def test_anonymising_a_case_blanks_its_audit_notes(audit, case_manager):
    row = audit.cases.order_by("order").first()
    c = audit.criteria_set.criteria.get(code="2.1")
    with transaction.atomic():
        answers_record(
            audit_case=row,
            marker=1,
            version=1,
            actor=case_manager,
            given={
                c.pk: Given(
                    "no",
                    note="Stayed with an aunt in a named town",
                    offered_value="yes",
                    offered_from="Release day record",
                    override_reason="Hostel fell through",
                )
            },
        )
    case_anonymise(case=row.case, today=date(2033, 1, 1))
    answer = Answer.objects.get(audit_case=row, criterion=c)
    assert answer.value == "no"
    assert (answer.note, answer.override_reason, answer.offered_from) == ("", "", "")
    assert not Answer.history.filter(id=answer.pk).exclude(note="").exists()
