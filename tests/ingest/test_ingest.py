"""Storing documents: idempotent, one transaction each, refusing what is not of the genre."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction

from followthrough.actionplans.models import Action, ActionPlan, ProgressUpdate, Response
from followthrough.core.models import DomainEvent, SourceDocument
from followthrough.ingest import loaders
from followthrough.ingest.sample import sample_action_plan
from followthrough.ingest.services import AlreadyImported, IngestError
from followthrough.inspections.models import Recommendation, Report
from tests.actionplans.factories import make_sample_plan
from tests.conftest import corpus_file, ingest_text


def counts() -> dict[str, int]:
    return {
        m.__name__: m.objects.count()
        for m in (SourceDocument, Report, Recommendation, ActionPlan, Response, Action)
    }


def plan_text(title: str = "A thematic inspection of sample work") -> str:
    return sample_action_plan(title=title, today=date(2026, 1, 15))


def test_ingesting_a_plan_creates_its_report_recommendations_responses_and_actions(db):
    result = ingest_text(plan_text(), "plan.txt")
    assert result.status == "created"
    report = Report.objects.get()
    assert report.created_from_action_plan
    assert report.recommendations.count() == result.recommendations == 8
    assert Response.objects.count() == 8
    assert Action.objects.count() == result.actions > 8
    assert DomainEvent.objects.filter(code="ingest.action_plan.created").count() == 1


def test_the_same_file_twice_creates_nothing_new(db):
    ingest_text(plan_text(), "plan.txt")
    before = counts()
    again = ingest_text(plan_text(), "plan.txt")
    assert again.status == "unchanged"
    assert counts() == before


def test_the_command_line_offers_replace_for_a_changed_file(db, tmp_path):
    """The web says a different version is already imported; the command names its flag."""
    ingest_text(plan_text(), "plan.txt")
    path = tmp_path / "plan.txt"
    path.write_text(plan_text().replace("report progress", "report on progress"))
    with pytest.raises(CommandError, match="use --replace to re-import it"):
        call_command("ingest", str(path))


def test_a_changed_file_is_refused_unless_replaced(db):
    ingest_text(plan_text(), "plan.txt")
    changed = plan_text().replace("report progress", "report on progress")
    with pytest.raises(AlreadyImported, match="a different version of this file is already"):
        ingest_text(changed, "plan.txt")
    result = ingest_text(changed, "plan.txt", replace=True)
    assert result.status == "replaced"
    assert SourceDocument.objects.count() == 1
    assert ActionPlan.objects.count() == 1
    assert Response.objects.count() == 8
    assert "report on progress" in Response.objects.first().narrative


def test_replacing_a_plan_with_progress_recorded_is_refused(db):
    ingest_text(plan_text(), "plan.txt")
    ProgressUpdate.objects.create(
        action=Action.objects.first(), date=date(2026, 2, 1), text="Done the first part."
    )
    with pytest.raises(IngestError, match="progress"):
        ingest_text(plan_text().replace("quarter", "month"), "plan.txt", replace=True)


def test_a_failure_half_way_leaves_no_rows(db, monkeypatch):
    original = loaders.response_load
    calls = {"n": 0}

    def failing(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise RuntimeError("disk full")
        return original(*args, **kwargs)

    monkeypatch.setattr(loaders, "response_load", failing)
    before = counts()
    with pytest.raises(RuntimeError, match="disk full"):
        ingest_text(plan_text(), "plan.txt")
    assert calls["n"] == 4
    assert counts() == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01binary", "binary"),
        (b"\xff\xfe\xfa not utf8 text", "UTF-8"),
        (b"Minutes of the allotment society\n\nApples\tPears\n", "not an inspection document"),
    ],
)
def test_unreadable_or_unrelated_files_are_refused_and_nothing_is_stored(db, content, message):
    with pytest.raises(IngestError, match=message):
        from followthrough.ingest.services import document_ingest

        document_ingest(file_name="odd.txt", content=content)
    assert counts()["SourceDocument"] == 0


def test_files_over_the_size_limit_are_refused(db, settings):
    settings.INGEST_MAX_BYTES = 100
    with pytest.raises(IngestError, match="limit"):
        ingest_text(plan_text(), "plan.txt")


def test_a_report_and_its_plan_share_recommendations(db):
    report = (
        "# A thematic inspection of sample work\n\nPublished May 2025\n\n## Recommendations\n\n"
        "#### The Ministry of Justice should:\n\n- 1. do the first thing (Paragraph 1.2)\n"
        "- 2. do the second thing (Paragraph 1.3)\n"
    )
    ingest_text(report, "report.txt")
    ingest_text(plan_text(), "plan.txt")
    assert Report.objects.count() == 1
    rec = Recommendation.objects.get(label="1", section="main")
    assert rec.paragraph_refs == ["1.2"]
    assert rec.responses.count() == 1
    assert Recommendation.objects.count() == 8


def test_cli_extract_prints_the_spec_json_without_touching_the_database(db, tmp_path, capsys):
    path = tmp_path / "plan.txt"
    path.write_text(plan_text())
    call_command("extract", str(path))
    payload = json.loads(capsys.readouterr().out)
    assert payload["source"] == "plan.txt"
    assert payload["document"]["kind"] == "action_plan"
    first = payload["recommendations"][0]
    assert {"label", "section", "addressee", "text", "items", "response", "provenance"} <= set(
        first
    )
    assert counts()["SourceDocument"] == 0


def test_cli_extract_of_several_files_prints_an_array(db, tmp_path, capsys):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(plan_text())
    call_command("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert [p["source"] for p in json.loads(capsys.readouterr().out)] == ["a.txt", "b.txt"]


def test_cli_errors_are_one_line(db, tmp_path):
    bad = tmp_path / "notes.txt"
    bad.write_text("Just some notes.\n")
    with pytest.raises(CommandError, match=r"^notes\.txt: not an inspection document"):
        call_command("ingest", str(bad), verbosity=0)
    with pytest.raises(CommandError, match="no such file"):
        call_command("extract", str(tmp_path / "missing.txt"))


def test_cli_ingest_summarises_and_is_idempotent(db, tmp_path, capsys):
    path = tmp_path / "plan.txt"
    path.write_text(plan_text())
    call_command("ingest", str(path), verbosity=0)
    assert "Ingested 8 recommendations, 8 responses" in capsys.readouterr().out
    call_command("ingest", str(path), verbosity=0)
    assert "already ingested" in capsys.readouterr().out


def test_corpus_ingests_and_resolves_owners(corpus_ingested):
    statuses = {r.file_name[:3]: r.status for r in corpus_ingested}
    assert statuses["000"] == "created" and statuses["001"] == "created"
    assert ActionPlan.objects.count() == 2
    yjb_actions = Action.objects.filter(owner_organisation__short_name="YJB")
    reports = set(yjb_actions.values_list("response__action_plan__source__file_name", flat=True))
    assert reports == {corpus_file("000").name, corpus_file("003").name}
    plan = ActionPlan.objects.get(source__file_name=corpus_file("000").name)
    assert plan.notes and "duplicate" in plan.notes[0]
    assert plan.responses.filter(recommendation__section="additional").count() == 7


def stored_plans() -> list[dict]:
    """Every field the workflow tests read of the plans stored, organisations by short name."""

    def row(record, *names: str) -> dict:
        values = {name: getattr(record, name) for name in names}
        return {k: v.short_name if hasattr(v, "short_name") else v for k, v in values.items()}

    provenance = ("source_start", "source_end")
    plans = ActionPlan.objects.select_related("report", "source").order_by("pk")
    return [
        {
            "source": row(plan.source, "file_name", "text", "kind", "format", "size"),
            "report": row(plan.report, "title", "kind", "published", "published_precision")
            | row(plan.report, "created_from_action_plan", "source_id"),
            "plan": row(plan, "title", "submitted", "status", "decision_vocabulary", "notes")
            | row(plan, "coordinating_organisation", *provenance),
            "recommendations": [
                row(r, "section", "label", "label_inferred", "order", "addressee_text", "text")
                | row(r, "items", "paragraph_refs", "themes", "notes", *provenance)
                | {"addressees": sorted(o.short_name for o in r.addressees.all())}
                for r in plan.report.recommendations.order_by("order", "pk")
            ],
            "responses": [
                row(r, "responding_organisation", "oversight_organisation", "decision")
                | row(r, "decision_text", "narrative", "reason_categories", "agreed_part")
                | row(r, *provenance)
                | {"label": r.recommendation.label}
                for r in plan.responses.order_by("recommendation__order", "recommendation__pk")
            ],
            "actions": [
                row(a, "order", "description", "measure", "owner_text", "owner_organisation")
                | row(a, "target_text", "target_kind", "target_value", "due_date", "status")
                | row(a, "original_target_text", "completed_on", "evidence", *provenance)
                | {"label": a.response.recommendation.label}
                for a in Action.objects.filter(response__action_plan=plan).order_by(
                    "response__recommendation__order", "response__recommendation__pk", "order"
                )
            ],
        }
        for plan in plans
    ]


# Each case is a list of plans (recommendations, seed). (A second plan answering the same report
# for the same bodies is the first one's next version: tests/ingest/test_revised_plan.py.)
@pytest.mark.parametrize("plans", [[(8, 1)], [(16, 0)], [(23, 7)], [(160, 3)]])
def test_the_sample_plan_ingests_to_the_records_the_workflow_tests_build(db, plans):
    """The workflow tests build the sample plan from factories; ingesting its text must make the
    very same records, or those tests would be testing a plan no import produces."""
    today = date.today()
    title = "A thematic inspection of sample work"
    with transaction.atomic():
        for recommendations, seed in plans:
            make_sample_plan(
                title=title,
                today=today,
                recommendations=recommendations,
                seed=seed,
                file_name=f"plan_{recommendations}.txt",
                report=Report.objects.filter(title=title).first(),
            )
        built = stored_plans()
        transaction.set_rollback(True)
    for recommendations, seed in plans:
        text = sample_action_plan(
            title=title, today=today, recommendations=recommendations, seed=seed
        )
        ingest_text(text, f"plan_{recommendations}.txt")
    assert stored_plans() == built
