"""Response tables for the shape fuzz (tests/ingest/shape_generator.py builds the rest): the
columns a made-up plan prints, in which order and under which headers, each row with the record
a careful reader takes from it. Every word is ours."""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.ingest.shape_generator import (
    OWNERS,
    TARGETS,
    Generated,
    Table,
    Words,
    rec,
    responded,
    top,
)

# the decision vocabularies response tables print
AGREED = [("Agreed", "agreed"), ("Partly agreed", "partly_agreed"), ("Not agreed", "not_agreed")]
ACCEPTED = [("Accepted", "agreed"), ("Partially accepted", "partly_agreed"),
            ("Not accepted", "not_agreed")]  # fmt: skip


@dataclass
class Columns:
    owner: str = "Owner"
    target: str = "Target date"
    decision: str | None = "Decision"
    vocabulary: list[tuple[str, str]] = field(default_factory=lambda: AGREED)
    extras: list[str] = field(default_factory=list)  # progress, RAG, evidence, impact
    discussed: bool = False  # a column of dates the plan was discussed on
    two_row_header: bool = False
    several: bool = False  # several owners and dates, response paragraphs, in one row
    continued: bool = False  # a row carried on in a row of its own with an empty label
    paragraphs: int = 1  # of the response: many push rows over page breaks in a PDF
    owner_first: bool = False  # owner and target before the decision and the response


EXTRA_CELLS = {"Progress update": "Work has started on {}.", "RAG status": "Amber",
               "Evidence": "Minutes of the {} meeting.", "Impact": "Members say the {} helps.",
               "Progress against agreed actions": "A first draft of the {} is ready."}  # fmt: skip


def response_table(name: str, seed: int, columns: Columns, *, separator: str = "tab",
                   landscape: bool = False, repeat_header: bool = True,
                   family: str = "table", unruled: bool = False) -> Generated:  # fmt: skip
    w = Words(name, seed)
    heads = ["Ref", "Recommendation"]
    if columns.discussed:
        heads.append("Date discussed")
    if columns.decision:
        heads.append(columns.decision)
    heads += ["Response", columns.owner, columns.target, *columns.extras]
    order = list(range(len(heads)))
    if columns.owner_first:  # Ref, Recommendation, Owner, Target, Decision, Response
        order = [0, 1, len(heads) - 2, len(heads) - 1, *range(2, len(heads) - 2)]
        heads = [heads[i] for i in order]
    headers = [heads]
    if columns.two_row_header:
        headers = [[h.split(" ", 1)[0] for h in heads],
                   [h.split(" ", 1)[1] if " " in h else "" for h in heads]]  # fmt: skip
    rows: list[list[list[str]]] = [[[]] + [[f"{w.body} should:"]] + [[] for _ in heads[2:]]]
    expected = []
    for n in range(1, 5):
        words = w.action(n).capitalize()
        printed, decision = columns.vocabulary[(n - 1) % 3] if columns.decision else ("", None)
        many = columns.several and n % 2 == 1
        owners = w.rng.sample(OWNERS, 2 if many else 1)
        targets = [w.rng.choice(TARGETS) for _ in owners]
        response = [" ".join(w.sentence(12) for _ in range(3)) for _ in range(columns.paragraphs)]
        if many:
            response.append(w.sentence(9))
        cells: list[list[str]] = [[str(n)], [words]]
        if columns.discussed:
            cells.append([f"{10 + n} January 2027"])
        if columns.decision:
            cells.append([printed])
        cells += [response, owners, targets]
        cells += [[EXTRA_CELLS[e].format(w.objects[n].split()[-1]) if "{" in EXTRA_CELLS[e]
                   else EXTRA_CELLS[e]] for e in columns.extras]  # fmt: skip
        cells = [cells[i] for i in order]
        if columns.continued and n == 2:  # the rest of the row printed as a row of its own
            split = words.split()
            head, rest = " ".join(split[:5]), " ".join(split[5:])
            first = [c[:] for c in cells]
            first[1] = [head]
            second: list[list[str]] = [[] for _ in cells]
            second[1] = [rest]
            second[heads.index("Response")] = [w.sentence(10)]
            rows += [first, second]
        else:
            rows.append(cells)
        expected.append(responded(str(n), w.body, words, decision, owners, targets))
    table = Table(headers, rows, separator, landscape, repeat_header, unruled)
    text = f"A response to: A made-up inspection of {w.what}\n\nSubmitted: March 2027\n\n"
    return Generated(name, family, expected, kind="action_plan", text=text, table=table,
                     formats=("pdf",) if family == "pdf" else Generated.formats)  # fmt: skip


def list_table(name: str, seed: int) -> Generated:
    """A report's summary of recommendations printed as a table of number and recommendation."""
    w = Words(name, seed)
    rows: list[list[list[str]]] = [[[], [f"{w.body} should:"]]]
    expected = []
    for n in range(1, 5):
        words = w.action(n)
        rows.append([[str(n)], [words]])
        expected.append(rec(str(n), w.body, words))
    text = top(w) + "## Summary of recommendations\n\n"
    return Generated(name, "table", expected, text=text,
                     table=Table([["No.", "Recommendation"]], rows))  # fmt: skip
