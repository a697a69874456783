"""Every format people send reads to the same records: text, HTML, Word and PDF, and the plan
exports round-trip back into the plan they came from."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date

import pytest
from django.db import transaction

from followthrough.actionplans.models import ActionPlan
from followthrough.core.models import SourceDocument
from followthrough.ingest.extract import ExtractionError, extract
from followthrough.ingest.extract.formats import sniff_format, to_text
from followthrough.ingest.services import IngestError, document_ingest
from followthrough.reporting.exports import plan_docx, plan_pdf
from tests.conftest import CORPUS, GOLD, load_scorer, needs_corpus
from tests.ingest import made_documents as made
from tests.ingest.renderings import RENDERERS

GOLD_FILES = sorted(GOLD.glob("*.json")) if GOLD.is_dir() else []

MAKERS = {
    "text": lambda: made.as_text().encode(),
    "html": lambda: made.as_html().encode(),
    "docx": made.as_docx,
    "pdf": made.as_pdf,
}
SUFFIX = {"text": "txt", "html": "html", "docx": "docx", "pdf": "pdf"}


def records(extraction) -> list[tuple]:
    return [
        (
            r.section,
            r.label,
            r.response.decision,
            [(a.owner, a.target_text) for a in r.response.actions],
        )
        for r in extraction.recommendations
    ]


@pytest.mark.parametrize("fmt", list(MAKERS))
def test_every_format_gives_the_same_records(fmt):
    content = MAKERS[fmt]()
    text, found = to_text(f"plan.{SUFFIX[fmt]}", content)
    assert found == fmt
    extraction = extract(text, f"plan.{SUFFIX[fmt]}")
    assert records(extraction) == made.EXPECTED
    rec2 = extraction.recommendations[1]
    assert rec2.text.endswith("a quiet space for children who need one.")
    assert "next spending review" in rec2.response.text
    assert extraction.recommendations[0].addressee == "The Department for Music"
    assert extraction.document.submitted == "2026-03-03"


def test_the_format_is_read_from_the_bytes_not_the_name():
    assert sniff_format("plan.txt", made.as_docx()) == "docx"
    assert sniff_format("plan.docx", made.as_pdf()) == "pdf"
    assert sniff_format("plan", made.as_html().encode()) == "html"
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("notes.txt", "hello")
    with pytest.raises(ExtractionError, match="zip archive but not a Word document"):
        sniff_format("plan.docx", archive.getvalue())


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("plan.docx", b"PK\x03\x04 broken", "this Word document could not be read: it may be"),
        ("plan.pdf", b"%PDF-1.7 nothing else", "this PDF could not be read: it may be damaged"),
        ("plan.pdf", b"\x00\x01 not a PDF at all", "this PDF could not be read: it may be damaged"),
        ("plan.rtf", b"{\\rtf1 hello}", ".rtf files are not read"),
    ],
)
def test_broken_files_are_refused_with_the_reason(db, name, content, message):
    with pytest.raises(IngestError, match=message), transaction.atomic():
        document_ingest(file_name=name, content=content)
    assert not SourceDocument.objects.exists()


def test_a_word_plan_is_ingested_with_its_format_and_offsets(db):
    content = made.as_docx()
    with transaction.atomic():
        result = document_ingest(file_name="made.docx", content=content)
    assert result.status == "created" and result.recommendations == 3
    source = SourceDocument.objects.get()
    assert source.format == "docx"
    plan = ActionPlan.objects.get()
    response = plan.responses.get(recommendation__label="2", recommendation__section="main")
    passage = source.text[response.source_start : response.source_end]
    assert "quiet space" in passage
    with transaction.atomic():
        again = document_ingest(file_name="made-copy.docx", content=content)
    assert again.status == "unchanged" and SourceDocument.objects.count() == 1


def plan_records(plan: ActionPlan) -> list[tuple]:
    out = []
    for response in plan.responses.select_related("recommendation").order_by(
        "recommendation__section", "recommendation__order"
    ):
        actions = [(a.owner_text, a.target_text) for a in response.actions.order_by("order")]
        out.append((response.recommendation.section, response.recommendation.label,
                    response.decision, actions))  # fmt: skip
    return sorted(out)


@pytest.mark.parametrize("export", [plan_docx, plan_pdf], ids=["docx", "pdf"])
def test_plan_exports_round_trip_to_the_same_plan(sample_plan, export):
    plan = ActionPlan.objects.get()
    content = export(plan, today=date.today())
    text, _ = to_text("export", content)
    extraction = extract(text, "export")
    again = sorted(
        (r.section, r.label, r.response.decision,
         [(a.owner or "", a.target_text or "") for a in r.response.actions])
        for r in extraction.recommendations
    )  # fmt: skip
    assert again == plan_records(plan)


@needs_corpus
@pytest.mark.skipif(not GOLD_FILES, reason="no gold files in shared/gold on this machine")
@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
@pytest.mark.parametrize("gold_path", GOLD_FILES, ids=lambda p: p.stem)
def test_the_gold_documents_score_as_well_in_every_format(gold_path, fmt):
    scorer = load_scorer()
    gold = json.loads(gold_path.read_text())
    source = CORPUS / gold["source"]
    if not source.is_file():
        pytest.skip(f"{source} is not present")
    content = RENDERERS[fmt](source.read_text())
    text, found = to_text(f"{source.stem}.{fmt}", content)
    assert found == fmt
    predicted = json.loads(json.dumps(extract(text, source.name).to_dict()))
    lines, overall = scorer.score(gold, predicted)
    assert overall >= 0.95, "\n".join(lines)


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_headings_survive_so_guides_and_findings_read_the_same(fmt):
    from tests.ingest.test_findings import MADE as REPORT
    from tests.ingest.test_practice import GUIDE

    for source, name in ((GUIDE, "guide"), (REPORT, "report")):
        expected = extract(source, f"{name}.txt").to_dict()
        text, _ = to_text(f"{name}.{fmt}", RENDERERS[fmt](source))
        got = extract(text, f"{name}.{fmt}").to_dict()
        for key in ("practice_examples", "findings", "reflection_questions", "standards"):
            strip = [
                {k: v for k, v in x.items() if k != "provenance"} for x in expected.get(key, [])
            ]
            again = [{k: v for k, v in x.items() if k != "provenance"} for x in got.get(key, [])]
            assert again == strip, (name, key)
