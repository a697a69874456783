"""Moving a target: proposed by the owner with a reason, approved by an approver, and the first
published target always kept and shown."""

from __future__ import annotations

import pytest
from django.urls import reverse

from followthrough.actionplans.models import Action, TargetRevision


@pytest.fixture
def owned(sample_plan):
    """A YJB action with a target date: its contributor proposes, its approver decides."""
    return Action.objects.filter(
        owner_organisation__short_name="YJB", due_date__isnull=False
    ).first()


def test_a_target_moves_only_when_approved_and_the_original_is_kept(
    client, owned, body_contributor, body_approver
):
    first_text, first_due = owned.target_text, owned.due_date
    client.force_login(body_contributor)
    url = reverse("actionplans:target-propose", args=[owned.pk])
    bad = client.post(url, {"new_text": "whenever", "reason": ""}).content.decode()
    assert "Enter a target we can read" in bad and "Say why the target needs to move" in bad
    client.post(url, {"new_text": "December 2031", "reason": "Funding moved a year"})
    owned.refresh_from_db()
    assert owned.target_text == first_text  # not until approved
    revision = TargetRevision.objects.get()
    assert (
        client.post(
            reverse("actionplans:target-decide", args=[revision.pk]), {"decision": "approve"}
        ).status_code
        == 404
    )  # owners cannot approve
    client.force_login(body_approver)
    client.post(reverse("actionplans:target-decide", args=[revision.pk]), {"decision": "approve"})
    owned.refresh_from_db()
    assert owned.target_text == "December 2031" and owned.original_target_text == first_text
    revision.refresh_from_db()
    assert revision.status == "approved" and revision.slip_days == (owned.due_date - first_due).days
    page = client.get(reverse("actionplans:action-progress", args=[owned.pk])).content.decode()
    assert f"First published as {first_text}" in page and "Funding moved a year" in page


def test_a_rejected_target_leaves_the_action_alone(client, owned, body_contributor, body_approver):
    client.force_login(body_contributor)
    client.post(
        reverse("actionplans:target-propose", args=[owned.pk]),
        {"new_text": "2032/33", "reason": "Later"},
    )
    client.force_login(body_approver)
    revision = TargetRevision.objects.get()
    client.post(reverse("actionplans:target-decide", args=[revision.pk]), {"decision": "reject"})
    owned.refresh_from_db()
    assert owned.target_text != "2032/33" and not owned.original_target_text
