"""A proposed target is decided once: two approvers acting on the same proposal at the same moment
cannot both succeed (issue 12, item 6). Each request holds its own copy of the revision, as two
browsers would; the second decision must be refused, whatever its copy says."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from followthrough.actionplans.models import TargetRevision
from followthrough.actionplans.services import target_revision_decide
from followthrough.core.models import DomainEvent
from tests.actionplans.factories import TargetRevisionFactory


@pytest.fixture
def proposal(body_contributor):
    return TargetRevisionFactory(proposed_by=body_contributor)


def _decisions(revision) -> int:  # type: ignore[no-untyped-def]
    return DomainEvent.objects.filter(
        object_id=revision.action_id, code__startswith="actionplans.action.target_"
    ).count()


def test_a_second_decision_on_a_stale_copy_is_refused(proposal, body_approver, inspector):
    first = TargetRevision.objects.get(pk=proposal.pk)
    second = TargetRevision.objects.get(pk=proposal.pk)
    target_revision_decide(revision=first, approve=True, actor=body_approver, today=date.today())
    with pytest.raises(ValidationError, match="already been decided"):
        target_revision_decide(revision=second, approve=False, actor=inspector, today=date.today())
    proposal.refresh_from_db()
    assert proposal.status == TargetRevision.Status.APPROVED
    proposal.action.refresh_from_db()
    assert proposal.action.target_text == proposal.new_text
    assert _decisions(proposal) == 1


def test_three_approvals_record_one(proposal, body_approver):
    copies = [TargetRevision.objects.get(pk=proposal.pk) for _ in range(3)]
    decided = 0
    for copy in copies:
        try:
            target_revision_decide(
                revision=copy, approve=True, actor=body_approver, today=date.today()
            )
            decided += 1
        except ValidationError:
            pass
    assert decided == 1
    assert _decisions(proposal) == 1
