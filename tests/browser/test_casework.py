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
    open_case = Case.objects.filter(closed_on__isnull=True).order_by("reference").first()
    task = Task.objects.filter(owner__kind="health").first()
    found = {}
    for width in (1280, 375):
        for username, paths in (
            (
                "yjs-case-manager",
                ["/cases/", "/cases/?phase=released", f"/cases/{case.pk}/", "/cases/new/"]
                + [
                    f"/cases/{open_case.pk}/{tail}"
                    for tail in (
                        "edit/",
                        "pathways/accommodation/",
                        "meetings/new/",
                        "tasks/new/",
                        "contacts/new/",
                        "release/",
                        "outcomes/3/",
                        "support/",
                        "close/",
                    )
                ],
            ),
            ("yjs-admin", ["/cases/milestone-rules/", "/cases/access-log/"]),
            ("yjs-board", ["/cases/board/", "/cases/board/?by=ethnicity"]),
            ("inspector", ["/cases/national/", "/cases/national/?by=age"]),
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


def test_a_case_manager_imports_and_downloads_the_caseload_without_javascript(
    browser, live_server, demo
):
    """The upload page and its error state pass axe at 375 px; without JavaScript the caseload
    downloads, imports again unchanged, and a new case comes in from a spreadsheet."""
    found = {}
    context, page = sign_in(browser, live_server, "yjs-case-manager", PASSWORD, bypass_csp=True)
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(f"{live_server.url}/cases/import/")
    found["upload page"] = axe_violations(page)
    page.get_by_label("Spreadsheet of cases").set_input_files(
        files=[{"name": "bad.csv", "mimeType": "text/csv", "buffer": b"reference,name\nX-1,A\n"}]
    )
    page.get_by_role("button", name="Import cases").click()
    page.get_by_role("heading", name="There is a problem").wait_for()
    found["error state"] = axe_violations(page)
    context.close()
    assert not any(found.values()), found

    context, page = sign_in(
        browser, live_server, "yjs-case-manager", PASSWORD, java_script_enabled=False
    )
    page.goto(f"{live_server.url}/cases/")
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV file").click()
    exported = download.value.path().read_bytes()
    page.get_by_role("link", name="Import cases from a spreadsheet").click()
    page.get_by_label("Spreadsheet of cases").set_input_files(
        files=[{"name": "caseload.csv", "mimeType": "text/csv", "buffer": exported}]
    )
    page.get_by_role("button", name="Import cases").click()
    page.get_by_text("0 cases opened and 0 updated; 0 tasks added and 0 updated").wait_for()
    page.get_by_role("link", name="Import cases from a spreadsheet").click()
    new_case = (
        "reference,age_at_sentence,sex,ethnicity,care_status,sentence_type,sentence_date\n"
        "NB-0900,16,male,white,none,dto,2026-03-02\n"
    )
    page.get_by_label("Spreadsheet of cases").set_input_files(
        files=[{"name": "new.csv", "mimeType": "text/csv", "buffer": new_case.encode()}]
    )
    page.get_by_role("button", name="Import cases").click()
    page.get_by_text("new.csv imported: 1 case opened").wait_for()
    context.close()
    assert Case.objects.filter(reference="NB-0900").exists()
