"""Shape fuzz: made-up recommendation lists, prose responses and response tables in every shape
issue 16 lists (tests/ingest/shape_generator.py), written out as text, HTML, Word and PDF and read
back, each scored against what was generated with ../shared/tools/score_extraction.py. Prints the
mean, the mean per format and the worst shapes. Figures only.

Run alone: .venv/bin/python benchmarks/shape_fuzz.py [--seed N] [--worst N] [--pdf-limit N]"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("FOLLOWTHROUGH_SHARED", ROOT.parent / "shared"))


def bench_shape_fuzz(seed: int = 16, worst: int = 10, pdf_limit: int = 80) -> None:
    from tests.ingest.shape_generator import generate
    from tests.ingest.shape_renderers import cases, read_back, report

    tool = SHARED / "tools" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", tool)
    if spec is None or spec.loader is None or not tool.is_file():
        print(f"shape fuzz: no scoring tool at {tool}; skipped")
        return
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    start = time.perf_counter()
    scores = {}
    for shape, fmt in cases(generate(seed), pdf_limit):
        scores[(shape.name, fmt)] = scorer.score(shape.gold(), read_back(shape, fmt))[1]
    for line in report(scores, worst):
        print(line)
    print(f"  seed {seed}, {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument("--worst", type=int, default=10)
    parser.add_argument("--pdf-limit", type=int, default=80)
    args = parser.parse_args()
    bench_shape_fuzz(args.seed, args.worst, args.pdf_limit)
