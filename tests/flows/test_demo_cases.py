"""`make demo`'s casework: the case manager finds thirty synthetic cases in every phase, with
something late; the health partner finds only its trust's tasks (issue 13, Demo and paths)."""

from __future__ import annotations

import re

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from followthrough.cases.models import Case, Task, TaskEscalation
from followthrough.cases.selectors import caseload


def test_the_demo_caseload_covers_every_phase(db, monkeypatch, client):
    monkeypatch.setenv("DEMO_PASSWORD", "a-demo-password-1")
    call_command("demo_users", verbosity=0)
    call_command("demo_cases", verbosity=0)
    call_command("demo_cases", verbosity=0)  # safe to repeat
    assert Case.objects.count() == 30
    assert all(re.fullmatch(r"NB-\d{4}", c.reference) for c in Case.objects.all())
    manager = get_user_model().objects.get(username="yjs-case-manager")
    assert manager.check_password("a-demo-password-1")
    load = caseload(manager, today=timezone.localdate())
    assert all(load.by_phase.values()) and sum(load.by_phase.values()) == 30
    assert set(load.by_phase) == {"sentenced", "in_custody", "release_soon", "released", "closed"}
    late = {m.code for r in load.rows for m in r.late}
    assert {"initial_meeting", "accommodation_confirmed", "outcome_3_months"} <= late
    client.force_login(manager)
    page = client.get(reverse("cases:case-list")).content.decode()
    assert "NB-0001" in page and "Overdue tasks escalated to the service's managers" in page
    assert TaskEscalation.objects.filter(step=1).exists()  # each partner was reminded first
    partner = get_user_model().objects.get(username="health-partner")
    client.force_login(partner)
    page = client.get(reverse("cases:task-list")).content.decode()
    trust = partner.memberships.get().organisation
    assert Task.objects.filter(owner=trust).count() == 30
    assert "Register with a community GP" in page and "Confirm where the child" not in page
