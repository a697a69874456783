"""How a document under review is read: the reviewer may say what kind of document it is, which
column of its table is which, and split or merge records or give a block of them an addressee.
What they asked is kept on the review (`ImportReview.reading`) and applied every time the
document is read again, so the commit stores exactly what the page showed."""

from __future__ import annotations

import hashlib
import re
from typing import Any

from django.core.exceptions import ValidationError

from followthrough.core.events import record_event

from ..extract import ExtractionError, extract
from ..extract.detect import SUPPORTED
from ..extract.types import Extraction, Recommendation, Response
from ..models import ColumnMapping, ImportReview, kind_name

ROLE_NAMES = dict(ColumnMapping.Role.choices)
ONE_COLUMN_ONLY = ("label", "recommendation", "decision")


def kind_choices() -> list[tuple[str, str]]:
    return [(k, kind_name(k)) for k in SUPPORTED]


def header_signature(header: list[str]) -> str:
    """The header as any copy of the same table prints it: case, spacing, punctuation and
    column numbers ("1. Ref") set aside."""
    cells = [re.sub(r"^\s*\d+\s*[.)]\s*", "", cell) for cell in header]
    cells = [" ".join(re.sub(r"[^\w\s]", " ", cell.lower()).split()) for cell in cells]
    return hashlib.sha256("|".join(cells).encode()).hexdigest()


def read_as_asked(text: str, source: str, reading: dict[str, Any]) -> Extraction:
    """The document read with the reviewer's kind and columns, then their edits in order."""
    options: dict[str, Any] = {}
    if reading.get("kind"):
        options["kind"] = reading["kind"]
    if reading.get("column_map"):
        options["column_map"] = {int(k): v for k, v in reading["column_map"].items()}
    extraction = extract(text, source, **options)
    for edit in reading.get("edits", []):
        _apply(extraction, edit, text)
    return extraction


def remembered_reading(
    text: str, source: str, extraction: Extraction
) -> tuple[Extraction, dict[str, Any]]:
    """A new document whose table has a header seen before is read with the columns a reviewer
    set then."""
    header = extraction.table_header
    if not header:
        return extraction, {}
    mapping = ColumnMapping.objects.filter(signature=header_signature(header)).first()
    if mapping is None or len(mapping.header) != len(header):
        return extraction, {}
    reading = {"column_map": dict(mapping.column_map), "mapping": mapping.pk}
    try:
        return read_as_asked(text, source, reading), reading
    except (ExtractionError, ValueError):
        return extraction, {}


def _merge(first: Recommendation, second: Recommendation) -> None:
    first.text = "\n\n".join(t for t in (first.text, second.text) if t)
    first.items += second.items
    first.paragraph_refs += [r for r in second.paragraph_refs if r not in first.paragraph_refs]
    first.end = max(first.end, second.end)
    if second.response is not None:
        if first.response is None:
            first.response = second.response
        else:
            a, b = first.response, second.response
            a.text = "\n\n".join(t for t in (a.text, b.text) if t)
            a.owners += [o for o in b.owners if o not in a.owners]
            a.targets += [t for t in b.targets if t not in a.targets]
            a.actions += b.actions
            a.decision = a.decision or b.decision
            a.decision_text = a.decision_text or b.decision_text
            a.progress = "\n\n".join(p for p in (a.progress, b.progress) if p) or None


def _apply(extraction: Extraction, edit: dict[str, Any], text: str) -> None:
    recs = extraction.recommendations
    op = edit["op"]
    if op == "merge" and edit["index"] + 1 < len(recs):
        _merge(recs[edit["index"]], recs.pop(edit["index"] + 1))
        recs[edit["index"]].confidence = 1.0
    elif op == "split" and edit["index"] < len(recs):
        rec = recs[edit["index"]]
        at = rec.text.find(edit["at"])
        if at <= 0:
            return
        second = Recommendation(
            label=edit["label"],
            section=rec.section,
            addressee=rec.addressee,
            text=rec.text[at:].strip(),
            start=rec.start,
            end=rec.end,
        )
        if rec.response is not None:  # a table's row is answered: the new one shares its decision
            second.response = Response(rec.response.decision, rec.response.decision_text, "")
        rec.text = rec.text[:at].strip()
        printed = text.find(edit["at"], rec.start, rec.end)
        if printed > rec.start:
            rec.end = second.start = printed
        rec.confidence = second.confidence = 1.0
        recs.insert(edit["index"] + 1, second)
    elif op == "addressee":
        for rec in recs[edit["first"] : edit["last"] + 1]:
            rec.addressee = edit["addressee"]


def _read(review: ImportReview, reading: dict[str, Any], field: str) -> Extraction:
    try:
        extraction = read_as_asked(review.text, review.file_name, reading)
    except (ExtractionError, ValueError) as exc:
        reason = str(exc).rstrip(".")
        raise ValidationError(
            {field: f"The document could not be read this way: {reason}"}
        ) from exc
    kind = extraction.document.kind
    if (
        not extraction.supported
        or (kind in ("action_plan", "inspection_report") and not extraction.recommendations)
        or (
            kind == "benchmarking_tool" and not any(t.recommendations for t in extraction.thematics)
        )
    ):
        raise ValidationError({field: "No recommendations could be read this way"})
    return extraction


def _save(
    review: ImportReview, reading: dict[str, Any], extraction: Extraction, actor: Any, code: str
) -> None:
    if review.status != ImportReview.Status.PENDING:
        raise ValidationError("This review has already been committed or discarded")
    review.reading = reading
    review.kind = extraction.document.kind
    review.extraction = extraction.to_dict()
    review.save()
    record_event(review, code, actor=actor, data={"file": review.file_name, **reading})


def review_kind_set(*, review: ImportReview, kind: str, actor: Any) -> None:
    """Read the document again as the kind the reviewer says it is; edits made before are
    dropped, as they were made to another reading."""
    if kind not in SUPPORTED:
        raise ValidationError({"kind": "Select what kind of document this is"})
    reading = {"kind": kind}
    if kind == "action_plan" and review.reading.get("column_map"):
        reading |= {k: review.reading[k] for k in ("column_map", "mapping") if k in review.reading}
    _save(review, reading, _read(review, reading, "kind"), actor, "ingest.review.kind_set")


def review_columns_set(*, review: ImportReview, roles: dict[int, str], actor: Any) -> None:
    """Read the table again with the reviewer's column for each role, and remember the mapping
    for the next document with the same header."""
    header = (review.extraction or {}).get("table_header") or []
    if not header:
        raise ValidationError({"columns": "This document has no table to read again"})
    errors: dict[str, str] = {}
    for i in range(len(header)):
        if roles.get(i) not in ROLE_NAMES:
            errors[f"column-{i}"] = f"Select what column {i + 1} holds"
    chosen = [roles.get(i) for i in range(len(header))]
    if not errors and "recommendation" not in chosen:
        errors["column-0"] = "Select the column that holds the recommendation"
    for role in ONE_COLUMN_ONLY:
        if chosen.count(role) > 1:
            where = chosen.index(role, chosen.index(role) + 1)
            errors.setdefault(
                f"column-{where}", f"Select only one column for the {ROLE_NAMES[role].lower()}"
            )
    if errors:
        raise ValidationError(errors)
    column_map = {str(i): roles[i] for i in range(len(header))}
    reading: dict[str, Any] = {"column_map": column_map}
    if review.reading.get("kind"):
        reading["kind"] = review.reading["kind"]
    extraction = _read(review, reading, "columns")
    mapping = ColumnMapping.objects.filter(signature=header_signature(header)).first()
    if mapping is None:
        mapping = ColumnMapping(signature=header_signature(header))
    mapping.header, mapping.column_map, mapping.review = list(header), column_map, review
    mapping.set_by = actor if getattr(actor, "is_authenticated", False) else None
    mapping._history_user = mapping.set_by
    mapping._change_reason = f"Set in the review of {review.file_name}"
    mapping.full_clean()
    mapping.save()
    reading["mapping"] = mapping.pk
    _save(review, reading, extraction, actor, "ingest.review.columns_set")


def _current(review: ImportReview) -> Extraction:
    return _read(review, review.reading, "")


def _name(rec: Recommendation) -> str:
    kind = "Additional recommendation" if rec.section == "additional" else "Recommendation"
    return f"{kind} {rec.label}"


def _with_edit(review: ImportReview, edit: dict[str, Any]) -> dict[str, Any]:
    return {**review.reading, "edits": [*review.reading.get("edits", []), edit]}


def review_records_merge(*, review: ImportReview, index: int | None, actor: Any) -> None:
    """Join a record read as two: the one chosen takes in the one after it."""
    recs = _current(review).recommendations
    if index is None or not 0 <= index < len(recs) - 1:
        raise ValidationError({"merge": "Select a recommendation that has another after it"})
    reading = _with_edit(review, {"op": "merge", "index": index})
    _save(review, reading, _read(review, reading, "merge"), actor, "ingest.review.merged")


def review_record_split(
    *, review: ImportReview, index: int | None, at: str, label: str, actor: Any
) -> None:
    """Split a record read as one: the second starts at the words the reviewer gives."""
    recs = _current(review).recommendations
    errors: dict[str, str] = {}
    if index is None or not 0 <= index < len(recs):
        errors["split"] = "Select the recommendation to split"
    at, label = at.strip(), label.strip()
    if not at:
        errors["split_at"] = "Enter the words the second recommendation starts with"
    elif "split" not in errors and recs[index or 0].text.find(at) <= 0:
        errors["split_at"] = (
            f"{_name(recs[index or 0])} does not have these words after its start: copy them "
            "from its text"
        )
    if not label:
        errors["split_label"] = "Enter a number for the new recommendation"
    elif "split" not in errors:
        section = recs[index or 0].section
        if any(r.label == label and r.section == section for r in recs):
            errors["split_label"] = f"{label} is already used: enter another number"
    if errors:
        raise ValidationError(errors)
    reading = _with_edit(review, {"op": "split", "index": index, "at": at, "label": label})
    _save(review, reading, _read(review, reading, "split"), actor, "ingest.review.split")


def review_addressee_set(
    *, review: ImportReview, first: int | None, last: int | None, addressee: str, actor: Any
) -> None:
    """Give a block of records, first to last, the addressee the reviewer reads."""
    recs = _current(review).recommendations
    errors: dict[str, str] = {}
    if first is None or not 0 <= first < len(recs):
        errors["block_first"] = "Select the first recommendation of the block"
    if last is None or not 0 <= last < len(recs):
        errors["block_last"] = "Select the last recommendation of the block"
    elif first is not None and last < first:
        errors["block_last"] = "Select a last recommendation that comes after the first"
    if not addressee.strip():
        errors["block_addressee"] = "Enter who these recommendations are addressed to"
    if errors:
        raise ValidationError(errors)
    edit = {"op": "addressee", "first": first, "last": last, "addressee": addressee.strip()}
    reading = _with_edit(review, edit)
    _save(review, reading, _read(review, reading, "block"), actor, "ingest.review.addressee_set")
