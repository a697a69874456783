"""A criteria set as a workbook: the download, read back into a draft, gives the same cells;
an upload with mistakes lists every one by row and column and changes nothing; only the owner
of a draft uploads."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from followthrough.audits.imports import HEADER, criteria_set_import, criteria_set_xlsx
from followthrough.audits.models import CriteriaSet
from followthrough.audits.services import criteria_set_create, criteria_set_new_version
from followthrough.core.models import DomainEvent
from tests.inspections.factories import RecommendationFactory, ReportFactory


def _cells(content: bytes, sheet: str = "Criteria") -> list[tuple]:
    book = load_workbook(io.BytesIO(content), read_only=True)
    return [tuple(row) for row in book[sheet].iter_rows(values_only=True)]


def _workbook(rows: list[dict[str, object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Criteria"
    sheet.append(HEADER)
    for row in rows:
        sheet.append([row.get(column) for column in HEADER])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
def linked_set(criteria_set):
    """The fixture set with an inspection report, two of its recommendations linked and an
    inspectorate owning a criterion."""
    report = ReportFactory()
    first = RecommendationFactory(report=report, label="3")
    extra = RecommendationFactory(report=report, label="1", section="additional")
    criteria_set.report = report
    criteria_set.save()
    criterion = criteria_set.criteria.get(code="2.1")
    criterion.recommendations.set([first, extra])
    criterion.inspectorate = criteria_set.owner
    criterion.guidance = "=Look at the release record, not the plan"
    criterion.save()
    return criteria_set


def test_a_set_read_back_from_its_download_gives_the_same_cells(linked_set, inspectorate_admin):
    exported = criteria_set_xlsx(linked_set)
    cells = _cells(exported)
    assert list(cells[0]) == HEADER
    by_code = {row[2]: dict(zip(HEADER, row, strict=True)) for row in cells[1:]}
    assert by_code["1.3"]["Parent code"] == "1.2" and by_code["1.3"]["Parent answer"] == "No"
    assert (
        by_code["3.1"]["Categories"]
        == "completely: Completely\npartially: Partially\nnot: Not at all"
    )
    assert by_code["3.1"]["National %"] == "completely: 26; partially: 67; not: 7"
    assert by_code["2.1"]["Recommendations"] == "3; Additional 1"
    assert by_code["2.1"]["Guidance"].startswith("'=")  # never run as a formula
    assert by_code["1.1"]["Case fact"] == "initial_meeting_10_days"
    assert any(row[0] == "Code" for row in _cells(exported, "Read me"))

    draft = criteria_set_create(owner=linked_set.owner, name="Copy", actor=inspectorate_admin)
    draft.report = linked_set.report
    draft.save()
    report = criteria_set_import(
        criteria_set=draft, content=exported, row_version=draft.row_version, actor=None
    )
    assert report.errors == [] and (report.sections, report.criteria) == (3, 6)
    assert _cells(criteria_set_xlsx(draft)) == cells
    copied = draft.criteria.get(code="2.1")
    assert copied.guidance == "=Look at the release record, not the plan"
    assert DomainEvent.objects.filter(code="audits.set_imported").count() == 1


def test_an_upload_replaces_a_drafts_criteria_through_the_page(
    client, inspectorate_admin, criteria_set
):
    draft = criteria_set_new_version(criteria_set=criteria_set, actor=None)
    client.force_login(inspectorate_admin)
    download = client.get(reverse("audits:criteria-export-xlsx", args=[draft.pk]))
    assert download["Content-Disposition"].endswith('-version-2.xlsx"')
    rows = [
        {"Section": "Only", "Code": "A", "Statement": "First.", "National %": 40},
        {
            "Section": "Only",
            "Code": "B",
            "Statement": "Then.",
            "Parent code": "A",
            "Parent answer": "No",
            "Key criterion": "No",
        },
    ]
    url = reverse("audits:criteria-import", args=[draft.pk])
    assert client.get(url).status_code == 200
    done = client.post(
        url,
        {"file": SimpleUploadedFile("set.xlsx", _workbook(rows)), "version": draft.row_version},
    )
    assert done.status_code == 302
    assert list(draft.criteria.values_list("code", "parent__code")) == [("A", None), ("B", "A")]
    assert list(draft.sections.values_list("title", flat=True)) == ["Only"]
    # The published version it came from is as it was.
    assert criteria_set.criteria.count() == 6


def test_an_upload_with_mistakes_lists_each_by_row_and_column_and_changes_nothing(
    client, inspectorate_admin, criteria_set
):
    draft = criteria_set_new_version(criteria_set=criteria_set, actor=None)
    before = list(draft.criteria.values_list("pk", flat=True))
    rows = [
        {"Section": "S", "Code": "1", "Statement": "Fine.", "Section rated": "Yes"},
        {"Section": "S", "Code": "1", "Statement": "", "Phase": "Later"},
        {
            "Section": "S",
            "Code": "2",
            "Statement": "x",
            "Answer type": "categories",
            "Categories": "Only one",
        },
        {"Section": "S", "Code": "3", "Statement": "x", "Parent code": "9", "Parent answer": "No"},
        {
            "Section": "S",
            "Code": "4",
            "Statement": "x",
            "Parent code": "1",
            "Parent answer": "Maybe",
        },
        {"Section": "T", "Code": "5", "Statement": "x", "National %": "120", "Section rated": "No"},
        {
            "Section": "S",
            "Code": "6",
            "Statement": "x",
            "Recommendations": "7",
            "Section rated": "No",
        },
    ]
    client.force_login(inspectorate_admin)
    page = client.post(
        reverse("audits:criteria-import", args=[draft.pk]),
        {"file": SimpleUploadedFile("set.xlsx", _workbook(rows)), "version": draft.row_version},
    )
    text = page.content.decode()
    assert page.status_code == 200 and "There is a problem" in text
    for words in [
        "Row 3, column Code: code 1 is already used on row 2",
        "Row 3, column Statement: enter the statement the auditor answers",
        "Row 3, column Phase: enter Custody, Release or Community, not &#x27;Later&#x27;",
        "Row 4, column Categories: enter at least two categories, one on each line",
        "Row 5, column Parent code: no earlier row has the code 9",
        "Row 6, column Parent answer: enter one of the answers to 1 (Yes, No, Not applicable)",
        "Row 7, column National %: enter a whole number from 0 to 100, not &#x27;120&#x27;",
        "Row 8, column Section: the rows of section &#x27;S&#x27; must come together",
        "Row 8, column Recommendations: the set names no inspection report",
        "Row 8, column Section rated: give every row of section &#x27;S&#x27; the same answer as "
        "row 2",
    ]:
        assert words in text, words
    assert list(draft.criteria.values_list("pk", flat=True)) == before


def test_a_file_that_is_not_the_layout_is_refused_whole(inspectorate_admin, criteria_set):
    draft = criteria_set_new_version(criteria_set=criteria_set, actor=None)
    book = Workbook()
    book.active.append(["Code", "Statement", "Child's name"])
    out = io.BytesIO()
    book.save(out)
    report = criteria_set_import(
        criteria_set=draft, content=out.getvalue(), row_version=draft.row_version, actor=None
    )
    assert report.errors == [
        "Row 1: these columns are not in the layout: Child's name",
        "Row 1: the sheet needs the columns Section",
    ]
    assert draft.criteria.count() == 6


def test_only_the_owner_uploads_and_only_to_a_draft(
    client, inspectorate_admin, service_manager, criteria_set
):
    url = reverse("audits:criteria-import", args=[criteria_set.pk])
    client.force_login(service_manager)
    assert client.get(url).status_code == 404
    assert (
        client.get(reverse("audits:criteria-export-xlsx", args=[criteria_set.pk])).status_code
        == 200
    )
    client.force_login(inspectorate_admin)
    page = client.post(
        url,
        {
            "file": SimpleUploadedFile("set.xlsx", criteria_set_xlsx(criteria_set)),
            "version": criteria_set.row_version,
        },
    )
    assert "A published set does not change" in page.content.decode()
    assert CriteriaSet.objects.get(pk=criteria_set.pk).criteria.count() == 6


def test_an_upload_opened_before_a_change_is_refused(client, inspectorate_admin, criteria_set):
    draft = criteria_set_new_version(criteria_set=criteria_set, actor=None)
    client.force_login(inspectorate_admin)
    rows = [{"Section": "Only", "Code": "A", "Statement": "First."}]
    page = client.post(
        reverse("audits:criteria-import", args=[draft.pk]),
        {"file": SimpleUploadedFile("set.xlsx", _workbook(rows)), "version": draft.row_version - 1},
    )
    text = page.content.decode()
    assert "Someone else changed this criteria set" in text
    assert f'name="version" value="{draft.row_version}"' in text
    assert draft.criteria.count() == 6
