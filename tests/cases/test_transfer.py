"""Cases in and out through the browser: /cases/import/ checks every row and imports in one
transaction, and /cases/export.csv and .xlsx write the caseload in exactly the import layout, so
that an export imports again unchanged; every exported case is in the access log."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from followthrough.cases.exports import caseload_rows, cases_for_export
from followthrough.cases.imports import LAYOUT, cases_import
from followthrough.cases.models import Case, CaseView, Pathway, Task
from followthrough.organisations.models import Organisation
from tests.cases.factories import CaseFactory, TaskFactory
from tests.cases.test_import import GOOD, HEADER
from tests.organisations.factories import OrganisationFactory, YouthJusticeServiceFactory

IMPORT = reverse("cases:case-import")
EXPORT_CSV = reverse("cases:caseload-export-csv")
EXPORT_XLSX = reverse("cases:caseload-export-xlsx")
TODAY = date(2026, 5, 1)


def upload(client, content: bytes, name: str = "cases.csv", action: str = "import"):
    return client.post(
        IMPORT, {"file": SimpleUploadedFile(name, content), "action": action}, follow=True
    )


def make_caseload(service, n: int = 3, start: int = 0) -> None:
    """Cases with every kind of cell: organisations, blank choices, relative and dated tasks, a
    task done, two tasks alike, text a spreadsheet would run as a formula."""
    council = OrganisationFactory(name=f"Synthetic Council {start}", kind="local_authority")
    accommodation = Pathway.objects.get(code="accommodation")
    for i in range(start, start + n):
        case = CaseFactory(
            service=service,
            reference=f"NB-{i + 1:04d}",
            home_local_authority=council,
            release_date=date(2026, 9, 1) if i % 2 else None,
            rotl_purpose='=HYPERLINK("http://example.invalid")' if i == start else "",
            transition_child_view="-worried about moving" if i == start else "",
        )
        TaskFactory(
            case=case,
            owner=council,
            pathway=accommodation,
            description="Confirm the placement",
            due_anchor="earliest_release",
            due_offset_days=-28,
            due_date=date(2026, 8, 4),
        )
        TaskFactory(case=case, owner=service, description="+ Referral to the nurse", status="done")
        TaskFactory(case=case, owner=service, description="Visit", due_date=date(2026, 6, 1))
        TaskFactory(
            case=case, owner=service, description="Visit", due_date=date(2026, 7, 1), status="done"
        )


def read_csv(content: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


# The upload page


def test_a_good_file_is_imported_and_the_caseload_says_how_many(client, case_manager):
    client.force_login(case_manager)
    assert "Import cases from a spreadsheet" in client.get(IMPORT).content.decode()
    page = upload(client, GOOD.encode()).content.decode()
    assert "cases.csv imported: 2 cases opened and 0 updated; 1 task added and 0 updated" in page
    assert Case.objects.count() == 2 and Task.objects.count() == 1
    again = upload(client, GOOD.encode()).content.decode()
    assert "0 cases opened and 0 updated; 0 tasks added and 0 updated" in again
    assert Case.objects.count() == 2 and Task.objects.count() == 1


def test_every_row_error_is_listed_and_nothing_is_written(client, case_manager):
    client.force_login(case_manager)
    bad = GOOD.replace("2026-04-06", "06/04/2026").replace(",15,female", ",fifteen,female")
    response = upload(client, bad.encode())
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "Row 3, column age_at_sentence: enter a whole number" in page
    assert "Row 3, column sentence_date: enter a date as YYYY-MM-DD" in page
    assert "The selected file has 2 errors: nothing was imported" in page
    assert 'href="#id_file"' in page and "<title>Error:" in page
    assert not Case.objects.exists()


def test_checking_a_file_says_what_it_would_do_and_writes_nothing(client, case_manager):
    client.force_login(case_manager)
    page = upload(client, GOOD.encode(), action="check").content.decode()
    assert "cases.csv has no errors" in page
    assert "2 cases opened and 0 updated; 1 task added and 0 updated" in page
    assert "Nothing has been imported yet" in page
    assert not Case.objects.exists() and not CaseView.objects.exists()


def test_a_file_naming_a_child_is_refused_whole(client, case_manager):
    client.force_login(case_manager)
    text = GOOD.replace("record,", "name,record,", 1).replace("\ncase,", "\nSynthetic,case,")
    page = upload(client, text.encode()).content.decode()
    assert "these columns are not in the layout" in page and "name" in page
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "Select a file"),
        (b"%PDF-1.7 a synthetic pdf", "The selected file must be a CSV or Excel file"),
        (b"PK\x03\x04not really a zip", "The selected file must be a CSV or Excel file"),
        (b"record,reference\n" + b"x" * (5 * 1024 * 1024), "must be smaller than 5MB"),
    ],
    ids=["missing", "pdf", "bad-zip", "too-large"],
)
def test_the_file_is_checked_before_any_row(client, case_manager, content, message):
    client.force_login(case_manager)
    data: dict = {"action": "import"}
    if content is not None:
        data["file"] = SimpleUploadedFile("x.csv", content)
    page = client.post(IMPORT, data).content.decode()
    assert message in page and "There is a problem" in page
    assert not Case.objects.exists()


def test_a_file_of_more_rows_than_a_request_should_take_is_refused(client, case_manager):
    rows = [f"case,NB-{i:04d},16,male,white,none,dto,2026-03-02,,,,,,,," for i in range(501)]
    client.force_login(case_manager)
    page = upload(client, (HEADER + "\n".join(rows)).encode()).content.decode()
    assert "The selected file has 501 rows after its header" in page
    assert "at most 500" in page and "followthrough cases_import" in page
    assert not Case.objects.exists()


def test_an_excel_workbook_in_the_layout_is_imported(client, case_manager):
    from openpyxl import Workbook

    book = Workbook()
    for line in csv.reader(io.StringIO(GOOD)):
        book.active.append([int(c) if c.lstrip("-").isdigit() else c or None for c in line])
    book.active.append([None] * 5)  # a blank row, as spreadsheets keep
    out = io.BytesIO()
    book.save(out)
    client.force_login(case_manager)
    page = upload(client, out.getvalue(), name="cases.xlsx").content.decode()
    assert "2 cases opened" in page, page
    assert str(Task.objects.get().due_date) == "2026-08-04"


@pytest.mark.parametrize("fixture", ["health_partner", "board_member", "superuser"])
def test_nobody_but_the_service_case_workers_reaches_import_or_export(client, request, fixture):
    request.getfixturevalue("youth_justice_service")
    client.force_login(request.getfixturevalue(fixture))
    for url in (IMPORT, EXPORT_CSV, EXPORT_XLSX):
        assert client.get(url).status_code == 404, url
    assert upload(client, GOOD.encode()).status_code == 404
    assert not Case.objects.exists()


def test_another_service_neither_reads_nor_writes_this_services_cases(
    client, youth_justice_service, outsider
):
    make_caseload(youth_justice_service)
    client.force_login(outsider)  # an administrator of Hillside YJS
    assert read_csv(client.get(EXPORT_CSV).content) == [LAYOUT]
    refused = upload(client, GOOD.encode())  # Hillside cannot give Riverside a task
    assert "Choose the service itself or a partner agency" in refused.content.decode()
    upload(client, GOOD.replace(",Riverside YJS,", ",Hillside Youth Justice Service,").encode())
    riverside = Case.objects.filter(service=youth_justice_service)
    assert sorted(riverside.values_list("reference", "version")) == [
        ("NB-0001", 1),
        ("NB-0002", 1),
        ("NB-0003", 1),
    ]
    assert Case.objects.exclude(service=youth_justice_service).count() == 2
    assert not CaseView.objects.filter(user=outsider).exists()


# The export


def test_the_command_imports_an_excel_export_too(
    client, youth_justice_service, case_manager, tmp_path
):
    make_caseload(youth_justice_service, n=2)
    client.force_login(case_manager)
    path = tmp_path / "caseload.xlsx"
    path.write_bytes(client.get(EXPORT_XLSX).content)
    out = io.StringIO()
    call_command("cases_import", "--service", "Riverside YJS", str(path), stdout=out)
    assert "0 cases opened, 0 updated; 0 tasks added, 0 updated" in out.getvalue()


def test_the_csv_export_is_the_import_layout_and_imports_again_unchanged(
    client, youth_justice_service, case_manager
):
    make_caseload(youth_justice_service)
    client.force_login(case_manager)
    response = client.get(EXPORT_CSV)
    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith('attachment; filename="caseload-')
    rows = read_csv(response.content)
    assert rows[0] == LAYOUT
    assert [r[0] for r in rows[1:6]] == ["case", "task", "task", "task", "task"]
    assert "'=HYPERLINK" in response.content.decode()  # kept as text, never run
    before = caseload_rows(cases_for_export(youth_justice_service))
    report = cases_import(
        service=youth_justice_service, content=response.content, actor=None, today=TODAY
    )
    assert not report.errors, report.errors
    assert (report.cases_opened, report.cases_updated) == (0, 0)
    assert (report.tasks_added, report.tasks_updated) == (0, 0)
    assert caseload_rows(cases_for_export(youth_justice_service)) == before
    assert Task.objects.count() == 12


@pytest.mark.parametrize("url", [EXPORT_CSV, EXPORT_XLSX], ids=["csv", "xlsx"])
def test_an_export_imported_into_an_empty_service_gives_the_same_caseload(
    client, youth_justice_service, case_manager, url
):
    make_caseload(youth_justice_service)
    # Another service cannot own this one's tasks: the partner owns them all for the move.
    council = Organisation.objects.get(name="Synthetic Council 0")
    Task.objects.filter(owner=youth_justice_service).update(owner=council)
    client.force_login(case_manager)
    content = client.get(url).content
    empty = YouthJusticeServiceFactory()
    report = cases_import(service=empty, content=content, actor=None, today=TODAY)
    assert not report.errors, report.errors
    assert (report.cases_opened, report.tasks_added) == (3, 12)
    theirs = caseload_rows(cases_for_export(empty))
    assert theirs == caseload_rows(cases_for_export(youth_justice_service))
    done = Task.objects.filter(case__service=empty, status="done").count()
    assert done == 6


def test_the_excel_export_has_one_sheet_in_the_layout_with_formulas_kept_as_text(
    client, youth_justice_service, case_manager
):
    make_caseload(youth_justice_service, n=1)
    client.force_login(case_manager)
    response = client.get(EXPORT_XLSX)
    assert "spreadsheetml" in response["Content-Type"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == LAYOUT
    assert rows[1][LAYOUT.index("rotl_purpose")].startswith("'=")
    placement = next(r for r in rows if r[LAYOUT.index("description")] == "Confirm the placement")
    assert placement[LAYOUT.index("due_offset_days")] == -28
    assert placement[LAYOUT.index("owner")] == "Synthetic Council 0"
    # Read as before it was written row by row: a bold frozen header, filters, wrapped text at
    # the top of its cell, dates shown as dates.
    last = get_column_letter(len(LAYOUT))
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:{last}{len(rows)}"
    assert sheet["A1"].font.b and not sheet["A2"].font.b
    sentenced = sheet.cell(row=2, column=LAYOUT.index("sentence_date") + 1)
    assert sentenced.number_format == "d mmm yyyy" and sentenced.alignment.wrap_text
    assert sentenced.alignment.vertical == "top"


def test_every_exported_case_is_in_the_access_log_and_anonymised_cases_are_left_out(
    client, youth_justice_service, case_manager
):
    make_caseload(youth_justice_service)
    anonymised = CaseFactory(
        service=youth_justice_service, reference="ANON-1", anonymised_on=date(2026, 1, 1)
    )
    other = CaseFactory(service=YouthJusticeServiceFactory(), reference="NB-0001")
    client.force_login(case_manager)
    rows = read_csv(client.get(EXPORT_CSV).content)
    references = {r[1] for r in rows[1:]}
    assert references == {"NB-0001", "NB-0002", "NB-0003"}
    views = CaseView.objects.filter(user=case_manager, page="cases:export")
    assert sorted(v.case.reference for v in views) == ["NB-0001", "NB-0002", "NB-0003"]
    assert not CaseView.objects.filter(case__in=[anonymised, other]).exists()


def test_the_export_costs_the_same_queries_for_3_cases_as_for_30(
    client, youth_justice_service, case_manager
):
    # Under one batch of the access log's insert: SQLite takes 999 parameters a statement, so
    # past 249 cases it writes the log in more than one (see the next test).
    client.force_login(case_manager)
    make_caseload(youth_justice_service, 3)
    client.get(EXPORT_CSV)  # warm the session and the user's standing
    with CaptureQueriesContext(connection) as few:
        client.get(EXPORT_CSV)
    make_caseload(youth_justice_service, 27, start=3)
    with CaptureQueriesContext(connection) as many:
        rows = read_csv(client.get(EXPORT_CSV).content)
    assert sum(r[0] == "case" for r in rows) == 30
    assert len(many) == len(few), [q["sql"][:80] for q in many.captured_queries]
    assert CaseView.objects.filter(page="cases:export").count() == 3 + 3 + 30


def test_every_case_of_a_large_export_is_logged_in_one_insert_per_sqlite_batch(
    client, youth_justice_service, case_manager
):
    client.force_login(case_manager)
    make_caseload(youth_justice_service, 3)
    client.get(EXPORT_CSV)
    with CaptureQueriesContext(connection) as few:
        client.get(EXPORT_CSV)
    Case.objects.bulk_create(
        CaseFactory.build(service=youth_justice_service, reference=f"NB-{n:04d}")
        for n in range(100, 400)
    )
    with CaptureQueriesContext(connection) as many:
        rows = read_csv(client.get(EXPORT_CSV).content)
    assert sum(r[0] == "case" for r in rows) == 303
    assert CaseView.objects.filter(page="cases:export").count() == 3 + 3 + 303
    fields = [f for f in CaseView._meta.concrete_fields if not f.primary_key]
    batch = connection.ops.bulk_batch_size(fields, [CaseView()] * 303)
    inserts = -(-303 // batch)  # one on PostgreSQL; 249 rows an insert on SQLite
    assert len(many) == len(few) + inserts - 1
