"""One small action plan in our own words, written out as text, HTML, Word and PDF with the
layout quirks of the genre: numbered column headings, an addressee row spanning the table,
several owners and dates as separate paragraphs in one cell, a row continued after a page
break with an empty number cell, and "additional" recommendations whose numbering restarts."""

from __future__ import annotations

import html
import io

TITLE = "A thematic inspection of made-up music services for children"
HEADERS = [
    "1. Ref No",
    "2. The recommendation",
    "3. Decision (Agreed / Partly / Not)",
    "4. Our response",
    "5. Owner",
    "6. Target date",
]
# (label, recommendation paragraphs, decision, response paragraphs, owners, targets)
ROWS: list[tuple[str, list[str], str, list[str], list[str], list[str]]] = [
    ("", ["The Department for Music should:"], "", [], [], []),
    (
        "1",
        ["Publish a national plan for instrument loans to children leaving care."],
        "Agreed",
        ["We will publish the plan after consulting the sector."],
        ["Head of Instrument Policy", "Director of Lending"],
        ["March 2027", "Q2 2027"],
    ),
    (
        "2",
        ["Make sure every practice room has a quiet space for"],
        "Partly Agreed",
        ["Funding covers half the rooms this year."],
        ["Head of Estates"],
        ["2026/27"],
    ),
    ("", ["children who need one."], "", ["The rest depends on the next spending review."], [], []),
    ("", ["We make the following additional recommendations:"], "", [], [], []),
    (
        "1",
        ["Report each year on how many lessons were cancelled."],
        "Not Agreed",
        ["Lesson records are kept by schools, not by the department."],
        ["Head of Data"],
        ["Ongoing, review October 2027"],
    ),
]
EXPECTED = [
    # (section, label, decision, [(owner, target_text)])
    ("main", "1", "agreed", [("Head of Instrument Policy", "March 2027"),
                             ("Director of Lending", "Q2 2027")]),
    ("main", "2", "partly_agreed", [("Head of Estates", "2026/27")]),
    ("additional", "1", "not_agreed", [("Head of Data", "Ongoing, review October 2027")]),
]  # fmt: skip
INTRO = [
    "Action Plan Submitted: 3rd March 2026",
    f"A Response to: {TITLE}",
    "Report Published: 10th December 2025",
    f"ACTION PLAN: {TITLE}",
]


def _cell(paragraphs: list[str]) -> str:
    if len(paragraphs) <= 1:
        return paragraphs[0] if paragraphs else ""
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def as_text() -> str:
    lines = ["\t".join(HEADERS)]
    for label, rec, decision, response, owners, targets in ROWS:
        lines.append(
            "\t".join([label, _cell(rec), decision, _cell(response), _cell(owners), _cell(targets)])
        )
    return "\n\n".join(INTRO) + "\n\n" + "\n".join(lines) + "\n"


def as_html() -> str:
    def cell(tag: str, paragraphs: list[str], span: int = 1) -> str:
        inner = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        return f"<{tag}{f' colspan={span}' if span > 1 else ''}>{inner}</{tag}>"

    rows = ["<tr>" + "".join(cell("th", [h]) for h in HEADERS) + "</tr>"]
    for label, rec, decision, response, owners, targets in ROWS:
        if not label and not decision and not owners and not response:
            rows.append("<tr>" + cell("td", []) + cell("td", rec, span=5) + "</tr>")
            continue
        cells = [[label], rec, [decision], response, owners, targets]
        rows.append("<tr>" + "".join(cell("td", c) for c in cells) + "</tr>")
    intro = "".join(f"<p>{html.escape(p)}</p>" for p in INTRO)
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Plan</title>"
        "<style>@page{size:A4 landscape;margin:10mm} body{font:9pt sans-serif}"
        "table{border-collapse:collapse;width:100%} td,th{border:0.5pt solid #000;padding:3pt;"
        "vertical-align:top;text-align:left} p{margin:0 0 4pt}</style></head>"
        f"<body>{intro}<table>{''.join(rows)}</table></body></html>"
    )


def as_docx() -> bytes:
    from docx import Document

    document = Document()
    for line in INTRO:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=len(HEADERS))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, HEADERS, strict=True):
        cell.text = text

    def fill(cell, paragraphs: list[str]) -> None:  # type: ignore[no-untyped-def]
        cell.text = paragraphs[0] if paragraphs else ""
        for extra in paragraphs[1:]:
            cell.add_paragraph(extra)

    for label, rec, decision, response, owners, targets in ROWS:
        cells = table.add_row().cells
        if not label and not decision and not owners and not response:
            merged = cells[1].merge(cells[-1])
            fill(merged, rec)
            continue
        for cell, paragraphs in zip(
            cells, [[label], rec, [decision], response, owners, targets], strict=True
        ):
            fill(cell, [p for p in paragraphs if p])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def as_pdf() -> bytes:
    from weasyprint import HTML

    return HTML(string=as_html()).write_pdf()
