"""Reads for the import pages."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from followthrough.actionplans.models import ActionPlan
from followthrough.inspections.garbled import reads_garbled
from followthrough.organisations.services import organisations_resolve

from .extract.decisions import responder_of
from .extract.types import Extraction
from .loaders import find_report
from .models import ImportReview

RECENT_REVIEWS = 50


def import_reviews_recent() -> Any:
    """The imports waiting for review first, then the newest decided, at most fifty."""
    return ImportReview.objects.select_related("created_by", "source").order_by(
        "status", "-created_at"
    )[:RECENT_REVIEWS]


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
        record["text_error"] = errors.get(f"r{i}-text")
        record["decision_error"] = errors.get(f"r{i}-decision")
    return records


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
Answered = tuple[str, str, str | None]  # (section, label, addressee as printed)


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
