"""A criteria set's spreadsheet layout: one row per criterion on the sheet "Criteria", and a
"Read me" sheet saying what each column holds. The download is the layout `rows` reads back."""

from __future__ import annotations

import io
import re
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from followthrough.core.spreadsheets import spreadsheet_safe
from followthrough.inspections.models import Recommendation

from ..casefacts import FACTS
from ..models import CriteriaSet, Criterion
from ..national import slug
from ..selectors.sets import criteria_of

SHEET = "Criteria"
# The columns, in order, and what the "Read me" sheet says of each.
COLUMNS = {
    "Section": "The heading the criterion sits under. Rows of one section come together.",
    "Section rated": "Yes when the section is rated as a key question, No when it is not "
    "(outcomes usually are not). The same on every row of a section.",
    "Code": "The criterion's number, like 1.12, different on every row.",
    "Lead-in": "The words shared by a group of criteria, like 'The assessment used all "
    "relevant sources of information:'. May be empty.",
    "Statement": "What the auditor answers of each case.",
    "Guidance": "Help for the auditor. May be empty.",
    "Phase": "Custody, Release or Community.",
    "Where appropriate": "Yes when the criterion applies only where appropriate, otherwise No.",
    "Parent code": "The code of an earlier criterion whose answer decides whether this one is "
    "asked. Empty when it is always asked.",
    "Parent answer": "The answer to the parent criterion after which this one is asked, like "
    "No, or one of its categories.",
    "Answer type": "'Yes, no or not applicable', or 'One of a list of categories'.",
    "Categories": "For a list of categories: one on each line, as 'code: label' or just the "
    "label. Empty for a yes or no criterion.",
    "Inspectorate": "The inspectorate that owns the criterion's subject where a joint "
    "inspection split the work. May be empty.",
    "Key criterion": "Yes for the section's overall judgement, which rates its key question. "
    "At most one in a section.",
    "Case fact": "The fact a case record already holds that answers it, offered to the auditor "
    "(codes below). May be empty.",
    "National %": "The national figure: a whole number from 0 to 100 for a yes or no "
    "criterion; for categories, 'code: %' for each, separated by semicolons.",
    "National n": "How many cases the national figure was read from. May be empty.",
    "Recommendations": "The recommendations of the set's inspection report it evidences, by "
    "label, separated by semicolons: '9; 18', or 'Additional 2'.",
}
HEADER = list(COLUMNS)
REQUIRED = ("Section", "Code", "Statement")
WIDTHS = [28, 9, 8, 40, 50, 30, 11, 11, 8, 12, 14, 28, 22, 9, 22, 12, 9, 16]
YES, NO = "Yes", "No"
CATEGORY_LINE = re.compile(r"^([a-z0-9_]{1,40})\s*:\s*(.+)$")


def categories_as_text(categories: list[list[str]]) -> str:
    return "\n".join(f"{code}: {label}" for code, label in categories)


def categories_from_text(text: str) -> list[list[str]]:
    """One category a line, as "code: label" or just the label (its code made from it)."""
    found = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        match = CATEGORY_LINE.match(line)
        found.append([match[1], match[2].strip()] if match else [slug(line), line])
    return found


def recommendation_label(recommendation: Recommendation) -> str:
    if recommendation.section == Recommendation.Section.ADDITIONAL:
        return f"Additional {recommendation.label}"
    return recommendation.label


def _national(criterion: Criterion) -> Any:
    if criterion.answer_type == Criterion.AnswerType.CATEGORIES:
        # In the categories' order: PostgreSQL's jsonb keeps no key order of its own.
        values = criterion.national_values
        pairs = [(code, values[code]) for code, _ in criterion.categories if code in values]
        return "; ".join(f"{code}: {value}" for code, value in pairs) or None
    return criterion.national_percent


def _row(criterion: Criterion) -> list[Any]:
    parent = criterion.parent
    return [
        criterion.section.title,
        YES if criterion.section.rated else NO,
        criterion.code,
        criterion.lead_in,
        criterion.statement,
        criterion.guidance,
        criterion.get_phase_display(),
        YES if criterion.where_appropriate else NO,
        parent.code if parent else "",
        dict(parent.choices).get(criterion.parent_answer, "") if parent else "",
        criterion.get_answer_type_display(),
        categories_as_text(criterion.categories),
        criterion.inspectorate.name if criterion.inspectorate else "",
        YES if criterion.is_key else NO,
        criterion.case_fact,
        _national(criterion),
        criterion.national_n,
        "; ".join(recommendation_label(r) for r in criterion.recommendations.all()),
    ]


def criteria_set_xlsx(criteria_set: CriteriaSet) -> bytes:
    """The set as a workbook in the layout the upload reads."""
    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    sheet.append(HEADER)
    for criterion in criteria_of(criteria_set):
        sheet.append(
            [spreadsheet_safe(v) if v not in ("", None) else None for v in _row(criterion)]
        )
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = wrap
            cell.number_format = "@"  # codes like 1.10 stay text when edited
    for cell in sheet[1]:
        cell.font = bold
    sheet.freeze_panes = "A2"
    readme = book.create_sheet("Read me")
    readme.append([f"{criteria_set} — {criteria_set.owner.name}"])
    readme.append(
        [
            "Each row of the sheet Criteria is one criterion. Upload the workbook to a draft "
            "set to replace all its sections and criteria: every row is checked first, and "
            "nothing changes if any row is wrong."
        ]
    )
    if criteria_set.national_note:
        readme.append([criteria_set.national_note])
    readme.append([])
    readme.append(["Column", "What it holds"])
    for name, meaning in COLUMNS.items():
        readme.append([name, meaning])
    readme.append([])
    readme.append(["Case fact code", "What the case record holds"])
    for code, (label, _) in FACTS.items():
        readme.append([code, label])
    readme.column_dimensions["A"].width = 30
    readme.column_dimensions["B"].width = 90
    readme["A1"].font = bold
    out = io.BytesIO()
    book.properties.title = str(criteria_set)[:250]
    book.save(out)
    return out.getvalue()
