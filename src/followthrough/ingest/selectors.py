"""Reads for the import pages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from followthrough.actionplans.models import ActionPlan
from followthrough.inspections.garbled import reads_garbled
from followthrough.organisations.services import organisations_resolve

from .extract.columns import role_of
from .extract.decisions import responder_of
from .extract.detect import SUPPORTED
from .extract.types import Extraction
from .loaders import find_report
from .models import ColumnMapping, ImportReview, ImportUpload, kind_name

RECENT_REVIEWS = 50
LOW_CONFIDENCE = 0.8  # below this a record is listed first, to check before the others
LONG_FIELD = 40  # characters past which an owner or target gets a box of several lines


def import_reviews_recent() -> Any:
    """The imports waiting for review first, then the newest decided, at most fifty."""
    return ImportReview.objects.select_related("created_by", "source").order_by(
        "status", "-created_at"
    )[:RECENT_REVIEWS]


def import_uploads_unread() -> Any:
    """Large documents the worker has still to read, or could not, newest first, at most
    fifty: the files themselves are left in the database."""
    return (
        ImportUpload.objects.exclude(status=ImportUpload.Status.READ)
        .select_related("created_by")
        .defer("content")
        .order_by("-created_at")[:RECENT_REVIEWS]
    )


def review_records(
    review: ImportReview, *, posted: Mapping[str, str], errors: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Each recommendation read from an action plan under review, beside its source passage,
    with what the reviewer typed over it (posted) and what was wrong with that (errors)."""
    extraction = review.extraction
    records = []
    for i, rec in enumerate(extraction.get("recommendations", [])):
        provenance = rec.get("provenance") or {}
        start, end = provenance.get("start"), provenance.get("end")
        passage = review.text[start:end] if start is not None and end is not None else ""
        actions = (rec.get("response") or {}).get("actions", [])
        records.append(
            {
                "index": i,
                "rec": rec,
                "passage": passage[:3000],
                "actions": [{"index": j, **a} for j, a in enumerate(actions)],
            }
        )
    for record in records:
        rec, i = record["rec"], record["index"]
        record["addressee"] = posted.get(f"r{i}-addressee", rec.get("addressee") or "")
        record["text"] = posted.get(f"r{i}-text", rec.get("text") or "")
        items = [str(item.get("text", "")) for item in rec.get("items") or []]
        record["garbled"] = reads_garbled("\n".join([record["text"], *items]))
        record["decision"] = posted.get(
            f"r{i}-decision", (rec.get("response") or {}).get("decision") or ""
        )
        for a in record["actions"]:
            j = a["index"]
            a["owner_value"] = posted.get(f"r{i}-a{j}-owner", a.get("owner") or "")
            a["target_value"] = posted.get(f"r{i}-a{j}-target", a.get("target_text") or "")
            a["owner_error"] = errors.get(f"r{i}-a{j}-owner")
            a["target_error"] = errors.get(f"r{i}-a{j}-target")
            a["owner_missing"] = not a["owner_value"].strip()
            a["long"] = max(len(a["owner_value"]), len(a["target_value"])) > LONG_FIELD
        record["text_error"] = errors.get(f"r{i}-text")
        record["addressee_error"] = errors.get(f"r{i}-addressee")
        record["decision_error"] = errors.get(f"r{i}-decision")
        record["confidence"] = float(rec.get("confidence", 1.0))
        record["warnings"] = [str(w) for w in rec.get("warnings") or []]
        reasons = [
            f"read with {round(record['confidence'] * 100)}% confidence"
            if record["confidence"] < LOW_CONFIDENCE
            else "",
            *[w.rstrip(".") for w in record["warnings"]],
            "its text may have been read wrongly" if record["garbled"] else "",
            "its number was inferred" if rec.get("label_inferred") else "",
            "an action has no owner" if any(a["owner_missing"] for a in record["actions"]) else "",
        ]
        record["reasons"] = [r for r in reasons if r]
        record["flagged"] = bool(record["reasons"])
    return records


def printed_date(iso: str | None) -> str:
    """An ISO date as pages print one: "3 March 2026", "March 2026" or "2026"."""
    if not iso:
        return ""
    try:
        parts = [int(p) for p in str(iso).split("-")]
        if len(parts) == 3:
            return f"{date(*parts):%-d %B %Y}"
        if len(parts) == 2:
            return f"{date(parts[0], parts[1], 1):%B %Y}"
    except (TypeError, ValueError):
        return str(iso)
    return str(iso)


def record_name(rec: Mapping[str, Any]) -> str:
    kind = "Additional recommendation" if rec.get("section") == "additional" else "Recommendation"
    return f"{kind} {rec.get('label')}"


@dataclass
class Column:
    index: int
    header: str
    role: str
    error: str | None = None


@dataclass
class ReviewReading:
    """How the document under review was read, and what the reviewer may change about it."""

    kind: str
    kind_name: str
    kinds: list[tuple[str, str]]
    columns: list[Column] = field(default_factory=list)
    roles: Sequence[tuple[str, str]] = field(default_factory=ColumnMapping.Role.choices.copy)
    mapping: ColumnMapping | None = None
    mapping_here: bool = False
    mapping_date: str = ""
    labels: list[tuple[int, str]] = field(default_factory=list)
    to_check: list[dict[str, Any]] = field(default_factory=list)
    edits_open: bool = False  # an error in a split, merge or addressee form


def review_reading(
    review: ImportReview,
    records: Sequence[Mapping[str, Any]],
    *,
    posted: Mapping[str, str],
    errors: Mapping[str, str],
) -> ReviewReading:
    """The document's kind, its table's columns with the role each was read as (or the
    reviewer's mapping, and where it was remembered from), and the records to check first."""
    data = review.extraction or {}
    reading = review.reading or {}
    chosen = reading.get("column_map") or {}
    read_as = data.get("table_roles") or []
    columns = []
    for i, header in enumerate(data.get("table_header") or []):
        role = chosen.get(str(i)) or (read_as[i] if i < len(read_as) else role_of(header))
        columns.append(
            Column(
                index=i,
                header=header,
                role=posted.get(f"column-{i}", role or "ignore"),
                error=errors.get(f"column-{i}"),
            )
        )
    mapping = None
    if reading.get("mapping"):
        mapping = (
            ColumnMapping.objects.select_related("review").filter(pk=reading["mapping"]).first()
        )
    labels = [(r["index"], record_name(r["rec"])) for r in records]
    to_check = [dict(r) for r in records if r["flagged"]]
    to_check.sort(key=lambda r: r["confidence"])
    return ReviewReading(
        kind=review.kind,
        kind_name=kind_name(review.kind),
        kinds=[(k, kind_name(k)) for k in SUPPORTED],
        columns=columns,
        mapping=mapping,
        mapping_here=mapping is not None and mapping.review_id == review.pk,
        mapping_date=printed_date(mapping.updated_at.date().isoformat()) if mapping else "",
        labels=labels,
        to_check=to_check,
        edits_open=any(key.startswith(("merge", "split", "block")) for key in errors),
    )


def review_thematics(
    review: ImportReview, *, posted: Mapping[str, str], errors: Mapping[str, str]
) -> list[dict[str, Any]]:
    """Each thematic read from a benchmarking tool under review, with the reviewer's corrections
    and their errors."""
    extraction = review.extraction
    thematics = []
    for k, thematic in enumerate(extraction.get("thematics", [])):
        recs = [
            {
                "index": i,
                "addressee": posted.get(f"t{k}-r{i}-addressee", rec.get("addressee") or ""),
                "text": posted.get(f"t{k}-r{i}-text", rec.get("text") or ""),
                "items": rec.get("items", []),
                "lines_of_enquiry": len(rec.get("lines_of_enquiry", [])),
                "evidence": len(rec.get("evidence", [])),
            }
            for i, rec in enumerate(thematic.get("recommendations", []))
        ]
        thematics.append(
            {
                "index": k,
                "title": posted.get(f"t{k}-title", thematic.get("title") or ""),
                "year": posted.get(f"t{k}-year", str(thematic.get("year") or "")),
                "recommendations": recs,
                "additional": thematic.get("additional", []),
                "title_error": errors.get(f"t{k}-title"),
                "year_error": errors.get(f"t{k}-year"),
            }
        )
    return thematics


Answer = tuple[str, str, int | None]  # (section, label, responding organisation)
Answered = tuple[str, str, str | None]  # (section, label, who answers, as printed)


def earlier_plan(extraction: Extraction, *, source_name: str = "") -> ActionPlan | None:
    """The published plan this document is a new version of (see `plan_answered_before`)."""
    if extraction.document.kind != "action_plan":
        return None
    answered = [
        (rec.section, rec.label, responder_of(rec.addressee, rec.response.owners))
        for rec in extraction.recommendations
        if rec.response is not None
    ]
    return plan_answered_before(extraction.document.report_title, answered, source_name=source_name)


def review_earlier_plan(review: ImportReview) -> ActionPlan | None:
    """For a plan waiting for review, the published plan it would become the next version of,
    read from what the review already holds (the document is not read again)."""
    if review.status != ImportReview.Status.PENDING or review.kind != "action_plan":
        return None
    data = review.extraction or {}
    answered = [
        (
            rec.get("section", ""),
            rec.get("label", ""),
            responder_of(rec.get("addressee") or "", rec["response"].get("owners") or []),
        )
        for rec in data.get("recommendations", [])
        if rec.get("response")
    ]
    title = (data.get("document") or {}).get("report_title")
    return plan_answered_before(title, answered, source_name=review.file_name)


def plan_answered_before(
    report_title: str | None, answered: Sequence[Answered], *, source_name: str = ""
) -> ActionPlan | None:
    """The published plan a document answering these recommendations is a new version of: the
    same report, with at least half the answers of the smaller of the two given to the same
    recommendations by the same organisations; the closest such plan wins. A plan read from a
    file of the same name is the file being replaced, not an earlier version."""
    report = find_report(report_title)
    if report is None:
        return None
    ours: set[Answer] = set()
    for section, label, addressee in answered:
        orgs = organisations_resolve(text=addressee)
        ours.add((section, label, orgs[0].pk if orgs else None))
    best, overlap = None, 0
    plans = report.action_plans.filter(status=ActionPlan.Status.PUBLISHED).exclude(
        source__file_name=source_name
    )
    for plan in plans.order_by("-submitted", "-pk"):
        theirs = {
            (section, label, org)
            for section, label, org in plan.responses.values_list(
                "recommendation__section", "recommendation__label", "responding_organisation_id"
            )
        }
        shared = len(ours & theirs)
        # Most of the answers of the smaller plan must be shared: a recommendation made to two
        # bodies jointly is answered in both their plans without making them one plan.
        if 2 * shared >= min(len(ours), len(theirs)) and shared > overlap:
            best, overlap = plan, shared
    return best
