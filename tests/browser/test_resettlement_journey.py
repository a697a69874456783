"""One child's resettlement, end to end in Debian's chromium without JavaScript: the case
manager opens the case at sentence, records the initial planning meeting and the tasks it
decided, the health partner reports its task done, the case manager records the release day and
the three-month check, and the management board downloads its pack as a Word document."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from docx import Document

from followthrough.cases.models import Case, Task
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-demo-password-for-the-journey"


@pytest.fixture
def demo(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("demo_users", verbosity=0)
    call_command("demo_cases", verbosity=0)


def test_a_child_from_sentence_to_the_board_pack(browser, live_server, demo):
    today = timezone.localdate()
    context, page = sign_in(
        browser, live_server, "yjs-case-manager", PASSWORD, java_script_enabled=False
    )
    page.set_viewport_size({"width": 375, "height": 800})
    # Sentence: the case is opened under the service's own reference.
    page.goto(f"{live_server.url}/cases/new/")
    page.get_by_label("Case reference").fill("NB-0099")
    page.get_by_label("Age at sentence, in years").fill("16")
    page.get_by_label("Sex").select_option("female")
    page.get_by_label("Ethnic group").select_option("mixed")
    page.get_by_label("Care status").select_option("looked_after")
    page.get_by_label("Sentence", exact=True).select_option("dto")
    page.get_by_label("Sentence date").fill((today - timedelta(days=20)).isoformat())
    page.get_by_label("Earliest release date").fill((today + timedelta(days=40)).isoformat())
    page.get_by_role("button", name="Open the case").click()
    page.get_by_text("Case NB-0099 opened").wait_for()
    case = Case.objects.get(reference="NB-0099")
    assert case.pathways.count() == 8

    # The initial planning meeting, then the task it decided, owned by the health partner.
    page.get_by_role("link", name="Record a meeting").click()
    page.get_by_label("Initial planning meeting").check()
    page.get_by_label("Date of the meeting").fill((today - timedelta(days=12)).isoformat())
    page.get_by_label("Youth justice service case manager").check()
    page.get_by_label("Health (in the establishment)").check()
    page.get_by_role("button", name="Record the meeting").click()
    page.get_by_text("Meeting recorded").wait_for()
    page.get_by_label("What needs doing").fill("Register with a community GP before release")
    page.get_by_label("Pathway").select_option(
        label="Health: physical, mental and emotional wellbeing"
    )
    page.get_by_label("Agency that owns it").select_option(
        label="Northbridge Synthetic NHS Foundation Trust"
    )
    page.get_by_label("On a date").check()
    page.get_by_label("Due date").fill((today + timedelta(days=20)).isoformat())
    page.get_by_role("button", name="Add the task", exact=True).click()
    page.get_by_text("Task added").wait_for()
    task = Task.objects.get(case=case)
    assert task.meeting is not None and task.owner.kind == "health"

    # A pathway: the plan and both views.
    page.get_by_role("link", name="Change Accommodation").click()
    page.get_by_label("Yes").first.check()
    page.get_by_label("Plan for release").fill("Foster placement confirmed for release")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Accommodation updated").wait_for()

    # The partner sees only its task, and reports it done.
    partner_context, partner = sign_in(
        browser, live_server, "health-partner", PASSWORD, java_script_enabled=False
    )
    partner.goto(f"{live_server.url}/cases/tasks/")
    partner.get_by_role("link", name="Register with a community GP before release").click()
    partner.get_by_label("Done").check()
    partner.get_by_role("button", name="Save").click()
    partner.get_by_text("Task on case NB-0099 updated").wait_for()
    assert partner.goto(f"{live_server.url}/cases/{case.pk}/").status == 404
    partner_context.close()

    # Release day, then the check three months after it.
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    page.get_by_role("link", name="Record the release").click()
    page.get_by_label("Release date").fill(today.isoformat())
    page.get_by_label("Time of release").fill("10:30")
    page.get_by_label("Who met the child at the gate?").select_option("yjs")
    page.get_by_label("The service saw the child that day").check()
    page.get_by_label("Accommodation was confirmed").check()
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Release of case NB-0099 recorded").wait_for()
    page.get_by_role("link", name="Record the 3-month check").click()
    page.get_by_label("Date of the check").fill(today.isoformat())
    page.get_by_label("Recalled to custody").select_option("no")
    page.get_by_label("Compliance with the licence or order").select_option("complete")
    page.get_by_role("button", name="Save the check").click()
    page.get_by_text("3-month check recorded").wait_for()
    body = page.content()
    assert "Seen by the service that day: yes" in body and "compliance complete" in body
    context.close()
    case.refresh_from_db()
    task.refresh_from_db()
    assert case.release_date == today and task.status == "done"
    assert case.outcomes.get().compliance == "complete"

    # The board downloads its pack: counts only, never a case reference.
    board_context, board = sign_in(
        browser,
        live_server,
        "yjs-board",
        PASSWORD,
        java_script_enabled=False,
        accept_downloads=True,
    )
    board.goto(f"{live_server.url}/cases/board/")
    with board.expect_download() as download:
        board.get_by_role("link", name="Word document").click()
    document = Document(io.BytesIO(download.value.path().read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    board_context.close()
    assert "Northbridge" in text and "NB-0099" not in text + cells
    assert "Cases by phase" in text + cells and " 31 " in f" {cells} "  # the demo's 30 and hers
