"""Plans printed as paginated PDFs by other tools read as the table they are: a row broken
over a page joins back, the header repeated on each page is read once, a remainder with no
ruling above it is still part of its row, in portrait and landscape, cells of several
paragraphs kept as paragraphs. Each shape is scored against the plan it was made from."""

from __future__ import annotations

import json

import pytest

from followthrough.ingest.extract import extract
from followthrough.ingest.extract.formats import to_text
from tests.conftest import load_scorer
from tests.ingest import paged_plans as paged


@pytest.fixture(scope="module", params=paged.SHAPES, ids=lambda s: s.name)
def printed(request):
    shape = request.param
    rows = paged.rows_for(shape)
    text, kind = to_text("plan.pdf", paged.as_pdf(shape, rows))
    assert kind == "pdf"
    return shape, rows, text


def test_each_shape_scores_as_the_plan_it_was_made_from(printed):
    _, rows, text = printed
    predicted = json.loads(json.dumps(extract(text, "plan.pdf").to_dict()))
    lines, overall = load_scorer().score(paged.gold(rows), predicted)
    assert overall >= 0.95, "\n".join(lines)


def _rows(shape: paged.Shape, text: str) -> list[list[str]]:
    """The table's rows after its header and addressee rows; a row the source printed as two
    (the second with an empty label cell) folded together as the extractors fold it."""
    table = [line.split("\t") for line in text.split("\n") if "\t" in line]
    header = 2 if shape.two_row_header else 1
    assert [cells[0] for cells in table[:header]] == ["Ref", "(1)"][:header]
    assert table[header][1] == f"{paged.ADDRESSEE} should:"
    rows: list[list[str]] = []
    for cells in table[header + 1 :]:
        if not cells[0] and shape.closed:
            rows[-1] = [a + b for a, b in zip(rows[-1], cells, strict=True)]
        else:
            rows.append(cells)
    return rows


def test_the_header_is_read_once_and_every_row_is_one_line(printed):
    shape, rows, text = printed
    read = _rows(shape, text)
    assert [cells[0] for cells in read] == [row.label for row in rows]
    assert [cells[2] for cells in read] == [row.decision for row in rows]


def _fragment(paragraphs: list[str]) -> str:
    return paragraphs[0] if len(paragraphs) == 1 else "".join(f"<p>{p}</p>" for p in paragraphs)


def test_paragraphs_of_a_cell_stay_paragraphs_across_the_page(printed):
    shape, rows, text = printed
    for cells, row in zip(_rows(shape, text), rows, strict=True):
        if shape.closed and len(row.leads) > 1:  # printed as two rows: two fragments
            half = len(row.response) // 2
            assert cells[3] == _fragment(row.response[:half]) + _fragment(row.response[half:])
            assert cells[4] == "".join(row.leads)
            continue
        assert cells[3] == _fragment(row.response)
        assert cells[4] == _fragment(row.leads)


def test_a_remainder_printed_with_no_ruling_is_read_into_its_row():
    """Page 1 ends inside row 2 (no rule under it); page 2 carries on with plain lines in the
    table's columns and no ruling at all, then a paragraph across the page."""
    from followthrough.ingest.extract.formats.pdf import _document, _render
    from followthrough.ingest.extract.formats.pdf_page import PageContent, Rule, Run
    from followthrough.ingest.extract.formats.pdf_tables import find_tables

    columns = [40.0, 80.0, 300.0, 500.0]
    rules = [Rule(x, 100, x, 800) for x in columns]
    rules += [Rule(40, y, 500, y) for y in (100, 120, 200)]
    first = [Run("Ref", 45, 105, 60, 114), Run("Recommendation", 85, 105, 160, 114),
             Run("Lead", 305, 105, 330, 114),
             Run("1", 45, 125, 50, 134), Run("Open the reading room", 85, 125, 200, 134),
             Run("Head of Branches", 305, 125, 390, 134),
             Run("2", 45, 205, 50, 214), Run("Extend opening hours on", 85, 785, 210, 794),
             Run("Outreach Manager", 305, 205, 390, 214)]  # fmt: skip
    second = [Run("weekends in every branch.", 85, 40, 220, 49),
              Run("Digital Lead", 305, 40, 360, 49),
              Run("A closing paragraph that runs right across the page width.", 40, 90, 480,
                  99)]  # fmt: skip
    pages = []
    for page_rules, runs in ((rules, first), ([], second)):
        content = PageContent(595, 842, runs, page_rules)
        left = list(runs)
        pages.append((content, left, find_tables(page_rules, left, 842)))
    text = "\n\n".join(_render(block) for block in _document(pages))
    assert text.split("\n") == [
        "Ref\tRecommendation\tLead",
        "1\tOpen the reading room\tHead of Branches",
        "2\tExtend opening hours on weekends in every branch.\t"
        "<p>Outreach Manager</p><p>Digital Lead</p>",
        "",
        "A closing paragraph that runs right across the page width.",
    ]


def test_a_border_round_the_page_is_not_read_as_a_table():
    """A page border (or a frame round the plan) encloses the table: its sides are not columns
    and the text inside it but outside the table stays paragraphs."""
    from followthrough.ingest.extract.formats.pdf import _document, _render
    from followthrough.ingest.extract.formats.pdf_page import PageContent, Rule, Run
    from followthrough.ingest.extract.formats.pdf_tables import find_tables

    border = [Rule(20, 20, 575, 20), Rule(20, 820, 575, 820),
              Rule(20, 20, 20, 820), Rule(575, 20, 575, 820)]  # fmt: skip
    table = [Rule(x, 100, x, 160) for x in (40.0, 80.0, 300.0)]
    table += [Rule(40, y, 300, y) for y in (100, 120, 160)]
    runs = [Run("Our action plan for the libraries", 40, 50, 250, 59),
            Run("Ref", 45, 105, 60, 114), Run("Recommendation", 85, 105, 160, 114),
            Run("1", 45, 125, 50, 134), Run("Open the reading room", 85, 125, 200, 134),
            Run("Signed by the board.", 40, 200, 150, 209)]  # fmt: skip
    left = list(runs)
    content = PageContent(595, 842, runs, border + table)
    pages = [(content, left, find_tables(border + table, left, 842))]
    text = "\n\n".join(_render(block) for block in _document(pages))
    assert text == (
        "Our action plan for the libraries\n\nRef\tRecommendation\n"
        "1\tOpen the reading room\n\nSigned by the board."
    )


def test_a_table_moved_across_by_mirrored_margins_still_joins_its_next_page():
    from followthrough.ingest.extract.formats.pdf import _document, _render
    from followthrough.ingest.extract.formats.pdf_page import PageContent, Rule, Run
    from followthrough.ingest.extract.formats.pdf_tables import find_tables

    def page(shift: float, label: str, words: str) -> tuple:
        columns = [40 + shift, 80 + shift, 300 + shift]
        rules = [Rule(x, 100, x, 160) for x in columns]
        rules += [Rule(columns[0], y, columns[-1], y) for y in (100, 120, 160)]
        runs = [Run("Ref", 45 + shift, 105, 60 + shift, 114),
                Run("Recommendation", 85 + shift, 105, 160 + shift, 114),
                Run(label, 45 + shift, 125, 50 + shift, 134),
                Run(words, 85 + shift, 125, 200 + shift, 134)]  # fmt: skip
        left = list(runs)
        return PageContent(595, 842, runs, rules), left, find_tables(rules, left, 842)

    pages = [page(0, "1", "Open the reading room"), page(18, "2", "Extend opening hours")]
    text = "\n\n".join(_render(block) for block in _document(pages))
    assert text == "Ref\tRecommendation\n1\tOpen the reading room\n2\tExtend opening hours"


def test_rules_between_paragraphs_of_prose_are_not_a_table():
    from followthrough.ingest.extract.formats.pdf import _document, _render
    from followthrough.ingest.extract.formats.pdf_page import PageContent, Rule, Run
    from followthrough.ingest.extract.formats.pdf_row_rules import find_row_ruled

    rules = [Rule(40, y, 555, y) for y in (100, 300, 500)]
    runs = [Run("The libraries opened longer on weekends.", 40, 110, 400, 119),
            Run("Volunteers ran story sessions in every branch.", 40, 310, 430, 319),
            Run("The board will review the plan each quarter.", 40, 510, 420, 519)]  # fmt: skip
    left = list(runs)
    pages = [(PageContent(595, 842, runs, rules), left, [])]
    find_row_ruled(pages)
    assert pages[0][2] == []
    text = "\n\n".join(_render(block) for block in _document(pages))
    assert "\t" not in text and text.count("\n\n") == 2


def test_a_line_with_gutters_heads_a_table_only_when_it_names_the_columns_of_one():
    from followthrough.ingest.extract.formats.pdf_page import Run
    from followthrough.ingest.extract.formats.pdf_tables import lines_of
    from followthrough.ingest.extract.formats.pdf_unruled import _header

    def line(*words: tuple[float, str]):  # type: ignore[no-untyped-def]
        runs = [Run(text, x, 100.0, x + 6.0 * len(text), 109.0) for x, text in words]
        return lines_of(runs)[0]

    header = line((40, "No."), (80, "Recommendation"), (300, "Lead"), (400, "Target date"))
    assert _header(header) == [40, 80, 300, 400]
    prose = line((40, "Our"), (80, "recommendations"), (300, "follow"), (400, "below"))
    assert _header(prose) is None
    words = line((40, "Recommendation"), (127, "Lead"), (155, "Target"))  # word gaps only
    assert _header(words) is None
