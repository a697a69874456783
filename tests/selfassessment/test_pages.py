"""The self-assessment pages through the web client: without JavaScript, with flat query counts,
with exports that open, and closed to other services."""

from __future__ import annotations

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from followthrough.selfassessment.models import (
    AssessedRecommendation,
    EnquiryAnswer,
    EvidenceHeld,
    ImprovementAction,
    SelfAssessment,
)

from .made import make_assessment, make_thematics


def item_post(item, **overrides):
    data = {"version": str(item.version), "rating": "requires_improvement", "rationale": "Gaps"}
    for index in range(len(item.recommendation.lines_of_enquiry)):
        data[f"answer_{index}"] = "yes"
    data.update(overrides)
    return data


def test_a_manager_starts_an_assessment_with_a_chosen_scope(client, service, manager):
    reports = make_thematics()
    client.force_login(manager)
    page = client.get(reverse("selfassessment:assessment-new"))
    assert page.status_code == 200
    assert page.content.count(b'name="recommendations"') == 6
    one_part = reports[0].recommendations.first()
    one_part.items = ["publish the plan"]
    one_part.save()
    assert "(1 part)" in client.get(reverse("selfassessment:assessment-new")).content.decode()
    keep = [r.pk for r in reports[0].recommendations.all()]
    response = client.post(
        reverse("selfassessment:assessment-new"),
        {"organisation": service.pk, "year": "2026", "recommendations": keep},
    )
    assessment = SelfAssessment.objects.get()
    assert response.url == reverse("selfassessment:assessment-detail", args=[assessment.pk])
    assert sorted(assessment.items.values_list("recommendation_id", flat=True)) == sorted(keep)
    again = client.post(
        reverse("selfassessment:assessment-new"),
        {"organisation": service.pk, "year": "2026", "recommendations": keep},
    )
    assert b"already has a 2026 assessment" in again.content


def test_answering_without_javascript_moves_to_the_next_recommendation(
    client, assessment, colleague
):
    first, second = assessment.items.all()[:2]
    client.force_login(colleague)
    url = reverse("selfassessment:item-edit", args=[first.pk])
    page = client.get(url)
    assert page.status_code == 200 and b"Is part 1 of area 1 in place?" in page.content
    response = client.post(
        url,
        item_post(
            first,
            answer_1="no",
            comment_1="No review since 2023",
            held_0="on",
            link_0="Shared drive, board folder",
            next="1",
        ),
    )
    assert response.status_code == 302
    assert response.url == reverse("selfassessment:item-edit", args=[second.pk])
    assert EnquiryAnswer.objects.get(item=first, index=1).comment == "No review since 2023"
    assert EvidenceHeld.objects.get(item=first, index=0).held
    stale = client.post(url, item_post(first, rating="good"))
    assert b"Someone else saved this recommendation" in stale.content
    first.refresh_from_db()
    assert first.rating == "requires_improvement"


def test_the_form_explains_what_is_wrong(client, assessment, colleague):
    item = assessment.items.first()
    client.force_login(colleague)
    response = client.post(
        reverse("selfassessment:item-edit", args=[item.pk]),
        item_post(item, answer_0="partly", rating="good", rationale="", held_1="on"),
    )
    assert response.status_code == 200
    for message in (b"Say what is missing", b"Explain the rating", b"Say where the evidence"):
        assert message in response.content
    assert b"There is a problem" in response.content


def test_an_evidence_file_is_kept_and_served_to_readers_only(
    client, assessment, colleague, outsider, settings, tmp_path
):
    settings.UPLOAD_ROOT = tmp_path
    item = assessment.items.first()
    client.force_login(colleague)
    upload = io.BytesIO(b"Minutes of the board meeting, in plain text.")
    upload.name = "minutes.txt"
    client.post(
        reverse("selfassessment:item-edit", args=[item.pk]),
        item_post(item, held_0="on", file_0=upload),
    )
    entry = EvidenceHeld.objects.get(item=item, index=0)
    assert entry.evidence_file_name == "minutes.txt"
    url = reverse("selfassessment:evidence-file", args=[entry.pk])
    assert b"".join(client.get(url).streaming_content).startswith(b"Minutes")
    client.force_login(outsider)
    assert client.get(url).status_code == 404


def test_gaps_become_improvement_actions_tracked_like_plan_actions(client, assessment, colleague):
    item = assessment.items.first()
    client.force_login(colleague)
    client.post(
        reverse("selfassessment:item-edit", args=[item.pk]),
        item_post(item, answer_0="no", comment_0="Never reviewed"),
    )
    summary = reverse("selfassessment:summary", args=[assessment.pk])
    assert "Gaps with no improvement action" in (page := client.get(summary).content.decode())
    assert re.search(r"no improvement action</dt><dd[^>]*>1 recommendation<", page)
    url = reverse("selfassessment:improvement-new", args=[item.pk])
    bad = client.post(url, {"description": "Review it", "owner_text": "", "target_text": "soon"})
    assert b"Enter who owns this action" in bad.content
    bad = client.post(
        url, {"description": "Review it", "owner_text": "Head", "target_text": "soon"}
    )
    assert b"Enter a target we can read" in bad.content
    client.post(
        url,
        {
            "description": "Publish a yearly review of area 1",
            "owner_text": "Head of Service",
            "target_text": "March 2020",
            "measure": "Review published to the board",
        },
    )
    action = ImprovementAction.objects.get()
    assert (action.target_kind, str(action.due_date)) == ("month", "2020-03-31")
    page = client.get(summary).content.decode()
    assert re.search(r"no improvement action</dt><dd[^>]*>0 recommendations<", page)
    later = action.due_date.replace(year=2021)
    assert ImprovementAction.objects.with_state(today=later).get().state == "no_update"
    progress = reverse("selfassessment:improvement-progress", args=[action.pk])
    refused = client.post(progress, {"on": "2026-01-05", "new_status": "completed", "text": "Done"})
    assert b"Give the evidence" in refused.content
    client.post(
        progress,
        {"on": "2026-01-05", "new_status": "completed", "text": "Done", "evidence": "Board pack"},
    )
    action.refresh_from_db()
    assert action.status == "completed" and action.updates.count() == 1


def test_exports_hold_the_ratings_plan_and_every_answer(client, assessment, colleague):
    item = assessment.items.first()
    client.force_login(colleague)
    client.post(
        reverse("selfassessment:item-edit", args=[item.pk]),
        item_post(item, answer_2="no", comment_2="Not started"),
    )
    ImprovementAction.objects.create(
        item=item, description="Start part 3", owner_text="Head of Service", target_text="2027"
    )
    docx = client.get(reverse("selfassessment:plan-export", args=[assessment.pk]))
    document = Document(io.BytesIO(docx.content))
    text = "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert "Requires improvement" in text and "Start part 3" in text
    assert "Response to inspection recommendations" in document.paragraphs[0].text
    xlsx = client.get(reverse("selfassessment:answers-export", args=[assessment.pk]))
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    per_item = 3 + 2  # lines of enquiry and evidence sources
    assert len(rows) == 1 + per_item * assessment.items.count()
    assert ("Line of enquiry", "No", "Not started") in {(r[3], r[5], r[6]) for r in rows}


def test_youth_justice_plan_names_reports_flags_overdue_and_says_who_wrote_it(
    client, service, manager, assessment
):
    from datetime import date, timedelta

    from django.utils import timezone

    from followthrough.actionplans.querysets import STATES

    last_year = make_assessment(service, 2025, manager)
    first = assessment.items.first()
    AssessedRecommendation.objects.filter(
        assessment=last_year, recommendation_id=first.recommendation_id
    ).update(rating="inadequate")
    AssessedRecommendation.objects.filter(pk=first.pk).update(rating="good")
    ImprovementAction.objects.create(
        item=first,
        description="Start part 3",
        owner_text="Head of Service",
        target_text="Last month",
        target_kind="date",
        due_date=date.today() - timedelta(days=30),
    )
    client.force_login(manager)
    docx = client.get(reverse("selfassessment:plan-export", args=[assessment.pk]))
    document = Document(io.BytesIO(docx.content))
    words = "\n".join(p.text for p in document.paragraphs)
    assert "(s)" not in words and "1 rating improved" in words
    plan = document.tables[-1]
    assert plan.rows[0].cells[0].text == "Recommendation"
    row = [c.text for c in plan.rows[1].cells]
    report = first.recommendation.report.title
    assert row[0] == f"{first.recommendation.display_label}, {report}"
    state = ImprovementAction.objects.with_state(today=date.today()).get().state
    assert state in ("overdue", "no_update") and row[-1] == STATES[state]
    properties = document.core_properties
    assert properties.author == service.name and properties.title
    assert abs(properties.created - timezone.now()) < timedelta(minutes=5)


def test_board_and_summary_are_read_only_and_compare_with_last_year(
    client, service, manager, assessment, board_member
):
    last_year = make_assessment(service, 2025, manager)
    by_rec = {i.recommendation_id: i for i in last_year.items.all()}
    current = list(assessment.items.all())
    AssessedRecommendation.objects.filter(pk=by_rec[current[0].recommendation_id].pk).update(
        rating="inadequate"
    )
    AssessedRecommendation.objects.filter(pk=by_rec[current[1].recommendation_id].pk).update(
        rating="outstanding"
    )
    AssessedRecommendation.objects.filter(pk=current[0].pk).update(rating="good")
    AssessedRecommendation.objects.filter(pk=current[1].pk).update(rating="good")
    client.force_login(board_member)
    summary = client.get(reverse("selfassessment:summary", args=[assessment.pk])).content
    assert b"1 rating improved, 1 slipped" in summary
    board = client.get(reverse("selfassessment:board", args=[assessment.pk])).content.decode()
    assert "Heat map" in board and "<form" not in board.split("</header>")[-1].split("<footer")[0]
    detail = client.get(reverse("selfassessment:assessment-detail", args=[assessment.pk]))
    assert b"Sign off the assessment" not in detail.content
    client.force_login(manager)
    answering = client.get(reverse("selfassessment:item-edit", args=[current[1].pk]))
    assert re.search(
        r"In 2025</span> the service rated this <strong[^>]*>Outstanding",
        answering.content.decode(),
    )
    assert b"/self-assessments/items/" not in detail.content


def test_another_service_and_the_inspectorate_see_nothing_until_shared(
    client, assessment, inspector, outsider
):
    urls = [
        reverse("selfassessment:assessment-detail", args=[assessment.pk]),
        reverse("selfassessment:summary", args=[assessment.pk]),
        reverse("selfassessment:plan-export", args=[assessment.pk]),
    ]
    for user in (outsider, inspector):
        client.force_login(user)
        assert [client.get(u).status_code for u in urls] == [404, 404, 404]
        listing = client.get(reverse("selfassessment:assessment-list"))
        assert b"Riverside Youth Justice Service" not in listing.content
    assessment.shared_with_inspectorate = True
    assessment.save()
    assert [client.get(u).status_code for u in urls] == [200, 200, 200]


@pytest.mark.parametrize("name", ["assessment-detail", "summary", "board"])
def test_pages_issue_the_same_queries_however_large_the_assessment(client, name, manager, service):
    make_thematics(reports=1, per_report=2, lines=2)
    make_assessment(service, 2024, manager)  # so both have a year before to compare with
    small = make_assessment(service, 2025, manager)
    make_thematics(reports=10, per_report=10, lines=10)
    large = make_assessment(service, 2026, manager)
    assert large.items.count() >= 100
    for item in large.items.all()[:30]:
        EnquiryAnswer.objects.bulk_create(
            EnquiryAnswer(item=item, index=i, answer="yes") for i in range(10)
        )
        ImprovementAction.objects.create(item=item, description="Act", target_text="2027")
    client.force_login(manager)
    counts = []
    for assessment in (small, large):
        url = reverse(f"selfassessment:{name}", args=[assessment.pk])
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1], counts


def test_recommendations_imported_after_the_start_can_be_added(client, assessment, colleague):
    before = assessment.items.count()
    client.force_login(colleague)
    detail = reverse("selfassessment:assessment-detail", args=[assessment.pk])
    assert b"imported since this assessment started" not in client.get(detail).content
    make_thematics(reports=1, per_report=2)
    page = client.get(detail).content
    assert b"2 recommendations for youth justice services were imported" in page
    client.post(reverse("selfassessment:scope", args=[assessment.pk]))
    assert assessment.items.count() == before + 2
    assert list(assessment.items.values_list("order", flat=True)) == list(range(before + 2))
    assert b"imported since this assessment started" not in client.get(detail).content
