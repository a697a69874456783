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


def test_the_header_is_read_once_and_every_row_is_one_line(printed):
    _, rows, text = printed
    table = [line.split("\t") for line in text.split("\n") if "\t" in line]
    assert [cells[0] for cells in table] == ["Ref", "", *(row.label for row in rows)]
    for cells, row in zip(table[2:], rows, strict=True):
        assert cells[2] == row.decision


def test_paragraphs_of_a_cell_stay_paragraphs_across_the_page(printed):
    _, rows, text = printed
    table = [line.split("\t") for line in text.split("\n") if "\t" in line][2:]
    for cells, row in zip(table, rows, strict=True):
        expected = "".join(f"<p>{p}</p>" for p in row.response)
        assert cells[3] == expected
        assert cells[4] == (row.leads[0] if len(row.leads) == 1
                            else "".join(f"<p>{p}</p>" for p in row.leads))  # fmt: skip
