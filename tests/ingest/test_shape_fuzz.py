"""Generated recommendation lists, prose responses and response tables in every shape issue 16
lists (tests/ingest/shape_generator.py), written out as text, HTML, Word and PDF (portrait and
landscape, rows forced across page breaks) and read back, each scored with the shared scorer
against what was generated. The seed is fixed, so the documents are the same on every run.

Each case must reach its format's floor; the shapes the extractors do not yet read well are
listed with the score they reach today, so a fall is caught and a rise passes."""

from __future__ import annotations

from functools import cache

import pytest

from tests.conftest import load_scorer
from tests.ingest.shape_generator import generate
from tests.ingest.shape_renderers import cases, read_back, report

SEED = 16
SHAPES = {shape.name: shape for shape in generate(SEED)}
CASES = [(shape.name, fmt) for shape, fmt in cases(list(SHAPES.values()))]
FLOOR = {"text": 0.95, "html": 0.95, "docx": 0.95, "pdf": 0.95}
# what the extractors reach today (issue 16 aims at 0.95): raise these as the shapes below are read
MEAN_FLOOR = {"text": 0.99, "html": 0.99, "docx": 0.99, "pdf": 0.99}
# shapes not yet read well, with the lowest score any format gives them today
KNOWN_LOW: dict[str, float] = {}


@cache
def scored(name: str, fmt: str) -> tuple[float, str]:
    shape = SHAPES[name]
    predicted = read_back(shape, fmt)
    lines, overall = load_scorer().score(shape.gold(), predicted)
    got = [(r["label"], r.get("addressee"), r.get("text")) for r in predicted["recommendations"]]
    return overall, "\n".join([*lines, *map(repr, got), *predicted.get("warnings", [])[:5]])


@pytest.mark.parametrize(("name", "fmt"), CASES, ids=[f"{f}-{n}" for n, f in CASES])
def test_each_generated_shape_reads_back_in_each_format(name: str, fmt: str) -> None:
    overall, detail = scored(name, fmt)
    floor = min(FLOOR[fmt], KNOWN_LOW.get(name, 1.0))
    assert overall >= floor, f"{name} ({fmt}) scored {overall:.3f}\n{detail}"


def test_the_mean_per_format_and_the_worst_shapes_are_reported(capsys) -> None:
    scores = {(name, fmt): scored(name, fmt)[0] for name, fmt in CASES}
    with capsys.disabled():
        print("\n" + "\n".join(report(scores)))
    for fmt, floor in MEAN_FLOOR.items():
        values = [v for (_, f), v in scores.items() if f == fmt]
        assert sum(values) / len(values) >= floor, fmt
