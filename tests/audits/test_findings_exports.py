"""The findings as Word, Excel and CSV, read back: the figures worked out by hand, the ratings
with their steps, the agreement, the previous audit beside this one, and small numbers hidden
in every file for readers outside the service."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.db import transaction
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from followthrough.audits.models import Answer, Audit, AuditCase
from followthrough.audits.services import (
    audit_finish,
    moderation_record,
)
from tests.audits.marking import case_answers as _answers
from tests.audits.marking import codes as _codes
from tests.audits.marking import mark as _mark
from tests.cases.factories import CaseFactory


@pytest.fixture
def finished(audit, case_manager, second_case_manager, service_manager):
    """Marked, the double-marked cases twice (2.2 answered yes the second time), settled as not
    applicable, finished; the set says where its national figures come from."""
    audit.criteria_set.national_note = "A synthetic inspection read 31 cases."
    audit.criteria_set.save()
    rows = list(audit.cases.order_by("order"))
    for i, row in enumerate(rows):
        _mark(row, 1, case_manager, _answers(i))
    for i, row in enumerate(rows):
        if row.double_marked:
            _mark(row, 2, second_case_manager, {**_answers(i), "2.2": "yes"})
            with transaction.atomic():
                moderation_record(
                    audit_case=row,
                    criterion=_codes(audit)["2.2"],
                    value="na",
                    reason="No family member to tell",
                    actor=service_manager,
                )
    audit.refresh_from_db()
    with transaction.atomic():
        audit_finish(audit=audit, version=audit.version, actor=service_manager)
    audit.refresh_from_db()
    return audit


def _get(client, name, audit):
    return client.get(reverse(f"audits:audit-findings-{name}", args=[audit.pk]))


def _csv(response):
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def _docx_text(response):
    document = Document(io.BytesIO(response.content))
    cells = [
        "|".join(cell.text for cell in row.cells) for table in document.tables for row in table.rows
    ]
    return document, "\n".join([p.text for p in document.paragraphs] + cells)


def test_the_csv_has_a_row_per_criterion_and_per_category(client, finished, case_manager):
    client.force_login(case_manager)
    response = _get(client, "csv", finished)
    assert response["Content-Type"].startswith("text/csv")
    assert (
        'filename="audit-findings-synthetic-audit-first-half-of-2026.csv"'
        in (response["Content-Disposition"])
    )
    rows = _csv(response)
    assert len(rows) == 5 + 3  # five yes / no criteria, three categories of 3.1
    by_code = {r["Code"]: r for r in rows if r["Answer type"].startswith("Yes")}
    one = by_code["1.1"]
    assert one["Section"] == "Planning"
    assert [one[k] for k in ("Yes", "No", "Not applicable", "Not asked", "n", "Percent")] == [
        "9",
        "3",
        "0",
        "0",
        "12",
        "75",
    ]
    assert (one["Interval low"], one["Interval high"], one["Small number"]) == ("47", "91", "no")
    assert (one["National percent"], one["National n"], one["Difference"]) == ("70", "31", "5")
    asked = by_code["1.3"]
    assert asked["Asked when"] == "Asked when 1.2 is answered No"
    assert (asked["Yes"], asked["n"], asked["Not asked"], asked["Small number"]) == (
        "3",
        "6",
        "6",
        "yes",
    )
    release = by_code["2.1"]
    assert [release[k] for k in ("Yes", "No", "Not applicable", "n", "Percent")] == [
        "8",
        "3",
        "1",
        "11",
        "73",
    ]
    assert release["Difference"] == "18"
    assert (by_code["2.2"]["n"], by_code["2.2"]["Percent"]) == ("0", "")
    categories = {r["Category"]: r for r in rows if r["Code"] == "3.1"}
    assert {k: (v["Cases in category"], v["Percent"]) for k, v in categories.items()} == {
        "Completely": ("3", "25"),
        "Partially": ("6", "50"),
        "Not at all": ("3", "25"),
    }
    assert categories["Partially"]["National percent"] == "67"
    assert categories["Partially"]["Difference"] == "-17"


def test_the_spreadsheet_keeps_numbers_as_numbers(client, finished, case_manager):
    client.force_login(case_manager)
    book = load_workbook(io.BytesIO(_get(client, "xlsx", finished).content))
    assert book.sheetnames == ["Findings", "Ratings", "Agreement", "Notes"]
    assert book.properties.title == "Case audit findings: Synthetic audit, first half of 2026"
    sheet = book["Findings"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in row), strict=True)) for row in sheet.iter_rows(2)]
    one = next(r for r in rows if r["Code"] == "1.1")
    assert (one["Yes"], one["n"], one["Percent"], one["Interval low"]) == (9, 12, 75, 47)
    assert (one["Difference"], one["National n"]) == (5, 31)
    ratings = {r[0].value: r for r in book["Ratings"].iter_rows(2)}
    assert (ratings["Planning"][1].value, ratings["Planning"][2].value) == (
        "Requires improvement",
        50,
    )
    assert "Key criterion 1.2: 6 of 12 cases, 50%." in ratings["Planning"][3].value
    assert (ratings["Release"][1].value, ratings["Release"][2].value) == ("Good", 73)
    assert ratings["The standard"][1].value == "Requires improvement"
    agreement = list(book["Agreement"].iter_rows(2, values_only=True))
    overall, differed = agreement[0], agreement[1:]
    assert overall[0] == "All" and overall[2] - overall[3] == 3  # three pairs differed
    assert [(r[0], r[2], r[3], r[4]) for r in differed] == [("2.2", 3, 0, 0)]
    notes = [r[0] for r in book["Notes"].iter_rows(2, values_only=True)]
    assert "National figures: A synthetic inspection read 31 cases." in notes


def test_the_word_document_is_ready_for_board_papers(client, finished, case_manager):
    client.force_login(case_manager)
    response = _get(client, "docx", finished)
    document, text = _docx_text(response)
    props = document.core_properties
    assert props.title == "Case audit findings: Synthetic audit, first half of 2026"
    assert props.author == "Riverside Youth Justice Service"
    assert props.created is not None
    assert "still being marked" not in text
    assert "Cases audited|12" in text and "Status|Finished" in text
    assert "The standard: Requires improvement" in text
    assert "75%|12|47% to 91%|70%|up to 31|+5" in text
    assert "50%|6|19% to 81%|||" in text  # 1.3: no national figure
    assert "Asked when 1.2 is answered No\nFewer than 10 cases" in text
    assert "73%|11|43% to 90%|55%|up to 29|+18" in text
    assert "Partially|6|50%|67%" in text
    assert "Key criterion 1.2: 6 of 12 cases, 50%." in text
    assert "Key question rating: Good" in text
    assert "2.2 Where appropriate, a family member was told.|3|0%|" in text
    assert "National figures: A synthetic inspection read 31 cases." in text
    assert len(document.inline_shapes) == 2  # a chart for each section with yes / no criteria


def test_an_unfinished_audit_says_so_in_its_document(client, audit, case_manager):
    _mark(audit.cases.order_by("order").first(), 1, case_manager, _answers(0))
    client.force_login(case_manager)
    _, text = _docx_text(_get(client, "docx", audit))
    assert "This audit is still being marked: figures will change." in text


def test_the_previous_audit_stands_beside_this_one(client, finished, case_manager):
    """Last half-year's audit on the same set: 1.1 yes for 3 of 6 cases."""
    before = Audit.objects.create(
        organisation=finished.organisation,
        criteria_set=finished.criteria_set,
        title="Second half of 2025",
        period_start=date(2025, 7, 1),
        period_end=date(2025, 12, 31),
        status=Audit.Status.FINISHED,
    )
    rows = AuditCase.objects.bulk_create(
        AuditCase(
            audit=before,
            case=CaseFactory(service=finished.organisation, reference=f"SYN-B{n:03d}"),
            order=n,
            first_done_on=date(2026, 1, 5),
        )
        for n in range(6)
    )
    one = _codes(finished)["1.1"]
    Answer.objects.bulk_create(
        Answer(audit_case=row, criterion=one, marker=1, value="yes" if n < 3 else "no")
        for n, row in enumerate(rows)
    )
    client.force_login(case_manager)
    by_code = {r["Code"]: r for r in _csv(_get(client, "csv", finished))}
    assert by_code["1.1"]["Previous percent"] == "50"
    assert by_code["1.2"]["Previous percent"] == ""  # no case answered it then
    _, text = _docx_text(_get(client, "docx", finished))
    assert "75%|12|47% to 91%|70%|up to 31|+5|50%" in text
    assert "Second half of 2025 (1 July 2025 to 31 December 2025)" in text
    page = client.get(reverse("audits:audit-findings", args=[finished.pk])).content.decode()
    assert ">Previous audit</th>" in page


def test_every_file_hides_small_numbers_from_the_inspectorate(
    client, audit, case_manager, service_manager, inspector
):
    for i, row in enumerate(audit.cases.order_by("order")[:3]):
        _mark(row, 1, case_manager, _answers(i))
    client.force_login(inspector)
    for name in ("docx", "xlsx", "csv"):
        assert _get(client, name, audit).status_code == 404
    # Shared as a finished audit would be (the service shares only finished ones).
    Audit.objects.filter(pk=audit.pk).update(shared_with_inspectorate=True)
    rows = _csv(_get(client, "csv", audit))
    one = next(r for r in rows if r["Code"] == "1.1")
    assert one["Percent"] == "fewer than 5 cases"
    assert one["Yes"] == one["n"] == one["Not asked"] == one["Interval low"] == ""
    assert all(r["Cases in category"] == "" for r in rows if r["Code"] == "3.1")
    book = load_workbook(io.BytesIO(_get(client, "xlsx", audit).content))
    values = [c for row in book["Findings"].iter_rows(2, values_only=True) for c in row]
    assert "fewer than 5 cases" in values and 3 not in values
    # 2.2, not applicable to the three cases marked: no case counted, and the 3 hidden too.
    two = next(r for r in book["Findings"].iter_rows(2, values_only=True) if r[1] == "2.2")
    assert (two[9], two[11]) == ("fewer than 5", 0)
    ratings = [c for row in book["Ratings"].iter_rows(2, values_only=True) for c in row]
    assert not any("3 of 3" in str(c) for c in ratings)
    _, text = _docx_text(_get(client, "docx", audit))
    assert "fewer than 5 cases" in text and "100%|3|" not in text
    assert "3 of 3 cases" not in text
    client.force_login(case_manager)
    own = {r["Code"]: r for r in _csv(_get(client, "csv", audit))}
    assert (own["1.1"]["Yes"], own["1.1"]["Percent"]) == ("3", "100")


@pytest.mark.parametrize("who", ["health_partner", "outsider"])
def test_anyone_outside_the_service_gets_404_for_the_files(client, audit, who, request):
    client.force_login(request.getfixturevalue(who))
    for name in ("docx", "xlsx", "csv"):
        assert _get(client, name, audit).status_code == 404


def test_a_board_member_downloads_the_findings(client, finished, board_member):
    client.force_login(board_member)
    for name in ("docx", "xlsx", "csv"):
        assert _get(client, name, finished).status_code == 200
