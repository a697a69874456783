"""Response tables in our own words, one per shape that text renderings of PDFs and web pages
give them, each with what should be read from it (in the shared gold files' form, so the shared
scorer scores it) and the progress text its extra columns should keep."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PREAMBLE = "A response to: A made-up inspection of county allotment services\n\n"


@dataclass
class Shape:
    name: str
    text: str
    expected: list[dict[str, Any]]
    progress: dict[str, str] = field(default_factory=dict)  # label -> words its progress holds

    def gold(self) -> dict[str, Any]:
        return {"source": f"{self.name}.txt", "recommendations": self.expected}


def rec(
    label: str,
    text: str,
    decision: str | None,
    owners: list[str],
    targets: list[str],
    addressee: str = "The Allotments Board",
) -> dict[str, Any]:
    return {
        "label": label,
        "section": "main",
        "addressee": addressee,
        "text": text,
        "response": {"decision": decision, "owners": owners, "targets": targets},
    }


def aligned(widths: list[int], *rows: list[str]) -> str:
    """Rows of cells padded to their columns' widths, as a PDF's text is copied."""
    return "".join(
        "".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n" for r in rows
    )


R1 = "Publish a waiting list for plots that applicants can check online."
R2 = "Offer raised beds on every site for tenants who use a wheelchair."
R3 = "Test the water supply on each site before the growing season starts."
BOARD = "The Allotments Board should:"

SHAPES = [
    Shape(
        "tabs with progress and RAG status columns",
        PREAMBLE
        + "\t".join(["No.", "Recommendation", "Decision", "Response", "Owner", "Target date",
                     "Progress update", "RAG status"]) + "\n"
        + f"\t{BOARD}\t\t\t\t\t\t\n"
        + "\t".join(["1", R1, "Agreed", "The list will go live in spring.", "Plots Officer",
                     "April 2027", "Software bought; testing with tenants.", "Green"]) + "\n"
        + "\t".join(["2", R2, "Partly agreed", "Six sites first.", "Estates Lead", "2027/28",
                     "Two sites done.", "Amber"]) + "\n",
        [rec("1", R1, "agreed", ["Plots Officer"], ["April 2027"]),
         rec("2", R2, "partly_agreed", ["Estates Lead"], ["2027/28"])],
        {"1": "Software bought", "2": "Amber"},
    ),
    Shape(
        "pipes between cells, a rule under the header",
        PREAMBLE
        + "| Ref | Recommendation | Agreed? | Our response | Lead | Timescale |\n"
        + "|-----|----------------|---------|--------------|------|-----------|\n"
        + f"| | {BOARD} | | | | |\n"
        + f"| 1 | {R1} | Accepted | We will build it. | Head of Plots | June 2027 |\n"
        + f"| 2 | {R2} | Not accepted | Sites are too small. | Head of Estates | N/A |\n"
        + f"| 3 | {R3} | Accepted | Tests booked. | Water Officer | March 2027 |\n",
        [rec("1", R1, "agreed", ["Head of Plots"], ["June 2027"]),
         rec("2", R2, "not_agreed", ["Head of Estates"], []),
         rec("3", R3, "agreed", ["Water Officer"], ["March 2027"])],
    ),
    Shape(
        "aligned columns of spaces, cells wrapped onto the lines below",
        PREAMBLE
        + "No   Recommendation                        Decision      Owner            Deadline\n"
        + "     The Allotments Board should:\n"
        + "1    Publish a waiting list for plots      Agreed        Plots Officer    April 2027\n"
        + "     that applicants can check online.\n"
        + "2    Offer raised beds on every site for   Not agreed    Estates Lead     N/A\n"
        + "     tenants who use a wheelchair.\n"
        + "3    Test the water supply on each site    Agreed        Water Officer    March 2027\n"
        + "     before the growing season starts.\n"
        + "\nNote: recommendation 2 will be looked at again next year.\n",
        [rec("1", R1, "agreed", ["Plots Officer"], ["April 2027"]),
         rec("2", R2, "not_agreed", ["Estates Lead"], []),
         rec("3", R3, "agreed", ["Water Officer"], ["March 2027"])],
    ),
    Shape(
        "runs of spaces not lined up, as a web page copies",
        PREAMBLE
        + "Ref  Recommendation  Accepted?  Lead  By when\n"
        + f"1  {BOARD} {R1}  Yes, accepted  Head of Plots  Summer 2027\n"
        + f"2  {BOARD} {R2}  Partially accepted  Estates Manager  December 2027\n",
        [rec("1", R1, "agreed", ["Head of Plots"], ["Summer 2027"]),
         rec("2", R2, "partly_agreed", ["Estates Manager"], ["December 2027"])],
    ),
    Shape(
        "a header over two rows",
        PREAMBLE
        + "\t".join(["Rec", "Recommendation", "Agreed /", "Response", "Lead", "Target"]) + "\n"
        + "\t".join(["No", "", "not agreed", "", "officer", "date"]) + "\n"
        + f"\t{BOARD}\t\t\t\t\n"
        + "\t".join(["1", R1, "Agreed", "Going live in spring.", "Plots Officer", "May 2027"])
        + "\n"
        + "\t".join(["2", R3, "Agreed", "Tests booked.", "Water Officer", "March 2027"]) + "\n",
        [rec("1", R1, "agreed", ["Plots Officer"], ["May 2027"]),
         rec("2", R3, "agreed", ["Water Officer"], ["March 2027"])],
    ),
    Shape(
        "a progress column whose header says agreed, decisions under Status",
        PREAMBLE
        + "\t".join(["Ref", "Recommendation", "Status", "Progress against agreed actions",
                     "Responsible", "Completion date"]) + "\n"
        + f"\t{BOARD}\t\t\t\t\n"
        + "\t".join(["1", R1, "Accepted", "The supplier has started building the list.",
                     "Plots Officer", "April 2027"]) + "\n"
        + "\t".join(["2", R2, "Not accepted", "Nothing further is planned this year.",
                     "Estates Lead", "N/A"]) + "\n",
        [rec("1", R1, "agreed", ["Plots Officer"], ["April 2027"]),
         rec("2", R2, "not_agreed", ["Estates Lead"], [])],
        {"1": "supplier has started", "2": "Nothing further"},
    ),
    Shape(
        "a decision column headed Agreed that holds long text",
        PREAMBLE
        + "\t".join(["No.", "Recommendation", "What was agreed", "Agency", "Deadline"]) + "\n"
        + f"\t{BOARD}\t\t\t\n"
        + "\t".join(["1", R1, "The board asked officers to look at a list with the supplier "
                     "and report back after the summer.", "Plots Team", "October 2027"]) + "\n"
        + "\t".join(["2", R3, "Officers will test the water on two sites first and then the "
                     "rest if money allows.", "Water Team", "2027/28"]) + "\n",
        [rec("1", R1, None, ["Plots Team"], ["October 2027"]),
         rec("2", R3, None, ["Water Team"], ["2027/28"])],
    ),
    Shape(
        "a tracker with no decision column and a date discussed",
        PREAMBLE
        + "\t".join(["Ref", "Recommendation", "Date discussed", "Lead", "Timescale", "Update",
                     "Evidence of impact"]) + "\n"
        + f"\t{BOARD}\t\t\t\t\t\n"
        + "\t".join(["1", R1, "12 January 2027", "Plots Officer", "April 2027",
                     "Supplier chosen.", "Fewer calls from applicants."]) + "\n"
        + "\t".join(["2", R3, "12 January 2027", "Water Officer", "March 2027",
                     "Half the sites tested.", "None yet."]) + "\n",
        [rec("1", R1, None, ["Plots Officer"], ["April 2027"]),
         rec("2", R3, None, ["Water Officer"], ["March 2027"])],
        {"1": "Fewer calls", "2": "Half the sites"},
    ),
    Shape(
        "a tracker with no number column, headed Who and When",
        PREAMBLE
        + "\t".join(["Recommendation", "Who", "When", "RAG"]) + "\n"
        + f"{BOARD}\t\t\t\n"
        + "\t".join([R1, "Plots Officer", "April 2027", "Green"]) + "\n"
        + "\t".join([R3, "Water Officer", "March 2027", "Red"]) + "\n",
        [rec("1", R1, None, ["Plots Officer"], ["April 2027"]),
         rec("2", R3, None, ["Water Officer"], ["March 2027"])],
        {"2": "Red"},
    ),
    Shape(
        "numbers printed in the recommendation cell, cells between pipes",
        PREAMBLE
        + "| Recommendation | Response | Owner | Deadline |\n"
        + f"| Recommendation 1: {BOARD} {R1} | Agreed. A list is planned. | Plots Officer "
        "| April 2027 |\n"
        + f"| Recommendation 2: {BOARD} {R2} | Not agreed. | Estates Lead | N/A |\n",
        [rec("1", R1, "agreed", ["Plots Officer"], ["April 2027"]),
         rec("2", R2, "not_agreed", ["Estates Lead"], [])],
    ),
    Shape(
        "aligned columns, an owner too long for its column wrapped below",
        PREAMBLE
        + aligned(
            [5, 32, 12, 19, 12],
            ["No", "Recommendation", "Decision", "Responsible", "Target"],
            ["", BOARD, "", "", ""],
            ["1", "Publish a waiting list for", "Agreed", "Head of Allotment", "April 2027"],
            ["", "plots that applicants can", "", "Services", ""],
            ["", "check online.", "", "", ""],
            ["2", "Test the water supply on each", "Agreed", "Water Officer", "March 2027"],
            ["", "site before the growing", "", "", ""],
            ["", "season starts.", "", "", ""],
        ),
        [rec("1", R1, "agreed", ["Head of Allotment Services"], ["April 2027"]),
         rec("2", R3, "agreed", ["Water Officer"], ["March 2027"])],
    ),
    Shape(
        "box-drawing characters around the cells",
        PREAMBLE
        + "┌─────┬────────────────┬──────────┬──────┬───────────┐\n"
        + "│ Ref │ Recommendation │ Decision │ Lead │ Timescale │\n"
        + "├─────┼────────────────┼──────────┼──────┼───────────┤\n"
        + f"│     │ {BOARD} │ │ │ │\n"
        + f"│ 1 │ {R1} │ Agreed │ Plots Officer │ April 2027 │\n"
        + f"│ 2 │ {R3} │ Partly agreed │ Water Officer │ 2027/28 │\n"
        + "└─────┴────────────────┴──────────┴──────┴───────────┘\n",
        [rec("1", R1, "agreed", ["Plots Officer"], ["April 2027"]),
         rec("2", R3, "partly_agreed", ["Water Officer"], ["2027/28"])],
    ),
    Shape(
        "a column of dates under a heading that names no role",
        PREAMBLE
        + "\t".join(["No.", "Recommendation", "Agreed?", "Owner", "Milestone"]) + "\n"
        + f"\t{BOARD}\t\t\t\n"
        + "\t".join(["1", R1, "Agreed", "Plots Officer", "April 2027"]) + "\n"
        + "\t".join(["2", R2, "Agreed", "Estates Lead", "Completed"]) + "\n",
        [rec("1", R1, "agreed", ["Plots Officer"], ["April 2027"]),
         rec("2", R2, "agreed", ["Estates Lead"], ["Completed"])],
    ),
    Shape(
        "column numbers (1) to (5) under the header, repeated after a page break",
        PREAMBLE
        + "\t".join(["Ref", "Recommendation", "Agreed?", "Lead", "Timescale"]) + "\n"
        + "\t".join(["(1)", "(2)", "(3)", "(4)", "(5)"]) + "\n"
        + f"\t{BOARD}\t\t\t\n"
        + "\t".join(["1", R1, "Agreed", "Plots Officer", "April 2027"]) + "\n"
        + "Page 2 of 3\n"
        + "\t".join(["Ref", "Recommendation", "Agreed?", "Lead", "Timescale"]) + "\n"
        + "\t".join(["(1)", "(2)", "(3)", "(4)", "(5)"]) + "\n"
        + "\t".join(["2", R3, "Partly agreed", "Water Officer", "2027/28"]) + "\n",
        [rec("1", R1, "agreed", ["Plots Officer"], ["April 2027"]),
         rec("2", R3, "partly_agreed", ["Water Officer"], ["2027/28"])],
    ),
    Shape(
        "column numbers 1 2 3 under a header aligned by spaces, repeated after a page break",
        PREAMBLE
        + aligned(
            [6, 70, 15, 16, 12],
            ["No.", "Recommendation", "Decision", "Owner", "Target"],
            ["1", "2", "3", "4", "5"],
            ["", BOARD, "", "", ""],
            ["1", R1, "Agreed", "Plots Officer", "April 2027"],
            ["No.", "Recommendation", "Decision", "Owner", "Target"],
            ["1", "2", "3", "4", "5"],
            ["2", R2, "Not agreed", "Estates Lead", "N/A"],
        ),
        [rec("1", R1, "agreed", ["Plots Officer"], ["April 2027"]),
         rec("2", R2, "not_agreed", ["Estates Lead"], [])],
    ),
    Shape(
        "a group heading over two columns, its row holding fewer cells, repeated on a new page",
        PREAMBLE
        + "\t".join(["Ref", "Recommendation", "Response", "Lead", "Timescale"]) + "\n"
        + "\t".join(["", "", "Decision", "What we will do", "", ""]) + "\n"
        + f"\t{BOARD}\t\t\t\t\n"
        + "\t".join(["1", R1, "Agreed", "The list goes live in spring.", "Plots Officer",
                      "April 2027"]) + "\n"
        + "\t".join(["Ref", "Recommendation", "Response", "Lead", "Timescale"]) + "\n"
        + "\t".join(["", "", "Decision", "What we will do", "", ""]) + "\n"
        + "\t".join(["2", R2, "Partly agreed", "Six sites first.", "Estates Lead",
                      "2027/28"]) + "\n",
        [rec("1", R1, "agreed", ["Plots Officer"], ["April 2027"]),
         rec("2", R2, "partly_agreed", ["Estates Lead"], ["2027/28"])],
    ),
    Shape(
        "a group heading over two columns, an empty cell after it",
        PREAMBLE
        + "| No. | Recommendation | Response | | Owner | Target date |\n"
        + "| | | Agreed? | Narrative | | |\n"
        + f"| | {BOARD} | | | | |\n"
        + f"| 1 | {R1} | Accepted | We will build it. | Head of Plots | June 2027 |\n"
        + f"| 2 | {R3} | Not accepted | No budget this year. | Water Officer | N/A |\n",
        [rec("1", R1, "agreed", ["Head of Plots"], ["June 2027"]),
         rec("2", R3, "not_agreed", ["Water Officer"], [])],
    ),
    Shape(
        "a group heading over two columns, the words under it packed to the left",
        PREAMBLE
        + "\t".join(["No.", "Recommendation", "Response", "", "Owner", "Target date"]) + "\n"
        + "\t".join(["Decision", "Narrative", "", "", "", ""]) + "\n"
        + f"\t{BOARD}\t\t\t\t\n"
        + "\t".join(["1", R1, "Agreed", "The list goes live in spring.", "Plots Officer",
                      "April 2027"]) + "\n"
        + "\t".join(["2", R2, "Agreed", "All sites by summer.", "Estates Lead",
                      "August 2027"]) + "\n",
        [rec("1", R1, "agreed", ["Plots Officer"], ["April 2027"]),
         rec("2", R2, "agreed", ["Estates Lead"], ["August 2027"])],
    ),
    Shape(
        "two short owners on successive lines of a table of spaces, each with a target",
        PREAMBLE
        + aligned(
            [6, 40, 12, 20, 14],
            ["No.", "Recommendation", "Decision", "Owner", "Target"],
            ["", BOARD, "", "", ""],
            ["1", "Publish a waiting list for plots.", "Agreed", "Plots Officer", "April 2027"],
            ["", "", "", "Estates Lead", "June 2027"],
            ["2", "Test the water on each site.", "Agreed", "Water Officer", "May 2027"],
            ["", "", "", "Finance Partner", ""],
        ),
        [rec("1", "Publish a waiting list for plots.", "agreed",
             ["Plots Officer", "Estates Lead"], ["April 2027", "June 2027"]),
         rec("2", "Test the water on each site.", "agreed",
             ["Water Officer", "Finance Partner"], ["May 2027"])],
    ),
    Shape(
        "one owner wrapped over two lines of a table of spaces",
        PREAMBLE
        + aligned(
            [6, 40, 12, 20, 14],
            ["No.", "Recommendation", "Decision", "Owner", "Target"],
            ["", BOARD, "", "", ""],
            ["1", "Publish a waiting list for plots.", "Agreed", "Head of Allotment", "End of"],
            ["", "", "", "Services", "March 2027"],
            ["2", "Test the water on each site.", "Agreed", "Head of Parks and", "May 2027"],
            ["", "", "", "Open Spaces", ""],
        ),
        [rec("1", "Publish a waiting list for plots.", "agreed",
             ["Head of Allotment Services"], ["End of March 2027"]),
         rec("2", "Test the water on each site.", "agreed",
             ["Head of Parks and Open Spaces"], ["May 2027"])],
    ),
    Shape(
        "group headings on rows of their own in a table of spaces",
        PREAMBLE
        + aligned(
            [6, 46, 15, 18, 12],
            ["Ref", "Recommendation", "Decision", "Owner", "Target"],
            ["", BOARD, "", "", ""],
            ["", "Theme 1: Plots and waiting lists", "", "", ""],
            ["1", "Publish a waiting list for plots that", "Agreed", "Plots Officer", "April 2027"],
            ["", "applicants can check online.", "", "", ""],
            ["", "Theme 2: Access", "", "", ""],
            ["2", "Offer raised beds on every site for", "Agreed", "Estates Lead", "June 2027"],
            ["", "tenants who use a wheelchair.", "", "", ""],
            ["Water and the growing season", "", "", "", ""],
            [
                "3",
                "Test the water supply on each site",
                "Partly agreed",
                "Water Officer",
                "2027/28",
            ],
            ["", "before the growing season starts.", "", "", ""],
        ),
        [rec("1", R1, "agreed", ["Plots Officer"], ["April 2027"]),
         rec("2", R2, "agreed", ["Estates Lead"], ["June 2027"]),
         rec("3", R3, "partly_agreed", ["Water Officer"], ["2027/28"])],
    ),
    Shape(
        "group headings over a table of spaces with no number column",
        PREAMBLE
        + aligned(
            [46, 18, 12],
            ["Recommendation", "Who", "When"],
            [BOARD, "", ""],
            ["Theme 1: Plots", "", ""],
            ["Publish a waiting list for plots that", "Plots Officer", "April 2027"],
            ["applicants can check online.", "", ""],
            ["Access", "", ""],
            ["Offer raised beds on every site for", "Estates Lead", "June 2027"],
            ["tenants who use a wheelchair.", "", ""],
        ),
        [rec("1", R1, None, ["Plots Officer"], ["April 2027"]),
         rec("2", R2, None, ["Estates Lead"], ["June 2027"])],
    ),
]  # fmt: skip
