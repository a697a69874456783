"""Reading a criteria set's workbook back: every row checked, each error named by its row and
column in the user's words, nothing written unless every row is right; then the draft's
sections and criteria replaced in the caller's transaction."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from openpyxl import load_workbook

from followthrough.core.spreadsheets import FORMULA_STARTS
from followthrough.inspections.models import Recommendation

from ..casefacts import FACTS
from ..models import ANSWER_LABELS, CriteriaSet, Criterion
from ..selectors.sets import inspectorates, report_recommendations
from ..services.criteria import CriterionRow, categories_problem, criteria_set_replace
from .layout import HEADER, REQUIRED, SHEET, categories_from_text, recommendation_label

MAX_ROWS = 1000


@dataclass
class ImportReport:
    sections: int = 0
    criteria: int = 0
    errors: list[str] = field(default_factory=list)


class RowError(Exception):
    pass


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text[1:] if text[:1] == "'" and text[1:2] in FORMULA_STARTS else text


def _yes_no(text: str, default: bool) -> bool:
    if not text:
        return default
    if text.casefold() in ("yes", "y", "true"):
        return True
    if text.casefold() in ("no", "n", "false"):
        return False
    raise RowError(f"enter Yes or No, not {text!r}")


def _choice(text: str, choices: list[tuple[str, str]], default: str, what: str) -> str:
    if not text:
        return default
    for code, label in choices:
        if text.casefold() in (code.casefold(), str(label).casefold()):
            return code
    raise RowError(f"enter {what}, not {text!r}")


def _whole(text: str, *, most: int | None = None) -> int | None:
    if not text:
        return None
    if not (text.isascii() and text.isdigit()) or (most is not None and int(text) > most):
        upto = f" from 0 to {most}" if most is not None else ""
        raise RowError(f"enter a whole number{upto}, not {text!r}")
    return int(text)


class _Reader:
    """Reads the rows of one file against one set, keeping what earlier rows said."""

    def __init__(self, criteria_set: CriteriaSet) -> None:
        self.criteria_set = criteria_set
        self.inspectorates = {}
        for organisation in inspectorates():
            self.inspectorates[organisation.name.casefold()] = organisation
            self.inspectorates[organisation.short_name.casefold()] = organisation
        self.recommendations = {
            recommendation_label(r).casefold(): r
            for r in report_recommendations(criteria_set.report)
        }
        self.codes: dict[str, tuple[int, list[tuple[str, str]]]] = {}
        self.sections: dict[str, tuple[int, bool]] = {}
        self.keys: dict[str, str] = {}
        self.last_section = ""

    def row(self, number: int, cells: dict[str, str]) -> tuple[CriterionRow | None, list[str]]:
        errors: list[str] = []
        values: dict[str, Any] = {}

        def read(column: str, reading: Any) -> Any:
            try:
                return reading(cells.get(column, ""))
            except RowError as exc:
                errors.append(f"Row {number}, column {column}: {exc}")
                return None

        section = read("Section", self._section_title)
        rated = read("Section rated", lambda t: _yes_no(t, True))
        if section and rated is not None:
            read("Section", lambda t: self._together(section))
            read("Section rated", lambda t: self._rated_alike(number, section, rated))
        code = read("Code", lambda t: self._code(number, t))
        values["code"] = code or ""
        values["lead_in"] = read("Lead-in", lambda t: self._length(t, 500))
        values["statement"] = read("Statement", self._statement)
        values["guidance"] = cells.get("Guidance", "")
        values["phase"] = read(
            "Phase",
            lambda t: _choice(
                t, Criterion.Phase.choices, "custody", "Custody, Release or Community"
            ),
        )
        values["where_appropriate"] = read("Where appropriate", lambda t: _yes_no(t, False))
        kinds = Criterion.AnswerType.choices
        answer_type = read(
            "Answer type",
            lambda t: _choice(
                t, kinds, "yes_no", "'Yes, no or not applicable' or 'One of a list of categories'"
            ),
        )
        values["answer_type"] = answer_type or "yes_no"
        categories = read("Categories", lambda t: self._categories(t, values["answer_type"]))
        values["categories"] = categories or []
        parent_code = cells.get("Parent code", "")
        read("Parent code", lambda t: self._parent(t))
        values["parent_answer"] = read(
            "Parent answer", lambda t: self._parent_answer(parent_code, t)
        )
        values["inspectorate"] = read("Inspectorate", self._inspectorate)
        values["is_key"] = read("Key criterion", lambda t: _yes_no(t, False))
        if values["is_key"]:
            read("Key criterion", lambda t: self._key(number, section or "", values))
        values["case_fact"] = read(
            "Case fact",
            lambda t: _choice(
                t, [(c, label) for c, (label, _) in FACTS.items()], "", "a case fact code"
            ),
        )
        national = read("National %", lambda t: self._national(t, values))
        if values["answer_type"] == "categories":
            values["national_values"], values["national_percent"] = national or {}, None
        else:
            values["national_values"], values["national_percent"] = {}, national
        values["national_n"] = read("National n", lambda t: _whole(t))
        links = read("Recommendations", self._recommendations)
        if code:
            answers = [*ANSWER_LABELS.items()]
            if values["answer_type"] == "categories":
                answers = [(c, label) for c, label in values["categories"]]
            self.codes[code] = (number, answers)
        if errors:
            return None, errors
        return CriterionRow(section, rated, values, parent_code, links or []), []

    def _section_title(self, text: str) -> str:
        if not text:
            raise RowError("enter the section's title")
        return self._length(text, 200)

    def _together(self, title: str) -> None:
        seen = self.sections.get(title)
        moved_on = seen is not None and title != self.last_section
        self.last_section = title
        if moved_on and seen is not None:
            raise RowError(f"the rows of section {title!r} must come together (row {seen[0]})")

    def _rated_alike(self, number: int, title: str, rated: bool) -> None:
        seen = self.sections.setdefault(title, (number, rated))
        if seen[1] != rated:
            raise RowError(f"give every row of section {title!r} the same answer as row {seen[0]}")

    def _length(self, text: str, most: int) -> str:
        if len(text) > most:
            raise RowError(f"must be {most} characters or fewer")
        return text

    def _code(self, number: int, text: str) -> str:
        if not text:
            raise RowError("enter the criterion's code, like 1.12")
        if text in self.codes:
            raise RowError(f"code {text} is already used on row {self.codes[text][0]}")
        return self._length(text, 20)

    def _statement(self, text: str) -> str:
        if not text:
            raise RowError("enter the statement the auditor answers")
        return self._length(text, 500)

    def _categories(self, text: str, answer_type: str) -> list[list[str]]:
        categories = categories_from_text(text)
        if answer_type != "categories":
            if categories:
                raise RowError("leave empty for a yes or no criterion")
            return []
        problem = categories_problem(answer_type, categories)
        if problem:
            raise RowError(problem[:1].lower() + problem[1:])
        return categories

    def _parent(self, text: str) -> None:
        if text and text not in self.codes:
            raise RowError(
                f"no earlier row has the code {text}: a criterion comes after the one it depends on"
            )

    def _parent_answer(self, parent_code: str, text: str) -> str:
        if not parent_code:
            if text:
                raise RowError("leave empty when there is no parent code")
            return ""
        if parent_code not in self.codes:
            return ""  # the parent code's own error says why
        if not text:
            raise RowError(f"enter the answer to {parent_code} after which this is asked")
        choices = self.codes[parent_code][1]
        words = ", ".join(label for _, label in choices)
        return _choice(text, choices, "", f"one of the answers to {parent_code} ({words})")

    def _inspectorate(self, text: str) -> Any:
        if not text:
            return None
        found = self.inspectorates.get(text.casefold())
        if found is None:
            raise RowError(f"no inspectorate is called {text!r}")
        return found

    def _key(self, number: int, section: str, values: dict[str, Any]) -> None:
        if values["answer_type"] != "yes_no":
            raise RowError("a key criterion is answered yes or no, so it can be rated")
        if section in self.keys:
            raise RowError(
                f"section {section!r} already has its key criterion on {self.keys[section]}"
            )
        self.keys[section] = f"row {number}"

    def _national(self, text: str, values: dict[str, Any]) -> Any:
        if values["answer_type"] != "categories":
            return _whole(text, most=100)
        codes = {code for code, _ in values["categories"]}
        found: dict[str, int] = {}
        for part in filter(None, (p.strip() for p in text.split(";"))):
            code, _, value = part.partition(":")
            if code.strip() not in codes:
                raise RowError(f"{code.strip()!r} is not one of the criterion's category codes")
            found[code.strip()] = _whole(value.strip(), most=100) or 0
        return found

    def _recommendations(self, text: str) -> list[Recommendation]:
        labels = [p.strip() for p in text.split(";") if p.strip()]
        if labels and self.criteria_set.report is None:
            raise RowError("the set names no inspection report whose recommendations it evidences")
        found = []
        for label in labels:
            recommendation = self.recommendations.get(label.casefold())
            if recommendation is None:
                raise RowError(f"the set's report has no recommendation {label}")
            found.append(recommendation)
        return found


def _rows(content: bytes) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = book[SHEET] if SHEET in book.sheetnames else book.worksheets[0]
        cells = list(sheet.iter_rows(values_only=True))
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, IndexError):
        raise RowError("The file could not be read as an Excel workbook") from None
    columns = [_text(c) for c in (cells[0] if cells else ())]
    while columns and not columns[-1]:
        columns.pop()
    rows = []
    for number, values in enumerate(cells[1:], start=2):
        texts = [_text(v) for v in values]
        if any(texts):
            rows.append((number, {c: t for c, t in zip(columns, texts, strict=False) if c}))
    return columns, rows


def criteria_set_import(
    *, criteria_set: CriteriaSet, content: bytes, row_version: int | None, actor: Any
) -> ImportReport:
    """Check every row of a workbook, then replace the draft's sections and criteria with them.
    A report with errors has written nothing."""
    report = ImportReport()
    try:
        columns, rows = _rows(content)
    except RowError as exc:
        report.errors.append(str(exc))
        return report
    known = {c.casefold(): c for c in HEADER}
    unknown = [c for c in columns if c.casefold() not in known]
    missing = [c for c in REQUIRED if c.casefold() not in {k.casefold() for k in columns}]
    if unknown:
        report.errors.append(f"Row 1: these columns are not in the layout: {', '.join(unknown)}")
    if missing:
        report.errors.append(f"Row 1: the sheet needs the columns {', '.join(missing)}")
    if not rows and not report.errors:
        report.errors.append("The sheet Criteria has no rows of criteria")
    if len(rows) > MAX_ROWS:
        report.errors.append(
            f"The sheet has {len(rows):,} rows: a set may have at most {MAX_ROWS:,}"
        )
    if report.errors:
        return report
    reader = _Reader(criteria_set)
    checked = []
    for number, cells in rows:
        row, errors = reader.row(number, {known[k.casefold()]: v for k, v in cells.items()})
        report.errors.extend(errors)
        if row is not None:
            checked.append(row)
    if report.errors:
        return report
    criteria_set_replace(
        criteria_set=criteria_set, row_version=row_version, actor=actor, rows=checked
    )
    report.sections, report.criteria = len(reader.sections), len(checked)
    return report
