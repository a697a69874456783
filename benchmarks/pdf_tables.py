"""PDF tables: made-up plans printed as paginated PDFs (rows forced over page breaks, header
repeated or not, portrait and landscape; tests/ingest/paged_plans.py), each read back, timed and
scored against the plan it was made from with ../shared/tools/score_extraction.py. Figures only.

Run alone: .venv/bin/python benchmarks/pdf_tables.py"""

from __future__ import annotations

import importlib.util
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("FOLLOWTHROUGH_SHARED", ROOT.parent / "shared"))


def bench_pdf_tables(runs: int = 3) -> None:
    from followthrough.ingest.extract import ExtractionError, extract
    from followthrough.ingest.extract.formats import to_text
    from tests.ingest import paged_plans as paged

    tool = SHARED / "tools" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", tool)
    if spec is None or spec.loader is None or not tool.is_file():
        print(f"PDF tables: no scoring tool at {tool}; skipped")
        return
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    print("PDF tables: made-up plans printed over several pages, read back and scored")
    scores = []
    for shape in paged.SHAPES:
        rows = paged.rows_for(shape)
        content = paged.as_pdf(shape, rows)
        timings, text = [], ""
        for _ in range(runs):
            start = time.perf_counter()
            text, _ = to_text("plan.pdf", content)
            timings.append(time.perf_counter() - start)
        try:
            predicted = json.loads(json.dumps(extract(text, "plan.pdf").to_dict()))
        except ExtractionError:
            predicted = {"recommendations": []}
        score = scorer.score(paged.gold(rows), predicted)[1]
        scores.append((score, shape.name))
        print(f"  {score:.3f}  {statistics.median(timings) * 1000:7.1f} ms  {shape.name}")
    worst = min(scores)
    print(f"  mean {statistics.mean(s for s, _ in scores):.3f}, worst {worst[0]:.3f} ({worst[1]})")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    bench_pdf_tables()
