"""The case CSV layout a service exports from its own case management system (docs/casework.md,
"Getting cases in"), read and checked row by row. Every error names its row and column; nothing
is written unless every row is right, and then in one transaction. Re-importing the same file
updates cases and tasks by their reference, never duplicating them. The same layout comes as an
Excel workbook (its first sheet), and the caseload export (cases/exports.py) writes it."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError

from followthrough.core.spreadsheets import FORMULA_STARTS
from followthrough.organisations.models import Organisation

from .models import Case, Pathway, Task
from .services import CASE_FIELDS, case_open, case_update, task_add, task_update, tasks_redate

# Columns of a case row: `record` = case (or empty), `reference`, then any of these.
DATE_COLUMNS = {
    "sentence_date",
    "earliest_release",
    "release_date",
    "order_end",
    "turns_18",
    "accommodation_confirmed_on",
    "rotl_considered_on",
    "handover_date",
}
INT_COLUMNS = {"age_at_sentence", "sentence_months"}
CHOICE_COLUMNS = {
    name: dict(Case._meta.get_field(name).choices or [])
    for name in (
        "sex",
        "ethnicity",
        "care_status",
        "cin_cp_history",
        "send",
        "sentence_type",
        "establishment_type",
        "distance",
        "rotl_applied",
        "rotl_used",
        "transition",
    )
}
ORGANISATION_COLUMNS = {"home_local_authority", "establishment"}
# Columns of a task row: `record` = task, `reference` (the case), then these.
TASK_COLUMNS = {"description", "owner", "pathway", "due_date", "due_anchor", "due_offset_days"}
TASK_COLUMNS |= {"status"}
KNOWN = {"record", "reference", *CASE_FIELDS, *TASK_COLUMNS}
# Every column in the order the export writes them.
LAYOUT = [
    "record",
    "reference",
    *CASE_FIELDS,
    "description",
    "owner",
    "pathway",
    "due_date",
    "due_anchor",
    "due_offset_days",
    "status",
]
# The most a file uploaded through the browser may be and hold; the command has no limit. Every
# row is written through the services (history, events, a row per pathway): about 20 ms a row on
# SQLite, so 500 rows keep a request, and SQLite's write lock, to about ten seconds.
IMPORT_MAX_BYTES = 5 * 1024 * 1024
IMPORT_MAX_ROWS = 500
BLANK_ALLOWED = {name for name in CHOICE_COLUMNS if Case._meta.get_field(name).blank}


@dataclass
class ImportReport:
    cases_opened: int = 0
    cases_updated: int = 0
    tasks_added: int = 0
    tasks_updated: int = 0
    errors: list[str] = field(default_factory=list)


class RowError(Exception):
    """What is wrong with one row: one message per column."""

    def __init__(self, *messages: str) -> None:
        super().__init__("; ".join(messages))
        self.messages = list(messages)


def _value(column: str, text: str, organisations: dict[str, Organisation]) -> Any:
    text = text.strip()
    if column in DATE_COLUMNS:
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise RowError(f"enter a date as YYYY-MM-DD, like 2026-03-31, not {text!r}") from None
    if column in INT_COLUMNS:
        if not text:
            return None
        if not (text.isascii() and text.isdigit()):
            raise RowError(f"enter a whole number, not {text!r}")
        return int(text)
    if column in CHOICE_COLUMNS:
        choices = CHOICE_COLUMNS[column]
        if text not in choices and not (text == "" and column in BLANK_ALLOWED):
            allowed = ", ".join(repr(c) for c in choices if c)
            raise RowError(f"use one of {allowed}, not {text!r}")
        return text
    if column in ORGANISATION_COLUMNS:
        if not text:
            return None
        found = organisations.get(text.casefold())
        if found is None:
            raise RowError(f"no organisation is called {text!r}")
        return found
    return text


class FileError(Exception):
    """The file as a whole cannot be read: one line saying why."""


def _unquote(text: str) -> str:
    """Undo the quote an export puts before a cell a spreadsheet would run as a formula."""
    return text[1:] if text[:1] == "'" and text[1:2] in FORMULA_STARTS else text


def _cell(value: object) -> str:
    """An Excel cell as the text the CSV layout would hold."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


Rows = Iterator[tuple[int, dict[str, str]]]


def _csv_rows(content: bytes) -> tuple[list[str], Rows]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileError("The file must be a CSV saved as UTF-8, or an Excel workbook") from None
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip() for c in reader.fieldnames or []]

    def rows() -> Rows:
        for number, raw in enumerate(reader, start=2):
            yield number, {k.strip(): _unquote(v or "") for k, v in raw.items() if k}

    return columns, rows()


def _xlsx_rows(content: bytes) -> tuple[list[str], Rows]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        cells = list(book.worksheets[0].iter_rows(values_only=True))
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, IndexError):
        raise FileError("The file could not be read as an Excel workbook") from None
    columns = [_cell(c).strip() for c in (cells[0] if cells else ())]
    while columns and not columns[-1]:
        columns.pop()

    def rows() -> Rows:
        for number, values in enumerate(cells[1:], start=2):
            texts = [_unquote(_cell(v)) for v in values]
            if any(t.strip() for t in texts):
                yield number, {c: t for c, t in zip(columns, texts, strict=False) if c}

    return columns, rows()


def cases_import(
    *,
    service: Organisation,
    content: bytes,
    actor: Any,
    today: date,
    max_rows: int | None = None,
) -> ImportReport:
    """Check every row, then write them all. The caller holds the transaction; a report with
    errors has written nothing the caller should keep (roll back). A CSV or an Excel workbook,
    told apart by its bytes; more than max_rows rows is refused before any is read."""
    report = ImportReport()
    try:
        columns, reading = (_xlsx_rows if content.startswith(b"PK\x03\x04") else _csv_rows)(content)
        rows = list(reading)
    except FileError as exc:
        report.errors.append(str(exc))
        return report
    except csv.Error as exc:
        report.errors.append(f"The file could not be read as a CSV file: {exc}")
        return report
    if max_rows is not None and len(rows) > max_rows:
        report.errors.append(
            f"The selected file has {len(rows):,} rows after its header: a file imported here "
            f"may have at most {max_rows:,}. Split it into smaller files, each case's row before "
            "its tasks, or ask an administrator to run followthrough cases_import"
        )
        return report
    unknown = [c for c in columns if c not in KNOWN]
    if "reference" not in columns:
        report.errors.append("Row 1: the file needs a reference column")
    if unknown:
        report.errors.append(
            f"Row 1: these columns are not in the layout (and a case never holds a name, date of "
            f"birth, address or school): {', '.join(unknown)}"
        )
    if report.errors:
        return report
    rows_import(service=service, rows=rows, actor=actor, today=today, report=report)
    return report


def rows_import(
    *,
    service: Organisation,
    rows: list[tuple[int, dict[str, str]]],
    actor: Any,
    today: date,
    report: ImportReport,
) -> None:
    """Write rows of the layout, each a case or a task by its reference, counting them in
    `report` and listing each row's errors there by its number (the API sends its own rows: a
    case and its tasks). The caller holds the transaction and rolls back on errors."""
    organisations = {o.name.casefold(): o for o in Organisation.objects.all()}
    organisations |= {o.short_name.casefold(): o for o in Organisation.objects.all()}
    pathways = {p.code: p for p in Pathway.objects.all()}
    matched: set[int] = set()
    for number, row in rows:
        try:
            if row.get("record", "").strip() in ("", "case"):
                _case_row(row, service, organisations, actor, report)
            elif row["record"].strip() == "task":
                _task_row(row, service, organisations, pathways, actor, today, report, matched)
            else:
                raise RowError("column record: use 'case' or 'task'")
        except RowError as exc:
            report.errors.extend(f"Row {number}, {message}" for message in exc.messages)
        except ValidationError as exc:
            for column, messages in getattr(exc, "message_dict", {"": exc.messages}).items():
                where = f", column {column}" if column and column != "__all__" else ""
                report.errors.append(f"Row {number}{where}: {' '.join(messages)}")


def _case_row(
    row: dict[str, str],
    service: Organisation,
    organisations: dict[str, Organisation],
    actor: Any,
    report: ImportReport,
) -> None:
    reference = row.get("reference", "").strip()
    values: dict[str, Any] = {}
    problems = []
    for column in CASE_FIELDS:
        if column in row:
            try:
                values[column] = _value(column, row[column], organisations)
            except RowError as exc:
                problems.append(f"column {column}: {exc}")
    if problems:
        raise RowError(*problems)
    existing = Case.objects.filter(service=service, reference=reference).first()
    if existing is None:
        case_open(service=service, reference=reference, actor=actor, **values)
        report.cases_opened += 1
        return
    changed = {k: v for k, v in values.items() if getattr(existing, k) != v}
    if changed:
        updated = case_update(case=existing, version=existing.version, actor=actor, **changed)
        tasks_redate(case=updated, actor=actor)
        report.cases_updated += 1


def _task_row(
    row: dict[str, str],
    service: Organisation,
    organisations: dict[str, Organisation],
    pathways: dict[str, Pathway],
    actor: Any,
    today: date,
    report: ImportReport,
    matched: set[int],
) -> None:
    case = Case.objects.filter(service=service, reference=row.get("reference", "").strip()).first()
    if case is None:
        raise RowError("column reference: no case with this reference; put its case row first")
    owner = organisations.get(row.get("owner", "").strip().casefold())
    if owner is None:
        raise RowError(f"column owner: no organisation is called {row.get('owner', '')!r}")
    code = row.get("pathway", "").strip()
    if code and code not in pathways:
        raise RowError(f"column pathway: use one of {', '.join(sorted(pathways))}")
    description = row.get("description", "").strip()
    if not description:
        raise RowError("column description: say what the task is")
    due = _value("sentence_date", row.get("due_date", ""), organisations)
    anchor = row.get("due_anchor", "").strip() or "date"
    offset_text = row.get("due_offset_days", "").strip() or "0"
    if not re.fullmatch(r"-?[0-9]{1,4}", offset_text) or abs(int(offset_text)) > 730:
        raise RowError(
            "column due_offset_days: enter a whole number of days from -730 to 730, like -28"
        )
    # Two rows alike are two tasks: each row takes the next task not yet matched in this file.
    task = (
        Task.objects.filter(case=case, description=description, owner=owner)
        .exclude(pk__in=matched)
        .first()
    )
    if task is None:
        task = task_add(
            case=case,
            description=description,
            owner=owner,
            actor=actor,
            pathway=pathways.get(code),
            due_anchor=anchor,
            due_offset_days=int(offset_text),
            due_on=due,
        )
        report.tasks_added += 1
    matched.add(task.pk)
    status = row.get("status", "").strip()
    if status and status != task.status:
        task_update(
            task=task, status=status, note=task.note, version=task.version, actor=actor, today=today
        )
        report.tasks_updated += 1
