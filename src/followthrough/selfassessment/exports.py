"""The assessment as documents a service uses: the Youth Justice Plan section (Word) and every
answer (Excel)."""

from __future__ import annotations

from typing import Any

from django.template.defaultfilters import pluralize

from followthrough.actionplans.querysets import STATES
from followthrough.core.documents import add_row, header_table, landscape_document, to_bytes
from followthrough.core.spreadsheets import table_xlsx
from followthrough.inspections.selectors import recommendation_text

from .models import Rating, SelfAssessment
from .selectors import ANSWER_LABELS, Thematic

RATINGS_HEADERS = ["Rec", "Recommendation", "Our rating", "Why"]
RATINGS_WIDTHS = [14, 110, 30, 119]
PLAN_HEADERS = [
    "Recommendation",
    "What we will do",
    "Owner",
    "Target",
    "How we will know",
    "Status",
]
PLAN_WIDTHS = [50, 80, 35, 28, 50, 30]
COUNT_HEADERS = ["Thematic", *[label for _, label in Rating.choices], "Not rated"]
COUNT_WIDTHS = [113, 32, 32, 32, 32, 32]


def _status(assessment: SelfAssessment) -> str:
    if assessment.signed_off_on:
        who = assessment.signed_off_by
        name = (who.get_full_name() or who.username) if who else "a manager"
        return f"Signed off by {name} on {assessment.signed_off_on:%-d %B %Y}."
    return "Draft: not yet signed off."


def plan_docx(assessment: SelfAssessment, context: dict[str, Any]) -> bytes:
    """A section ready to drop into the Youth Justice Plan: how the service rates itself against
    each recommendation, and what it will do about the gaps."""
    groups: list[Thematic] = context["groups"]
    org = assessment.organisation
    document = landscape_document(
        f"{org.name}: response to inspection recommendations",
        title=f"{org.name}: response to inspection recommendations, {assessment.year}",
        author=org.name,
    )
    document.add_heading("Response to inspection recommendations", level=1)
    document.add_paragraph(
        f"{org.name} assessed itself in {assessment.year} against "
        f"{context['progress'].recommendations} recommendations the inspectorate made to youth "
        f"justice services and their management boards. {_status(assessment)}"
    )
    document.add_heading("Ratings by thematic", level=2)
    table = header_table(document, COUNT_HEADERS, COUNT_WIDTHS)
    for group in groups:
        add_row(table, [group.report.title, *group.counts], COUNT_WIDTHS)
    comparison = context["comparison"]
    if comparison.previous is not None:
        improved, new = len(comparison.improved), comparison.new
        document.add_paragraph(
            f"Since our {comparison.previous.year} assessment, {improved} "
            f"rating{pluralize(improved)} improved, {len(comparison.slipped)} slipped and "
            f"{comparison.unchanged} stayed the same; {new} recommendation{pluralize(new)} "
            f"{'is' if new == 1 else 'are'} new this year."
        )
    for group in groups:
        document.add_heading(group.report.title, level=2)
        table = header_table(document, RATINGS_HEADERS, RATINGS_WIDTHS)
        for view in group.items:
            add_row(
                table,
                [
                    view.rec.short_label,
                    recommendation_text(view.rec),
                    view.item.get_rating_display() or "Not rated",
                    view.item.rationale,
                ],
                RATINGS_WIDTHS,
            )
    document.add_heading("Improvement plan", level=2)
    actions = [a for g in groups for v in g.items for a in v.improvements]
    if not actions:
        document.add_paragraph("No improvement actions have been recorded.")
    else:
        table = header_table(document, PLAN_HEADERS, PLAN_WIDTHS)
        for group in groups:
            for view in group.items:
                for action in view.improvements:
                    add_row(
                        table,
                        [
                            f"{view.rec.display_label}, {group.report.title}",
                            action.description,
                            action.owner_text,
                            action.target_text,
                            action.measure,
                            # As the pages say it: a passed target not completed reads overdue.
                            STATES.get(action.state, action.get_status_display()),
                        ],
                        PLAN_WIDTHS,
                    )
    return to_bytes(document)


ANSWER_HEADERS = [
    "Thematic",
    "Rec",
    "Recommendation",
    "Part",
    "Line of enquiry or evidence source",
    "Answer",
    "Comment or note",
    "Where held",
    "Rating",
    "Rationale",
]
ANSWER_WIDTHS = [40, 8, 60, 16, 60, 14, 50, 30, 20, 50]


def answers_xlsx(assessment: SelfAssessment, groups: list[Thematic]) -> bytes:
    """One row per line of enquiry and per evidence source, with the rating beside each, so
    the sheet filters by thematic, answer or rating."""
    rows: list[list[Any]] = []
    for group in groups:
        for view in group.items:
            rec = [group.report.title, view.rec.short_label, recommendation_text(view.rec)]
            rating = [view.item.get_rating_display(), view.item.rationale]
            for line in view.lines:
                answer = line.answer
                rows.append(
                    [
                        *rec,
                        "Line of enquiry",
                        line.question,
                        ANSWER_LABELS.get(answer.answer, "") if answer else "",
                        answer.comment if answer else "",
                        "",
                        *rating,
                    ]
                )
            for source in view.sources:
                entry = source.entry
                held = "Held" if entry and entry.held else "Not held"
                where = [entry.link, entry.evidence_file_name] if entry else []
                rows.append(
                    [
                        *rec,
                        "Evidence",
                        source.prompt,
                        held,
                        entry.note if entry else "",
                        "; ".join(w for w in where if w),
                        *rating,
                    ]
                )
            if not view.lines and not view.sources:
                rows.append([*rec, "Rating", "", "", "", "", *rating])
    return table_xlsx(
        ANSWER_HEADERS,
        rows,
        widths=ANSWER_WIDTHS,
        title=f"{assessment.organisation.name} self-assessment {assessment.year}",
        sheet="Answers",
    )
