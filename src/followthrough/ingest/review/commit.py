"""Review before commit: a document is read and shown, a person corrects what the extractor got
wrong, and only then is it stored, in one transaction, with each correction in the history of
the record it changed."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone

from followthrough.actionplans.models import Action, ActionPlan, Decision, Response
from followthrough.actionplans.services import version_refresh
from followthrough.core.events import record_event
from followthrough.core.models import SourceDocument
from followthrough.inspections.models import Recommendation, Report
from followthrough.organisations.services import organisations_resolve

from ..extract import ExtractionError, extract, parse_target
from ..extract.types import Extraction
from ..models import ImportReview
from ..services import IngestError, IngestResult, document_decode, document_store
from .reading import read_as_asked, remembered_reading

CHANGE_REASON = "Corrected in review before import"
LONGEST = {"addressee": 500, "owner": 500, "target": 1000}  # the columns' lengths


@dataclass(frozen=True)
class DocumentRead:
    """A file read and understood, not yet kept: reading writes nothing."""

    name: str
    sha256: str
    format: str
    size: int
    text: str
    extraction: Extraction
    reading: dict[str, Any]


def review_read(
    *, file_name: str, content: bytes, progress: Callable[[], None] | None = None
) -> DocumentRead:
    """Read a file as the review will show it, or IngestError saying in one line why it is
    refused. progress is told when the text is read and the records are being found."""
    name = Path(file_name).name
    sha = hashlib.sha256(content).hexdigest()
    known = SourceDocument.objects.filter(sha256=sha).first()
    if known is not None:
        raise IngestError(
            f"{name}: this document is already imported (as {known.file_name}, "
            f"{known.created_at:%-d %B %Y})"
        )
    text, fmt = document_decode(file_name=name, content=content)
    if progress is not None:
        progress()
    try:
        extraction = extract(text, name)
    except ExtractionError as exc:
        raise IngestError(f"{name}: {exc}") from exc
    if not extraction.supported:
        raise IngestError(f"{name}: {'; '.join(extraction.warnings)}")
    extraction, reading = remembered_reading(text, name, extraction)
    return DocumentRead(name, sha, fmt, len(content), text, extraction, reading)


def review_keep(*, read: DocumentRead, actor: Any) -> ImportReview:
    """Keep what was read for review; nothing of the document is stored as records yet."""
    review = ImportReview.objects.create(
        file_name=read.name,
        sha256=read.sha256,
        format=read.format,
        size=read.size,
        kind=read.extraction.document.kind,
        text=read.text,
        extraction=read.extraction.to_dict(),
        reading=read.reading,
        created_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    record_event(review, "ingest.review.started", actor=actor, data={"file": read.name})
    return review


def review_start(*, file_name: str, content: bytes, actor: Any) -> ImportReview:
    """Read a file and keep what was understood for review, or IngestError saying in one line
    why a file is refused."""
    return review_keep(read=review_read(file_name=file_name, content=content), actor=actor)


def review_extraction(review: ImportReview) -> Extraction:
    """The extraction again, from the stored text, read as the reviewer asked: the extractors
    are deterministic."""
    return read_as_asked(review.text, review.file_name, review.reading or {})


def _changes(
    extraction: Extraction, posted: dict[str, str]
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """What the reviewer changed, field by field, and the errors in what they typed."""
    changes: list[dict[str, Any]] = []
    errors: dict[str, str] = {}
    for i, rec in enumerate(extraction.recommendations):
        where = {"index": i, "section": rec.section, "label": rec.label}
        for field, old in (("addressee", rec.addressee), ("text", rec.text)):
            new = posted.get(f"r{i}-{field}")
            if new is not None and new.strip() != (old or "").strip():
                if field == "text" and not new.strip():
                    errors[f"r{i}-text"] = f"Recommendation {rec.label}: enter its text"
                if field == "addressee" and len(new.strip()) > LONGEST["addressee"]:
                    errors[f"r{i}-addressee"] = (
                        f"Recommendation {rec.label}: who it is addressed to must be "
                        f"{LONGEST['addressee']} characters or fewer"
                    )
                changes.append({**where, "field": field, "old": old, "new": new.strip()})
        if rec.response is None:
            continue
        decision = posted.get(f"r{i}-decision")
        if decision is not None and decision != (rec.response.decision or ""):
            if decision and decision not in Decision.values:
                errors[f"r{i}-decision"] = f"Recommendation {rec.label}: select a decision"
            changes.append(
                {**where, "field": "decision", "old": rec.response.decision, "new": decision}
            )
        for j, action in enumerate(rec.response.actions):
            for field, old in (("owner", action.owner), ("target", action.target_text)):
                new = posted.get(f"r{i}-a{j}-{field}")
                if new is None or new.strip() == (old or "").strip():
                    continue
                if len(new.strip()) > LONGEST[field]:
                    errors[f"r{i}-a{j}-{field}"] = (
                        f"Recommendation {rec.label}, action {j + 1}: the {field} must be "
                        f"{LONGEST[field]} characters or fewer"
                    )
                elif field == "target" and new.strip() and parse_target(new).kind == "unknown":
                    errors[f"r{i}-a{j}-target"] = (
                        f"Recommendation {rec.label}, action {j + 1}: enter a target we can "
                        "read, like March 2027, Q3 2026, 2026/27 or Ongoing"
                    )
                changes.append(
                    {**where, "action": j, "field": field, "old": old, "new": new.strip()}
                )
    return changes, errors


def _thematic_changes(
    extraction: Extraction, posted: dict[str, str]
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """A benchmarking tool's corrections: thematic titles and years, recommendation addressees
    and texts."""
    changes: list[dict[str, Any]] = []
    errors: dict[str, str] = {}
    for k, thematic in enumerate(extraction.thematics):
        title = posted.get(f"t{k}-title")
        if title is not None and title.strip() != thematic.title:
            if not title.strip():
                errors[f"t{k}-title"] = f"Thematic {k + 1}: enter its title"
            changes.append(
                {"thematic": k, "title_of": thematic.title, "field": "title",
                 "old": thematic.title, "new": title.strip()}
            )  # fmt: skip
        year = posted.get(f"t{k}-year")
        if year is not None and year.strip() != str(thematic.year or ""):
            if year.strip() and not re.fullmatch(r"(?:19|20)\d\d", year.strip()):
                errors[f"t{k}-year"] = f"Thematic {k + 1}: enter a year like 2014"
            changes.append(
                {"thematic": k, "title_of": thematic.title, "field": "year",
                 "old": thematic.year, "new": year.strip()}
            )  # fmt: skip
        for i, rec in enumerate(thematic.recommendations):
            for field, old in (("addressee", rec.addressee), ("text", rec.text)):
                new = posted.get(f"t{k}-r{i}-{field}")
                if new is not None and new.strip() != (old or "").strip():
                    changes.append(
                        {"thematic": k, "title_of": thematic.title, "label": str(i + 1),
                         "section": "main", "field": field, "old": old, "new": new.strip()}
                    )  # fmt: skip
    return changes, errors


def _correct_text(rec: Recommendation, text: str) -> None:
    """A person's wording over what was read: the text as read is kept, and no longer flagged."""
    if not rec.text_corrected:
        rec.text_as_read = rec.text
    rec.text = text
    rec.text_corrected = True


def _apply_thematic(change: dict[str, Any], source: SourceDocument, actor: Any) -> None:
    report = Report.objects.get(source=source, title=change["title_of"])
    if "label" in change:
        rec = Recommendation.objects.get(report=report, section="main", label=change["label"])
        if change["field"] == "addressee":
            rec.addressee_text = change["new"]
        else:
            _correct_text(rec, change["new"])
        rec._history_user = actor
        rec._change_reason = CHANGE_REASON
        rec.save()
        if change["field"] == "addressee":
            rec.addressees.set(organisations_resolve(text=change["new"]))
        return
    if change["field"] == "title":
        report.title = change["new"]
    else:
        report.published = date(int(change["new"]), 1, 1) if change["new"] else None
        report.published_precision = "year"
    report._history_user = actor
    report._change_reason = CHANGE_REASON
    report.save()


def _apply(
    change: dict[str, Any],
    report: Report,
    plan: ActionPlan | None,
    actor: Any,
    *,
    revised: bool = False,
) -> None:
    rec = Recommendation.objects.get(
        report=report, section=change["section"], label=change["label"]
    )
    field = change["field"]
    if field in ("addressee", "text"):
        if field == "addressee":
            rec.addressee_text = change["new"]
        else:
            _correct_text(rec, change["new"])
        rec._history_user = actor
        rec._change_reason = CHANGE_REASON
        rec.save()
        if field == "addressee":
            rec.addressees.set(organisations_resolve(text=change["new"]))
        return
    assert plan is not None
    response = Response.objects.get(action_plan=plan, recommendation=rec)
    if field == "decision":
        response.decision = change["new"]
        response._history_user = actor
        response._change_reason = CHANGE_REASON
        response.save()
        return
    action = Action.objects.get(response=response, order=change["action"])
    if field == "owner":
        action.owner_text = change["new"]
        owners = organisations_resolve(text=change["new"])
        if owners:
            action.owner_organisation = owners[0]
    else:
        target = parse_target(change["new"])
        action.target_text = change["new"]
        if not revised:  # a revision keeps the target the plan first published
            action.original_target_text = change["new"]
        action.target_kind = target.kind
        action.target_value = target.value or ""
        action.due_date = date.fromisoformat(target.due) if target.due else None
    action._history_user = actor
    action._change_reason = CHANGE_REASON
    action.save()


def review_commit(*, review: ImportReview, posted: dict[str, str], actor: Any) -> IngestResult:
    """Store the document as extracted, then each correction as a change by the reviewer."""
    if review.status != ImportReview.Status.PENDING:
        raise ValidationError("This review has already been committed or discarded")
    extraction = review_extraction(review)
    changes, errors = _changes(extraction, posted)
    thematic_changes, thematic_errors = _thematic_changes(extraction, posted)
    errors |= thematic_errors
    if errors:
        raise ValidationError(errors)
    try:
        result = document_store(
            file_name=review.file_name,
            sha256=review.sha256,
            fmt=review.format,
            size=review.size,
            text=review.text,
            extraction=extraction,
            actor=actor,
        )
    except ValidationError as exc:  # the summary shows sentences, never a field's list
        reasons = " ".join(m.rstrip(".") + "." for m in exc.messages)
        raise ValidationError(f"The document could not be stored: {reasons}") from exc
    plan = result.stored if isinstance(result.stored, ActionPlan) else None
    report = plan.report if plan is not None else result.stored
    revised = result.status == "revised"
    for change in changes:
        _apply(change, report, plan, actor, revised=revised)
    if revised and changes and plan is not None:
        version_refresh(plan)
    for change in thematic_changes:
        assert result.source is not None
        _apply_thematic(change, result.source, actor)
    review.status = ImportReview.Status.COMMITTED
    review.source = result.source
    review.corrections = changes + thematic_changes
    review.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    review.decided_at = timezone.now()
    review.save()
    record_event(
        review,
        "ingest.review.committed",
        actor=actor,
        data={"file": review.file_name, "corrections": len(changes)},
    )
    return result


def review_discard(*, review: ImportReview, actor: Any) -> None:
    if review.status != ImportReview.Status.PENDING:
        raise ValidationError("This review has already been committed or discarded")
    review.status = ImportReview.Status.DISCARDED
    review.decided_by = actor if getattr(actor, "is_authenticated", False) else None
    review.decided_at = timezone.now()
    review.save()
    record_event(review, "ingest.review.discarded", actor=actor, data={"file": review.file_name})
