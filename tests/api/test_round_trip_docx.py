"""Round trip: a plan whose responses, actions and progress are written entirely through the
API renders the same published six-column Word table as the same plan written through the pages.

Both plans answer reports made alike (the same sample recommendations), each started by the
Youth Justice Board's approver and submitted and published on the pages, since starting,
submitting and publishing have no API endpoint; everything between (recording each response,
adding an action, editing it, reporting its progress) is made by the contributor, once through
the pages' forms and once through the API. The documents are read back with python-docx and
compared cell by cell."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import docx
from django.test import Client
from django.urls import reverse

from followthrough.actionplans.models import Action, ActionPlan
from followthrough.organisations.models import Organisation
from followthrough.reporting.exports import plan_docx
from tests.actionplans.factories import make_sample_plan
from tests.api.writing import ADDED, DECIDED, send, token_for

TODAY = date.today()
EDITED = {"target_text": "June 2099", "owner_text": "Director of Youth Custody"}
PROGRESS = {"text": "A first draft is with the services", "new_status": "in_progress"}


def _start(approver: Any, title: str) -> ActionPlan:
    report = make_sample_plan(title=title, today=TODAY, file_name=f"{title}.txt").report
    client = Client()
    client.force_login(approver)
    yjb = Organisation.objects.get(short_name="YJB")
    started = client.post(
        reverse("actionplans:action-plan-new", args=[report.pk]), {"organisation": yjb.pk}
    )
    assert started.status_code == 302, started.content
    return ActionPlan.objects.get(report=report, coordinating_organisation=yjb)


def _through_the_pages(plan: ActionPlan, contributor: Any) -> None:
    client = Client()
    client.force_login(contributor)
    for response in plan.responses.order_by("recommendation__order", "pk"):
        posted = client.post(
            reverse("actionplans:response-edit", args=[response.pk]),
            {**DECIDED, "reason_categories": [], "agreed_part": "", "version": response.version},
        )
        assert posted.status_code == 302, posted.content
        added = client.post(
            reverse("actionplans:action-new", args=[response.pk]), {**ADDED, "version": ""}
        )
        assert added.status_code == 302, added.content
        action = Action.objects.filter(response=response).latest("pk")
        edited = client.post(
            reverse("actionplans:action-edit", args=[action.pk]),
            {**ADDED, **EDITED, "version": action.version},
        )
        assert edited.status_code == 302, edited.content


def _progress_through_the_pages(plan: ActionPlan, contributor: Any) -> None:
    client = Client()
    client.force_login(contributor)
    for action in _added(plan):
        reported = client.post(
            reverse("actionplans:action-progress", args=[action.pk]),
            {**PROGRESS, "on": TODAY.strftime("%d/%m/%Y"), "evidence": ""},
        )
        assert reported.status_code == 302, reported.content


def _through_the_api(plan: ActionPlan, contributor: Any) -> None:
    token = token_for(contributor)
    for response in plan.responses.order_by("recommendation__order", "pk"):
        recorded = send(
            "PUT",
            f"/api/responses/{response.pk}/record/",
            token,
            DECIDED,
            if_match=f'"{response.version}"',
        )
        assert recorded.status_code == 200, recorded.content
        added = send(
            "POST", f"/api/responses/{response.pk}/actions/", token, ADDED, key=f"add-{response.pk}"
        )
        assert added.status_code == 201, added.content
        action = added.json()
        edited = send(
            "PATCH", f"/api/actions/{action['id']}/edit/", token, EDITED, if_match=added["ETag"]
        )
        assert edited.status_code == 200, edited.content


def _progress_through_the_api(plan: ActionPlan, contributor: Any) -> None:
    token = token_for(contributor)
    for action in _added(plan):
        reported = send(
            "POST",
            f"/api/actions/{action.pk}/progress/",
            token,
            {**PROGRESS, "on": TODAY.isoformat()},
            key=f"progress-{action.pk}",
        )
        assert reported.status_code == 201, reported.content


def _added(plan: ActionPlan) -> list[Action]:
    """The actions the contributor added: progress is reported once the plan is published."""
    return list(Action.objects.filter(response__action_plan=plan, description=ADDED["description"]))


def _publish(plan: ActionPlan, approver: Any) -> None:
    client = Client()
    client.force_login(approver)
    client.post(reverse("actionplans:plan-submit", args=[plan.pk]))
    client.post(reverse("actionplans:plan-publish", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == "published"


def _table(plan: ActionPlan) -> list[list[list[str]]]:
    document = docx.Document(io.BytesIO(plan_docx(plan, today=TODAY)))
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def test_a_plan_written_through_the_api_publishes_the_same_word_table_as_through_the_pages(
    db, known_bodies, body_contributor, body_approver
):
    by_pages = _start(body_approver, "A thematic inspection of sample work")
    by_api = _start(body_approver, "A second thematic inspection of sample work")
    _through_the_pages(by_pages, body_contributor)
    _through_the_api(by_api, body_contributor)
    _publish(by_pages, body_approver)
    _publish(by_api, body_approver)
    _progress_through_the_pages(by_pages, body_contributor)
    _progress_through_the_api(by_api, body_contributor)
    pages_tables, api_tables = _table(by_pages), _table(by_api)
    assert pages_tables and pages_tables[0][0] == [
        "Rec No",
        "Recommendation",
        "Agreed / Partly / Not",
        "Response",
        "Responsible owner",
        "Target date",
    ]
    text = "\n".join(cell for table in api_tables for row in table for cell in row)
    assert "Director of Youth Custody" in text and "June 2099" in text
    assert api_tables == pages_tables
