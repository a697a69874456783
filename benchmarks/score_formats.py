"""Score the gold documents in every format: each is rendered as HTML, Word and PDF, read back
and scored with ../shared/tools/score_extraction.py.

Run: .venv/bin/python benchmarks/score_formats.py"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "src"))

from followthrough.ingest.extract import extract  # noqa: E402
from followthrough.ingest.extract.formats import to_text  # noqa: E402
from tests.ingest.renderings import RENDERERS  # noqa: E402

SHARED = Path(os.environ.get("FOLLOWTHROUGH_SHARED", ROOT.parent / "shared"))


def main() -> int:
    tool = SHARED / "tools" / "score_extraction.py"
    spec = importlib.util.spec_from_file_location("score_extraction", tool)
    if spec is None or spec.loader is None or not tool.is_file():
        print(f"no scoring tool at {tool}")
        return 1
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    formats = {"text": lambda text: text.encode(), **RENDERERS}
    for gold_path in sorted((SHARED / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text())
        source = SHARED / "corpus" / gold["source"]
        scores = []
        for fmt, render in formats.items():
            text, _ = to_text(
                f"{source.stem}.{'txt' if fmt == 'text' else fmt}", render(source.read_text())
            )
            predicted = json.loads(json.dumps(extract(text, source.name).to_dict()))
            scores.append(f"{fmt} {scorer.score(gold, predicted)[1]:.3f}")
        print(f"{gold_path.stem}: {'  '.join(scores)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
