"""Casework in Debian's chromium: the demo's case manager, partner and inspector reach their
pages, every casework page passes axe (also at 375 px wide), and the partner reports a task
done without JavaScript."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from followthrough.cases.models import Case, Task
from tests.browser.conftest import axe_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-demo-password-for-casework"


@pytest.fixture
def demo(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("demo_users", verbosity=0)
    call_command("demo_cases", verbosity=0)


def test_every_casework_page_passes_axe_at_desktop_and_phone_width(browser, live_server, demo):
    case = Case.objects.order_by("reference").first()
    task = Task.objects.filter(owner__kind="health").first()
    found = {}
    for width in (1280, 375):
        for username, paths in (
            (
                "yjs-case-manager",
                ["/cases/", "/cases/?phase=released", f"/cases/{case.pk}/", "/cases/new/"],
            ),
            ("yjs-board", ["/cases/board/"]),
            ("inspector", ["/cases/national/"]),
            (
                "health-partner",
                [
                    "/cases/tasks/",
                    f"/cases/tasks/{task.pk}/",
                ],
            ),
        ):
            context, page = sign_in(browser, live_server, username, PASSWORD, bypass_csp=True)
            page.set_viewport_size({"width": width, "height": 800})
            for path in paths:
                page.goto(live_server.url + path)
                assert page.locator("h1").count() == 1, path
                violations = axe_violations(page)
                if violations:
                    found[f"{path} at {width}px"] = violations
            context.close()
    assert not found, found


def test_a_partner_reports_its_task_done_without_javascript(browser, live_server, demo):
    task = Task.objects.filter(owner__kind="health", status="open").first()
    context, page = sign_in(
        browser, live_server, "health-partner", PASSWORD, java_script_enabled=False
    )
    page.goto(f"{live_server.url}/cases/tasks/{task.pk}/")
    page.get_by_label("Done").check()
    page.get_by_label("Note for the case manager").fill("Registered with a synthetic practice")
    page.get_by_role("button", name="Save").click()
    page.get_by_text(f"Task on case {task.case.reference} updated").wait_for()
    context.close()
    task.refresh_from_db()
    assert task.status == "done"
