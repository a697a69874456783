"""`followthrough seed_national` (issue 18, a national dataset on demand): the proportions of
each scale, the same data for the same seed, pages that open for an inspector and a service
afterwards, and data that keeps every rule the services keep."""

from __future__ import annotations

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from followthrough.actionplans.models import (
    Action,
    ActionPlan,
    PlanVersion,
    ProgressUpdate,
    Response,
    Review,
    TargetRevision,
)
from followthrough.audits.models import Audit, AuditCase
from followthrough.cases.models import Case, Task
from followthrough.flows.national_seed import Sizes, dataset_digest, seed_national
from followthrough.inspections.models import Recommendation, Report
from followthrough.organisations.models import Organisation
from followthrough.selfassessment.models import SelfAssessment

SCALE = 0.01


def test_a_scale_gives_that_share_of_the_national_figures():
    national, tenth = Sizes.at(1.0), Sizes.at(0.1)
    assert (national.reports, national.recommendations, national.actions) == (200, 5000, 30000)
    assert (national.services, national.users, national.cases) == (150, 60, 5000)
    assert (tenth.reports, tenth.recommendations, tenth.actions) == (20, 500, 3000)
    assert (tenth.services, tenth.cases) == (15, 500)


@pytest.fixture
def seeded(db):
    out = StringIO()
    call_command("seed_national", scale=SCALE, seed=7, stdout=out)
    return out.getvalue()


def test_it_builds_the_right_proportions(seeded):
    sizes = Sizes.at(SCALE)
    assert re.match(r"Built 2 reports, 50 recommendations, 300 actions, \d+ progress", seeded)
    assert Report.objects.count() == sizes.reports
    assert Recommendation.objects.count() == sizes.recommendations
    assert Response.objects.count() == sizes.recommendations
    assert Action.objects.count() == sizes.actions
    # two updates an action on average (60,000 for 30,000 at national scale)
    assert 1.9 * sizes.actions <= ProgressUpdate.objects.count() <= 2.2 * sizes.actions
    assert TargetRevision.objects.count() >= sizes.actions // 20
    assert Review.objects.exists() and PlanVersion.objects.exists()
    services = Organisation.objects.filter(name__startswith="Service ")
    assert services.count() == sizes.services
    assert SelfAssessment.objects.filter(organisation__in=services).count() >= sizes.services
    assert Organisation.objects.filter(short_name__in=["MoJ", "YJB", "HMPPS", "YCS"]).count() == 4
    for kind in ("health", "police", "local_authority", "custodial_establishment"):
        assert Organisation.objects.filter(kind=kind).exists(), kind
    assert get_user_model().objects.count() == sizes.users
    assert Case.objects.count() == sizes.cases and Task.objects.exists()
    assert Audit.objects.exists() and AuditCase.objects.exists()
    # made up, never a child's details: references only, services by number
    assert all(re.fullmatch(r"SYN-\d{6}", c.reference) for c in Case.objects.all())
    assert all(re.fullmatch(r"Service \d{3} Youth Justice Service", s.name) for s in services)
    assert Action.history.count() >= Action.objects.count()  # the audit log has them


def test_the_same_seed_builds_the_same_data(db):
    today = timezone.localdate()
    digests = []
    for seed in (5, 5, 6):
        with transaction.atomic():
            seed_national(scale=SCALE, seed=seed, today=today)
            digests.append(dataset_digest())
            transaction.set_rollback(True)
    assert digests[0] == digests[1]
    assert digests[0] != digests[2]


def test_it_refuses_a_database_that_holds_data(seeded):
    with pytest.raises(CommandError, match="already holds"):
        call_command("seed_national", scale=SCALE)


def test_a_dry_run_writes_nothing(db):
    out = StringIO()
    call_command("seed_national", scale=0.1, dry_run=True, stdout=out)
    assert "20 reports" in out.getvalue() and "nothing written" in out.getvalue()
    assert not Report.objects.exists()


def test_every_rule_the_services_keep_holds(seeded):
    connection.check_constraints()  # foreign keys (SQLite checks them only here)
    today = timezone.localdate()
    for response in Response.objects.all():
        response.clean()
    for action in Action.objects.all():
        action.full_clean()
        if action.status == Action.Status.COMPLETED and action.target_kind != "completed":
            assert action.evidence and action.completed_on, action.pk
    for update in ProgressUpdate.objects.all():
        assert update.date <= today and update.text
        if update.new_status == Action.Status.COMPLETED:
            assert update.evidence
    for revision in TargetRevision.objects.filter(status="approved").select_related("action"):
        assert revision.action.target_text == revision.new_text
        assert revision.action.original_target_text == revision.previous_text
        assert revision.decided_by_id != revision.proposed_by_id
    published = ActionPlan.objects.filter(status="published")
    assert set(PlanVersion.objects.filter(number=1).values_list("action_plan", flat=True)) == set(
        published.values_list("pk", flat=True)
    )
    for assessment in SelfAssessment.objects.filter(status="signed_off"):
        assert not assessment.items.filter(rating="").exists()


def test_pages_open_for_an_inspector_and_a_service_afterwards(seeded, client):
    User = get_user_model()
    report = Report.objects.order_by("pk").first()
    inspector = User.objects.get(username="inspector-01")
    client.force_login(inspector)
    for url in (
        "/",
        reverse("reporting:inspectorate"),
        reverse("reporting:report-detail", args=[report.pk]),
        reverse("reporting:annual-report", args=[report.pk]),
    ):
        assert client.get(url).status_code == 200, url
    client.force_login(User.objects.get(username="inspectorate-admin-01"))
    page = client.get(reverse("auditlog:log"))
    assert page.status_code == 200 and "inspectorate-admin-01" in page.content.decode()
    manager = User.objects.get(username="yjs-manager-01")
    client.force_login(manager)
    page = client.get(reverse("reporting:my-organisation"))
    assert page.status_code == 200 and "Service 001" in page.content.decode()
    assert client.get(reverse("selfassessment:assessment-list")).status_code == 200
    client.force_login(User.objects.get(username="yjs-case-manager-01"))
    page = client.get(reverse("cases:case-list"))
    assert page.status_code == 200 and "SYN-" in page.content.decode()
