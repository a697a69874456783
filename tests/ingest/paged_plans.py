"""Made-up action plans printed as paginated PDFs the way other tools print them: long rows
forced across page breaks, the header row repeated at the top of every page (or not, so the
continuation on the new page starts with no ruling above it), portrait and landscape, and cells
holding several paragraphs. Each comes with the records it holds, in the shared scorer's gold
form, so what the PDF reader gives back can be scored against what was generated.

Every word is ours: a plan about made-up library services, built from a seed."""

from __future__ import annotations

import html
import random
from dataclasses import dataclass

HEADERS = ["Ref", "Recommendation", "Agreed / Partly Agreed / Not Agreed", "Response",
           "Lead", "Target date"]  # fmt: skip
ADDRESSEE = "The Board of Made-up Lending Libraries"
WORDS = " ".join(
    [
        "reading room catalogue lending volunteers mobile van branch opening hours",
        "outreach story sessions audio books braille shelves returns fines waiver",
        "membership card neighbourhood schools carers holiday clubs digital skills",
        "printers study spaces archive rota review budget survey feedback quarterly",
        "partners translation signage access ramp",
    ]
).split()
LEADS = ["Head of Branches", "Outreach Manager", "Digital Lead", "Finance Partner",
         "Volunteer Coordinator", "Head of Collections"]  # fmt: skip
TARGETS = ["March 2027", "June 2027", "2027/28", "Ongoing", "Completed", "September 2026"]
DECISIONS = [("Agreed", "agreed"), ("Partly Agreed", "partly_agreed"),
             ("Not Agreed", "not_agreed")]  # fmt: skip


@dataclass(frozen=True)
class Row:
    label: str
    recommendation: list[str]
    decision: str
    response: list[str]
    leads: list[str]
    targets: list[str]


@dataclass(frozen=True)
class Shape:
    name: str
    landscape: bool = False
    repeat_header: bool = True
    rows: int = 8
    paragraphs: int = 4  # of the response in each row: enough to push rows over page breaks
    # the tool printed a broken row as two rows ruled all round, the second on a new page
    # with an empty label cell carrying the rest of the text, leads and dates
    closed: bool = False
    furniture: bool = False  # a running header and "Page N of M" on every page
    two_row_header: bool = False  # numbered column headings under the headings
    row_rules_only: bool = False  # a line under each row and no vertical rules (GOV.UK style)
    unruled: bool = False  # no rules at all: the columns kept apart by spacing only


SHAPES = [
    Shape("portrait, header repeated on each page"),
    Shape("landscape, header repeated on each page", landscape=True, paragraphs=3),
    Shape("portrait, no header repeated: the new page starts with no ruling", repeat_header=False),
    Shape("landscape, no header repeated", landscape=True, repeat_header=False, paragraphs=3),
    Shape("portrait, very long rows spanning three pages", rows=4, paragraphs=14),
    Shape("portrait, remainder ruled as a row of its own with an empty label cell", closed=True),
    Shape(
        "landscape, running header and page numbers on every page",
        landscape=True,
        paragraphs=3,
        furniture=True,
    ),
    Shape("portrait, a header of two rows repeated on each page", two_row_header=True),
    Shape("landscape, ruled only between rows", landscape=True, paragraphs=3, row_rules_only=True),
    Shape(
        "portrait, ruled only between rows, no header repeated",
        repeat_header=False,
        row_rules_only=True,
    ),
    Shape("portrait, no rules at all: columns kept apart by spacing", paragraphs=5, unruled=True),
    Shape(
        "landscape, no rules at all, no header repeated",
        landscape=True,
        paragraphs=3,
        repeat_header=False,
        unruled=True,
    ),
]


def _sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(WORDS) for _ in range(words)]
    return f"{' '.join(chosen).capitalize()}."


def rows_for(shape: Shape, seed: int = 16) -> list[Row]:
    rng = random.Random(f"{shape.name}/{seed}")
    out = []
    for n in range(1, shape.rows + 1):
        verb = rng.choice(["Improve", "Review", "Extend", "Publish", "Measure"])
        recommendation = [f"{verb} the {_sentence(rng, 18)[:-1].lower()} for every branch."]
        if n % 3 == 0:  # a recommendation of two paragraphs
            recommendation.append(_sentence(rng, 14))
        response = [" ".join(_sentence(rng, 12) for _ in range(3)) for _ in range(shape.paragraphs)]
        people = rng.sample(LEADS, 1 + n % 2)
        out.append(Row(str(n), recommendation, DECISIONS[n % 3][0], response, people,
                       [rng.choice(TARGETS) for _ in people]))  # fmt: skip
    return out


def as_html(shape: Shape, rows: list[Row]) -> str:
    def cell(paragraphs: list[str], tag: str = "td") -> str:
        return f"<{tag}>{''.join(f'<p>{html.escape(p)}</p>' for p in paragraphs)}</{tag}>"

    head = "<tr>" + "".join(cell([h], "th") for h in HEADERS) + "</tr>"
    if shape.two_row_header:
        head += "<tr>" + "".join(cell([f"({n})"], "th") for n in range(1, 7)) + "</tr>"
    body = [f"<tr><td></td><td colspan=5><p>{html.escape(ADDRESSEE)} should:</p></td></tr>"]
    for row in rows:
        cells = [[row.label], row.recommendation, [row.decision], row.response, row.leads,
                 row.targets]  # fmt: skip
        if shape.closed and len(row.leads) > 1:  # the rest of the row on the next page
            half = len(row.response) // 2
            first = [[row.label], row.recommendation, [row.decision], row.response[:half],
                     row.leads[:1], row.targets[:1]]  # fmt: skip
            rest = [[], [], [], row.response[half:], row.leads[1:], row.targets[1:]]
            body.append("<tr>" + "".join(cell(c) for c in first) + "</tr>")
            body.append("<tr style='break-before:page'>" + "".join(cell(c) for c in rest)
                        + "</tr>")  # fmt: skip
            continue
        body.append("<tr>" + "".join(cell(c) for c in cells) + "</tr>")
    table = (
        f"<table><thead>{head}</thead><tbody>{''.join(body)}</tbody></table>"
        if shape.repeat_header
        else f"<table><tbody>{head}{''.join(body)}</tbody></table>"
    )
    intro = [
        "Action Plan Submitted: 2nd February 2027",
        "A Response to: An inspection of made-up lending libraries",
        "Report Published: 5th November 2026",
        "ACTION PLAN: An inspection of made-up lending libraries",
    ]
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Plan</title><style>"
        f"@page{{size:A4 {'landscape' if shape.landscape else 'portrait'};margin:12mm}}"
        "body{font:9pt sans-serif} table{border-collapse:collapse;width:100%}"
        "td,th{border:0.5pt solid #000;padding:3pt;vertical-align:top;text-align:left}"
        "tr{break-inside:auto} p{margin:0 0 5pt}"
        + (
            "td,th{border:0;border-bottom:0.75pt solid #b1b4b6;padding:3pt 12pt 3pt 0}"
            if shape.row_rules_only
            else ""
        )
        + ("td,th{border:0;padding:3pt 12pt 3pt 0}" if shape.unruled else "")
        + ("td{box-decoration-break:clone}" if shape.closed else "")
        + (
            "@page{@top-left{content:'Made-up libraries: action plan';font:8pt sans-serif}"
            "@bottom-right{content:'Page ' counter(page) ' of ' counter(pages);"
            "font:8pt sans-serif}}"
            if shape.furniture
            else ""
        )
        + "</style></head><body>"
        + "".join(f"<p>{html.escape(p)}</p>" for p in intro)
        + f"{table}</body></html>"
    )


def as_pdf(shape: Shape, rows: list[Row]) -> bytes:
    from weasyprint import HTML

    return HTML(string=as_html(shape, rows)).write_pdf()


def gold(rows: list[Row]) -> dict:
    """The records in the shared scorer's gold form."""
    return {
        "recommendations": [
            {
                "label": row.label,
                "section": "main",
                "addressee": ADDRESSEE,
                "text": " ".join(row.recommendation),
                "response": {
                    "decision": next(d for printed, d in DECISIONS if printed == row.decision),
                    "owners": row.leads,
                    "targets": row.targets,
                },
            }
            for row in rows
        ]
    }
