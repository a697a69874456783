"""A revised copy of a plan already imported is that plan's next version, never a silent second
plan (issue 12, item 9): recognised in review, imported as a new version with what changed
listed, and everything people recorded on the first kept."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from followthrough.actionplans.models import Action, ActionPlan, ProgressUpdate, Response
from followthrough.ingest.models import ImportReview
from followthrough.ingest.sample import sample_action_plan
from tests.conftest import ingest_text

TITLE = "A thematic inspection of synthetic revisions"
TODAY = date(2026, 11, 29)


def original() -> str:
    return sample_action_plan(title=TITLE, today=TODAY)


def revised(text: str) -> str:
    """The same plan re-sent a month later, one decision changed."""
    submitted = TODAY - timedelta(days=400)
    later = submitted + timedelta(days=30)
    text = text.replace(
        f"Action Plan Submitted: {submitted.day} {submitted:%B %Y}",
        f"Action Plan Submitted: {later.day} {later:%B %Y}",
    )
    return re.sub(r"\tNot Agreed\t", "\tPartly Agreed\t", text, count=1)


@pytest.fixture
def first_plan(db, known_bodies):
    ingest_text(original(), "plan-2025.txt")
    plan = ActionPlan.objects.get()
    action = Action.objects.filter(response__action_plan=plan).first()
    ProgressUpdate.objects.create(action=action, date=TODAY, text="Synthetic progress")
    return plan


def test_review_says_it_is_a_new_version_of_the_plan(client, inspector, first_plan):
    client.force_login(inspector)
    client.post(
        reverse("ingest:import-list"),
        {"document": SimpleUploadedFile("plan-2025-revised.txt", revised(original()).encode())},
    )
    review = ImportReview.objects.get()
    page = client.get(reverse("ingest:import-review", args=[review.pk])).content.decode()
    assert "This looks like a new version of the plan" in page
    assert reverse("actionplans:report-action-plan", args=[first_plan.report_id]) in page


def test_a_revised_plan_becomes_the_next_version_of_the_first(client, inspector, first_plan):
    client.force_login(inspector)
    client.post(
        reverse("ingest:import-list"),
        {"document": SimpleUploadedFile("plan-2025-revised.txt", revised(original()).encode())},
    )
    review = ImportReview.objects.get()
    done = client.post(reverse("ingest:import-review", args=[review.pk]), {"action": "commit"})
    assert done.status_code == 302
    assert ActionPlan.objects.count() == 1
    plan = ActionPlan.objects.get()
    assert plan.responses.count() == first_plan.responses.count()
    assert Response.objects.filter(action_plan=plan, decision="partly_agreed").exists()
    latest = plan.versions.order_by("-number").first()
    assert latest.number == 2 and "plan-2025-revised.txt" in latest.note
    assert any("decision Not agreed → Partly agreed" in c for c in latest.changes)
    assert any("Plan date" in c for c in latest.changes)
    assert ProgressUpdate.objects.filter(text="Synthetic progress").exists()
    page = client.get(reverse("reporting:report-detail", args=[plan.report_id])).content.decode()
    assert "Agreed Agreed" not in re.sub(r"<[^>]+>|\s+", " ", page).replace("  ", " ")


def test_the_command_line_also_makes_a_new_version(tmp_path, first_plan):
    path = tmp_path / "plan-2025-revised.txt"
    path.write_text(revised(original()))
    call_command("ingest", str(path))
    assert ActionPlan.objects.count() == 1
    assert ActionPlan.objects.get().versions.count() == 2


def test_a_plan_by_other_organisations_for_the_same_report_is_a_plan_of_its_own(first_plan):
    """Answering the same recommendations as different organisations is another body's plan."""
    from followthrough.organisations.models import Organisation

    elsewhere = Organisation.objects.create(name="Synthetic Council", short_name="SC")
    first_plan.responses.update(responding_organisation=elsewhere)
    ingest_text(revised(original()), "plan-2025-revised.txt")
    assert ActionPlan.objects.count() == 2
    assert first_plan.versions.count() == 0


def test_a_revision_answering_more_recommendations_adds_them_to_the_plan(db, known_bodies):
    ingest_text(sample_action_plan(title=TITLE, today=TODAY, recommendations=4), "short.txt")
    ingest_text(sample_action_plan(title=TITLE, today=TODAY, recommendations=9), "long.txt")
    plan = ActionPlan.objects.get()
    assert plan.responses.count() == 9
    assert any("action added" in c for c in plan.versions.get(number=2).changes)


def test_actions_are_matched_by_what_they_say_not_by_position(first_plan):
    """Dropping a response's first action withdraws that one; the action that carries on keeps
    its progress and its target."""
    response = next(r for r in first_plan.responses.all() if r.actions.count() == 2)
    first, second = response.actions.order_by("order")
    ProgressUpdate.objects.create(action=second, date=TODAY, text="Synthetic: carries on")
    text = revised(original())
    row = next(line for line in text.splitlines() if f"<p>{first.target_text}</p>" in line)
    shorter = row.replace(f"<p>{first.owner_text}</p> ", "", 1).replace(
        f"<p>{first.target_text}</p> ", "", 1
    )
    ingest_text(text.replace(row, shorter), "plan-2025-revised.txt")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "withdrawn"
    assert second.status != "withdrawn" and second.updates.filter(text__startswith="Synthetic")


def test_a_form_opened_before_the_revision_is_refused_as_stale(first_plan):
    response = first_plan.responses.first()
    opened_at = response.version
    ingest_text(revised(original()), "plan-2025-revised.txt")
    response.refresh_from_db()
    assert response.version == opened_at + 1


def test_replacing_the_first_file_after_a_revision_keeps_one_plan(tmp_path, first_plan):
    ingest_text(revised(original()), "plan-2025-revised.txt")
    path = tmp_path / "plan-2025.txt"
    path.write_text(original())
    call_command("ingest", str(path), "--replace")
    assert ActionPlan.objects.count() == 1
    assert first_plan.versions.count() == 3


def test_review_corrections_to_a_revision_are_in_its_version(client, inspector, first_plan):
    client.force_login(inspector)
    client.post(
        reverse("ingest:import-list"),
        {"document": SimpleUploadedFile("plan-2025-revised.txt", revised(original()).encode())},
    )
    review = ImportReview.objects.get()
    client.post(
        reverse("ingest:import-review", args=[review.pk]),
        {"action": "commit", "r0-decision": "not_agreed"},
    )
    latest = first_plan.versions.order_by("-number").first()
    label = latest.snapshot["responses"][0]["label"]
    assert latest.snapshot["responses"][0]["decision"] == "not_agreed"
    assert any(c.startswith(f"{label}: decision") for c in latest.changes)


def test_one_recommendation_answered_in_common_does_not_make_two_plans_one(first_plan):
    """A recommendation made to two bodies jointly is answered in both their plans."""
    from followthrough.organisations.models import Organisation

    elsewhere = Organisation.objects.create(name="Synthetic Council", short_name="SC")
    shared = first_plan.responses.order_by("pk").first()
    first_plan.responses.exclude(pk=shared.pk).update(responding_organisation=elsewhere)
    ingest_text(revised(original()), "plan-2025-revised.txt")
    assert ActionPlan.objects.count() == 2
