"""Ingesting documents: extract, then store, refusing anything that is not of the genre."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from followthrough.actionplans.models import Action, ActionPlan, ProgressUpdate, Response
from followthrough.core.events import record_event
from followthrough.core.models import SourceDocument

from .extract import Extraction, ExtractionError, extract
from .extract.formats import DAMAGED_DOCX, DAMAGED_PDF, sniff_format, to_text
from .loaders import action_plan_load, benchmarking_load, practice_guide_load, report_load
from .revisions import action_plan_revise
from .selectors import earlier_plan

EXTRACTOR_VERSION = "1.0"
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ".html", ".htm"}


class IngestError(Exception):
    """A document was refused; the message says why in one line."""


class AlreadyImported(IngestError):
    """A different version of a file of the same name is already imported; the command line
    offers --replace, the web says so in its own words."""


@dataclass
class IngestResult:
    file_name: str
    status: str  # created, replaced, revised (a new version of a plan), unchanged, skipped
    kind: str = ""
    recommendations: int = 0
    responses: int = 0
    actions: int = 0
    warnings: list[str] = field(default_factory=list)
    source: SourceDocument | None = None
    stored: Any = None  # the ActionPlan or Report written
    thematics: int = 0
    examples: int = 0
    version: int = 0  # for a revised plan, the version it became

    @property
    def summary(self) -> str:
        if self.status == "unchanged":
            return f"{self.file_name}: already ingested, nothing changed"
        if self.status == "skipped":
            return f"{self.file_name}: skipped ({'; '.join(self.warnings)})"
        if self.status == "revised":
            return (
                f"{self.file_name} recorded as version {self.version} of the plan it revises: "
                f"{self.responses} responses, {self.actions} actions"
            )
        verb = "Replaced" if self.status == "replaced" else "Ingested"
        parts = [f"{self.recommendations} recommendations"]
        if self.kind == "benchmarking_tool":
            parts = [f"{self.thematics} thematics", *parts]
        if self.kind == "practice_guide":
            parts = []
        if self.examples:
            parts.append(f"{self.examples} practice examples")
        parts = parts or ["nothing to track"]
        if self.kind == "action_plan":
            parts += [f"{self.responses} responses", f"{self.actions} actions"]
        return f"{verb} {', '.join(parts)} from {self.file_name}"


def document_decode(*, file_name: str, content: bytes) -> tuple[str, str]:
    """The document as the extractors read it, and the format it came in (text, html, docx,
    pdf), or IngestError saying in one line why it cannot be read."""
    if not content.strip():
        raise IngestError(f"{file_name}: the file is empty")
    if len(content) > settings.INGEST_MAX_BYTES:
        raise IngestError(
            f"{file_name}: the file is {len(content):,} bytes; the limit is "
            f"{settings.INGEST_MAX_BYTES:,}"
        )
    try:
        fmt = sniff_format(file_name, content)
        suffix = Path(file_name).suffix.lower()
        if fmt == "text" and suffix in (".pdf", ".docx"):
            raise ExtractionError(DAMAGED_PDF if suffix == ".pdf" else DAMAGED_DOCX)
        if fmt == "text" and suffix and suffix not in TEXT_SUFFIXES:
            raise IngestError(
                f"{file_name}: {suffix} files are not read; give Word, PDF, HTML or text"
            )
        text, fmt = to_text(file_name, content)
    except ExtractionError as exc:
        raise IngestError(f"{file_name}: {exc}") from exc
    if not text.strip():
        raise IngestError(f"{file_name}: no text could be read from the file")
    return text, fmt


def document_extract(*, file_name: str, content: bytes) -> Extraction:
    text, _ = document_decode(file_name=file_name, content=content)
    try:
        return extract(text, file_name)
    except ExtractionError as exc:
        raise IngestError(f"{file_name}: {exc}") from exc


def _clear_plan_responses(source: SourceDocument) -> None:
    """Remove machine-made responses of a plan being re-imported; refuse if people added to them."""
    actions = Action.objects.filter(response__action_plan__source=source)
    if ProgressUpdate.objects.filter(action__in=actions).exists():
        raise IngestError(
            f"{source.file_name}: people have recorded progress on its actions; "
            "it cannot be replaced"
        )
    actions.delete()
    Response.objects.filter(action_plan__source=source).delete()


def document_ingest(
    *, file_name: str, content: bytes, replace: bool = False, actor: object = None
) -> IngestResult:
    """Store one document. The caller opens the transaction, so a failure leaves nothing."""
    name = Path(file_name).name
    sha = hashlib.sha256(content).hexdigest()
    existing = SourceDocument.objects.filter(sha256=sha).first()
    if existing and not replace:
        return IngestResult(name, "unchanged", kind=existing.kind, source=existing)
    text, fmt = document_decode(file_name=name, content=content)
    try:
        extraction = extract(text, name)
    except ExtractionError as exc:
        raise IngestError(f"{name}: {exc}") from exc
    return document_store(
        file_name=name,
        sha256=sha,
        fmt=fmt,
        size=len(content),
        text=text,
        extraction=extraction,
        replace=replace,
        actor=actor,
    )


def _plan_revised_by(
    extraction: Extraction, name: str, previous: SourceDocument | None
) -> ActionPlan | None:
    """The plan this document is a new version of: another file's plan answering the same
    report for the same bodies, or, when a file is replaced, its own plan once that plan has
    versions (replacing it wholesale would lose them)."""
    if extraction.document.kind != "action_plan":
        return None
    earlier = earlier_plan(extraction, source_name=name)
    if earlier is None and previous is not None:
        own = ActionPlan.objects.filter(source=previous).first()
        if own is not None and own.versions.exists():
            earlier = own
    return earlier


def document_store(
    *,
    file_name: str,
    sha256: str,
    fmt: str,
    size: int,
    text: str,
    extraction: Extraction,
    replace: bool = False,
    actor: object = None,
) -> IngestResult:
    """Write an extraction and its source. Shared by the importer and the review's commit."""
    name = file_name
    if not extraction.supported:
        return IngestResult(
            name, "skipped", kind=extraction.document.kind, warnings=extraction.warnings
        )
    existing = SourceDocument.objects.filter(sha256=sha256).first()
    previous = existing or SourceDocument.objects.filter(file_name=name).first()
    if previous and not replace:
        raise AlreadyImported(f"{name}: a different version of this file is already imported")
    fields = {
        "file_name": name,
        "sha256": sha256,
        "kind": extraction.document.kind,
        "text": text,
        "size": size,
        "extractor_version": EXTRACTOR_VERSION,
        "warnings": extraction.warnings,
        "format": fmt,
        "imported_by": actor if getattr(actor, "is_authenticated", False) else None,
    }
    earlier = _plan_revised_by(extraction, name, previous)
    if previous:
        if earlier is None:
            _clear_plan_responses(previous)
        for key, value in fields.items():
            setattr(previous, key, value)
        previous.save()
        source = previous
    else:
        source = SourceDocument.objects.create(**fields)
    result = IngestResult(
        name,
        "replaced" if previous else "created",
        kind=extraction.document.kind,
        warnings=extraction.warnings,
        source=source,
        recommendations=len(extraction.recommendations),
    )
    if earlier is not None:
        stored: Any = action_plan_revise(extraction, source, earlier, actor=actor)
        result.status = "revised"
        result.version = stored.versions.order_by("-number").values_list("number", flat=True)[0]
        result.responses = Response.objects.filter(action_plan=stored).count()
        result.actions = Action.objects.filter(response__action_plan=stored).count()
    elif extraction.document.kind == "action_plan":
        stored = action_plan_load(extraction, source)
        result.responses = Response.objects.filter(action_plan=stored).count()
        result.actions = Action.objects.filter(response__action_plan=stored).count()
    elif extraction.document.kind == "benchmarking_tool":
        reports = benchmarking_load(extraction, source)
        result.thematics = len(reports)
        result.recommendations = sum(
            len(t.recommendations) + len(t.additional) for t in extraction.thematics
        )
        stored = source
    elif extraction.document.kind == "practice_guide":
        stored = practice_guide_load(extraction, source)
        result.recommendations = 0
        result.examples = len(extraction.practice_examples)
    else:
        stored = report_load(extraction, source)
        result.examples = len(extraction.practice_examples)
    result.stored = stored
    record_event(
        stored,
        f"ingest.{extraction.document.kind.replace('inspection_', '')}.{result.status}",
        actor=actor,
        data={"file": name, "sha256": sha256},
    )
    return result
