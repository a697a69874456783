"""Who contributed to an assessment, and who changed which answer when, read from the history
every answer, evidence entry and rating keeps."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model

from ..models import (
    AssessedRecommendation,
    EnquiryAnswer,
    EvidenceHeld,
    Rating,
    SelfAssessment,
)


def contributors(assessment: SelfAssessment) -> list[str]:
    """Everyone who saved an answer, evidence entry or rating, by name: four queries."""
    ids: set[int] = set()
    items = assessment.items.values("pk")
    for model, filters in (
        (AssessedRecommendation, {"assessment_id": assessment.pk}),
        (EnquiryAnswer, {"item_id__in": items}),
        (EvidenceHeld, {"item_id__in": items}),
    ):
        ids.update(
            model.history.filter(**filters, history_user__isnull=False)
            .values_list("history_user_id", flat=True)
            .distinct()
        )
    users = get_user_model().objects.filter(pk__in=ids).order_by("last_name", "username")
    return [u.get_full_name() or u.username for u in users]


@dataclass
class AnswerChange:
    at: datetime
    user: str
    part: str
    value: str


def item_history(item: AssessedRecommendation, *, limit: int = 100) -> list[AnswerChange]:
    """Every saved version of one recommendation's answers, evidence and rating, newest first:
    four queries however long the history."""
    rec = item.recommendation
    rows: list[tuple[datetime, int | None, str, str]] = []
    for row in EnquiryAnswer.history.filter(item_id=item.pk).order_by("-history_date")[:limit]:
        question = _at(rec.lines_of_enquiry, row.index)
        value = EnquiryAnswer.Answer(row.answer).label if row.answer else "Not answered"
        rows.append((row.history_date, row.history_user_id, question, _join(value, row.comment)))
    for row in EvidenceHeld.history.filter(item_id=item.pk).order_by("-history_date")[:limit]:
        prompt = _at(rec.evidence_prompts, row.index)
        held = "Held" if row.held else "Not held"
        where = _join(row.link, row.evidence_file_name)
        rows.append((row.history_date, row.history_user_id, prompt, _join(held, where, row.note)))
    for row in AssessedRecommendation.history.filter(id=item.pk).order_by("-history_date")[:limit]:
        if row.rating or row.rationale:
            label = dict(Rating.choices).get(row.rating)
            rows.append(
                (row.history_date, row.history_user_id, "Rating", _join(label or "", row.rationale))
            )
    rows.sort(key=lambda r: r[0], reverse=True)
    rows = rows[:limit]
    users = get_user_model().objects.filter(pk__in={r[1] for r in rows if r[1]})
    names = {u.pk: u.get_full_name() or u.username for u in users}
    return [
        AnswerChange(at, names.get(uid, "system") if uid else "system", part, value)
        for at, uid, part, value in rows
    ]


def _at(texts: list[str], index: int) -> str:
    return texts[index] if index < len(texts) else f"Item {index + 1}"


def _join(*parts: str) -> str:
    return " – ".join(p for p in parts if p)
