"""`make demo`'s self-assessment: the service's manager logs in with the demo password and finds
last year's assessment signed off and this year's part-way through."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from followthrough.organisations.models import Membership
from followthrough.selfassessment.models import ImprovementAction, SelfAssessment
from tests.selfassessment.made import make_thematics


def test_demo_service_manager_and_part_done_assessment(db, monkeypatch, client):
    make_thematics(reports=2, per_report=4, lines=3)
    monkeypatch.setenv("DEMO_PASSWORD", "a-demo-password-1")
    call_command("demo_users", verbosity=0)
    call_command("demo_self_assessment", verbosity=0)
    call_command("demo_self_assessment", verbosity=0)
    manager = get_user_model().objects.get(username="yjs-manager")
    assert manager.check_password("a-demo-password-1")
    membership = Membership.objects.get(user=manager)
    assert membership.role == "approver"
    assert membership.organisation.kind == "youth_justice_service"
    year = timezone.localdate().year
    current = SelfAssessment.objects.get(year=year)
    previous = SelfAssessment.objects.get(year=year - 1)
    assert previous.status == "signed_off" and previous.shared_with_inspectorate
    rated = set(current.items.exclude(rating="").values_list("rating", flat=True))
    assert 0 < current.items.exclude(rating="").count() < current.items.count()
    assert rated <= {"outstanding", "good", "requires_improvement", "inadequate"}
    assert len(rated) == 4
    assert ImprovementAction.objects.filter(item__assessment=current).exists()
    client.force_login(manager)
    listing = client.get("/self-assessments/")
    assert listing.status_code == 200
    assert str(year).encode() in listing.content and b"Northbridge" in listing.content


def test_demo_has_an_inspectorate_admin_who_reads_the_audit_log(db, monkeypatch, client):
    """Issue 12's demo: the audit log can be seen with a demo login."""
    monkeypatch.setenv("DEMO_PASSWORD", "a-demo-password-1")
    call_command("demo_users", verbosity=0)
    admin = get_user_model().objects.get(username="inspectorate-admin")
    assert admin.check_password("a-demo-password-1")
    membership = Membership.objects.get(user=admin)
    assert membership.role == "admin" and membership.organisation.kind == "inspectorate"
    client.force_login(admin)
    assert client.get("/audit/").status_code == 200


def test_make_demo_serves_the_products_own_error_pages():
    """The demo runs with DEBUG off, so a mistyped address shows our 404, not Django's."""
    from pathlib import Path

    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()
    demo = makefile[makefile.index("\ndemo:") : makefile.index("\nserve:")]
    assert "DEBUG=false" in demo and "runserver --insecure" in demo
