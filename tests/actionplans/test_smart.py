"""The SMART check: advice beside each action, and a score per response and plan."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from followthrough.actionplans.models import ActionPlan
from followthrough.actionplans.smart import action_advice, smart_score


def advice(**overrides):
    values = dict(
        owner="Head of Policy, MoJ",
        target_kind="month",
        target_value="2026-03",
        due=date(2026, 3, 31),
        plan_date=date(2025, 6, 1),
        description="Publish guidance for custody staff",
        measure="Guidance published",
    )
    values.update(overrides)
    return [a.check for a in action_advice(**values)]


def test_a_well_formed_action_meets_every_check():
    assert advice() == []


@pytest.mark.parametrize(
    ("overrides", "check"),
    [
        ({"owner": ""}, "owner"),
        ({"owner": "Head of Policy and Director of Operations"}, "one_owner"),
        ({"target_kind": "unknown", "due": None}, "time_bound"),
        ({"target_kind": "ongoing", "target_value": "", "due": None}, "time_bound"),
        ({"due": date(2025, 1, 31)}, "after_plan"),
        ({"description": "Consider how best to support families"}, "specific"),
        ({"description": "Work with partners"}, "specific"),
        ({"measure": ""}, "measure"),
    ],
)
def test_each_weakness_gets_its_advice(overrides, check):
    assert check in advice(**overrides)


def test_a_vague_verb_with_a_stated_output_is_fine():
    assert "specific" not in advice(description="Review the casework model and publish a report")


def test_ongoing_work_with_a_review_date_is_time_bound():
    assert "time_bound" not in advice(target_kind="ongoing", target_value="2026-10", due=None)


def test_one_role_with_and_in_its_name_is_one_owner():
    assert "one_owner" not in advice(owner="Deputy Director for Quality and Performance")


def test_scores_count_checks_met():
    assert smart_score([]) is None
    assert smart_score([[]]) == 100
    assert (
        smart_score(
            [
                action_advice(
                    owner="",
                    target_kind="unknown",
                    target_value="",
                    due=None,
                    plan_date=None,
                    description="",
                    measure="",
                )
            ]
        )
        == 40
    )


def test_plan_and_recommendation_pages_show_the_advice(client, viewer, sample_plan):
    client.force_login(viewer)
    plan = ActionPlan.objects.get()
    page = client.get(reverse("actionplans:report-action-plan", args=[plan.report_id])).content
    assert b"SMART score" in page and b"% of checks met" in page
    assert b"Say what will show the action is done" in page
    rec = plan.responses.first().recommendation
    detail = client.get(reverse("reporting:recommendation-detail", args=[rec.pk])).content
    assert b"SMART advice" in detail
