"""A case audit in Debian's chromium, as the demo's service runs one: a manager sets it up and
draws the sample, chooses markers; the case manager marks with the case record's answers
offered; a second marker marks blind; the manager settles the difference, finishes, reads the
findings and downloads them as Word. Every page passes axe, also at 375 px wide."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from followthrough.audits.models import Audit, CriteriaSet, Criterion, Section
from followthrough.organisations.models import Organisation
from tests.browser.conftest import axe_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-demo-password-for-audits"


@pytest.fixture
def demo(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    call_command("demo_users", verbosity=0)
    call_command("demo_cases", verbosity=0)
    owner = Organisation.objects.get(name="HM Inspectorate of Probation")
    cs = CriteriaSet.objects.create(
        family="browser-set", name="Synthetic audit criteria", owner=owner, status="published"
    )
    first = Section.objects.create(criteria_set=cs, order=1, title="Planning")
    second = Section.objects.create(criteria_set=cs, order=2, title="Release")
    Criterion.objects.create(
        criteria_set=cs,
        section=first,
        order=1,
        code="1.1",
        national_percent=70,
        national_n=31,
        statement="The first planning meeting was soon after sentence.",
        case_fact="initial_meeting_10_days",
    )
    quality = Criterion.objects.create(
        criteria_set=cs,
        section=first,
        order=2,
        code="1.2",
        is_key=True,
        national_percent=40,
        statement="The plan was good enough.",
    )
    Criterion.objects.create(
        criteria_set=cs,
        section=first,
        order=3,
        code="1.3",
        parent=quality,
        parent_answer="no",
        lead_in="Where the plan was not good enough:",
        statement="it lacked the child's view",
    )
    Criterion.objects.create(
        criteria_set=cs,
        section=second,
        order=4,
        code="2.1",
        national_percent=55,
        statement="Somewhere to live was ready on the day.",
        phase="release",
    )
    return cs


def _check(page, found, label):
    violations = axe_violations(page)
    if violations:
        found[label] = violations


def _answer(page, code, text, answer):
    page.get_by_role("group", name=f"{code} {text}").get_by_label(answer, exact=True).check()


def test_an_audit_from_sampling_to_the_findings_download(browser, live_server, demo):
    found: dict = {}
    today = timezone.localdate()
    manager, page = sign_in(browser, live_server, "yjs-manager", PASSWORD, bypass_csp=True)
    page.goto(f"{live_server.url}/audits/")
    page.get_by_role("link", name="Start an audit").click()
    _check(page, found, "new")
    page.get_by_label("Name of the audit").fill("Recent releases")
    page.get_by_label("Criteria set").select_option(label=str(demo))
    page.get_by_label("Start of the period").fill(str(today - timedelta(days=70)))
    page.get_by_label("End of the period").fill(str(today))
    page.get_by_label("Children released in the period").check()
    page.get_by_label("Every case").check()
    page.get_by_label("Share marked twice (%)").fill("34")
    page.get_by_role("button", name="Set up the audit").click()
    page.get_by_text("3 cases in the period can be drawn").wait_for()
    page.get_by_role("button", name="Draw the sample").click()
    audit = Audit.objects.get(title="Recent releases")
    assert audit.cases.count() == 3 and audit.cases.filter(double_marked=True).count() == 2
    page.get_by_role("link", name="Choose who marks each case").click()
    _check(page, found, "assign")
    for row in audit.cases.select_related("case"):
        page.get_by_label(f"First marker for case {row.case.reference}").select_option(
            label="yjs-case-manager"
        )
        if row.double_marked:
            page.get_by_label(f"Second marker for case {row.case.reference}").select_option(
                label="yjs-admin"
            )
    page.get_by_role("button", name="Save the markers").click()
    page.get_by_text("Markers saved").wait_for()
    _check(page, found, "detail")

    worker, page = sign_in(browser, live_server, "yjs-case-manager", PASSWORD, bypass_csp=True)
    for row in audit.cases.order_by("order").select_related("case"):
        page.goto(f"{live_server.url}/audits/{audit.pk}/")
        page.get_by_role("link", name=f"Mark case {row.case.reference}").click()
        if row.order == 1:
            page.get_by_text("From the case record:").first.wait_for()  # the demo's initial meeting
            page.set_viewport_size({"width": 375, "height": 800})
            _check(page, found, "mark at 375 px")
            page.set_viewport_size({"width": 1280, "height": 900})
        # Confirm what the case record offers for 1.1; answer the rest.
        _answer(page, "1.2", "The plan was good enough.", "No")
        _answer(
            page, "1.3", "Where the plan was not good enough: it lacked the child's view", "Yes"
        )
        _answer(page, "2.1", "Somewhere to live was ready on the day.", "Yes")
        page.get_by_role("button", name="Save and finish marking").click()
        page.get_by_text(f"Marking finished for case {row.case.reference}").wait_for()

    second, page = sign_in(browser, live_server, "yjs-admin", PASSWORD, bypass_csp=True)
    for row in audit.cases.filter(double_marked=True).order_by("order").select_related("case"):
        page.goto(f"{live_server.url}/audits/{audit.pk}/")
        page.get_by_role("link", name=f"Mark a second time case {row.case.reference}").click()
        assert page.get_by_text("the first marker's answers are not shown").count() == 1
        _check(page, found, "second marking")
        _answer(page, "1.2", "The plan was good enough.", "No")
        _answer(
            page, "1.3", "Where the plan was not good enough: it lacked the child's view", "Yes"
        )
        _answer(page, "2.1", "Somewhere to live was ready on the day.", "No")  # they differ here
        page.get_by_role("button", name="Save and finish marking").click()
        page.get_by_text(f"Marking finished for case {row.case.reference}").wait_for()

    page = manager.pages[0]
    page.goto(f"{live_server.url}/audits/{audit.pk}/moderation/")
    _check(page, found, "moderation")
    while page.get_by_role("link", name="Settle").count():
        page.get_by_role("link", name="Settle").first.click()
        _check(page, found, "settle")
        page.get_by_label("No", exact=True).check()
        page.get_by_label("Why this answer stands").fill(
            "The hostel place was confirmed only the next day"
        )
        page.get_by_role("button", name="Save the settled answer").click()
    page.goto(f"{live_server.url}/audits/{audit.pk}/")
    page.get_by_role("button", name="Finish the audit").click()
    page.get_by_text("Audit finished").wait_for()
    audit.refresh_from_db()
    assert audit.status == "finished"
    _check(page, found, "findings")
    page.set_viewport_size({"width": 375, "height": 800})
    _check(page, found, "findings at 375 px")
    with page.expect_download() as download:
        page.locator('a[href$="findings.docx"]').first.click()
    from docx import Document

    document = Document(io.BytesIO(download.value.path().read_bytes()))
    text = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        c.text for t in document.tables for r in t.rows for c in r.cells
    )
    assert "Recent releases" in text
    assert "The plan was good enough." in text
    for context in (manager, worker, second):
        context.close()
    assert not found, found
