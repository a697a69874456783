"""Writing an extraction into the database. Callers hold the transaction: one per document."""

from __future__ import annotations

import re
from datetime import date
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models

from followthrough.actionplans.models import Action, ActionPlan, Decision, Response
from followthrough.audits.services import criteria_set_from_report
from followthrough.core.models import SourceDocument
from followthrough.inspections.models import Finding, PracticeExample, Recommendation, Report
from followthrough.inspections.themes import themes_for
from followthrough.organisations.models import Organisation
from followthrough.organisations.services import organisations_resolve

from .extract.decisions import responder_of
from .extract.text import share_of
from .extract.types import Extraction
from .extract.types import Recommendation as ExtractedRecommendation

TARGET_STATUS = {"completed": Action.Status.COMPLETED, "ongoing": Action.Status.ONGOING}


def title_key(title: str | None) -> str:
    """Titles as documents print them differ in case, articles and punctuation; compare this."""
    t = re.sub(r"[^a-z0-9 ]+", " ", (title or "").casefold())
    t = re.sub(r"^\s*(?:a|an|the)\s+", "", t)
    return re.sub(r"\s+", " ", t).strip()


def iso_to_date(value: str | None) -> tuple[date | None, str]:
    """An ISO date, month or year as a date plus how precise it is."""
    if not value:
        return None, "day"
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts), "day"
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), "month"
    return date(parts[0], 1, 1), "year"


def _report_kind(title: str) -> str:
    joint = re.search(r"\bjoint\b", title, re.I)
    return str(Report.Kind.JOINT_THEMATIC if joint else Report.Kind.THEMATIC)


def find_report(title: str | None) -> Report | None:
    key = title_key(title)
    if not key:
        return None
    for report in Report.objects.only("id", "title"):
        if title_key(report.title) == key:
            return report
    return None


M = TypeVar("M", bound=models.Model)


def _save(model: type[M], instance: M | None, fields: dict[str, Any]) -> M:
    """Create the row, or bring the existing one up to date with the new import."""
    if instance is None:
        return model._default_manager.create(**fields)  # `objects`: the only manager each has
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.save()
    return instance


def _inspectorates(names: list[str]) -> list[Organisation]:
    return [o for name in names for o in organisations_resolve(text=name)]


def recommendation_fields(
    rec: ExtractedRecommendation, order: int, source: SourceDocument
) -> dict[str, Any]:
    return {
        "order": order,
        "addressee_text": rec.addressee or "",  # None: the document names no addressee
        "text": rec.text,
        "items": [i.to_dict() for i in rec.items],
        "paragraph_refs": rec.paragraph_refs,
        "themes": themes_for(rec.text, [i.text for i in rec.items]),
        "label_inferred": rec.label_inferred,
        "source": source,
        "source_start": rec.start,
        "source_end": rec.end,
    }


def recommendation_order(rec: ExtractedRecommendation, index: int) -> int:
    return (1000 if rec.section == "additional" else 0) + index


def report_load(extraction: Extraction, source: SourceDocument) -> Report:
    doc = extraction.document
    published, precision = iso_to_date(doc.published)
    report = find_report(doc.title)
    fields = {
        "title": doc.title or source.file_name,
        "kind": _report_kind(doc.title or ""),
        "published": published,
        "published_precision": precision,
        "source": source,
        "source_start": 0,
        "source_end": len(source.text),
        "created_from_action_plan": False,
    }
    report = _save(Report, report, fields)
    report.inspectorates.set(_inspectorates(doc.inspectorates))
    for index, rec in enumerate(extraction.recommendations):
        row, _ = Recommendation.objects.update_or_create(
            report=report,
            section=rec.section,
            label=rec.label,
            defaults=recommendation_fields(rec, recommendation_order(rec, index), source),
        )
        row.addressees.set(organisations_resolve(text=rec.addressee))
    # Findings are machine-read from this document alone: a re-import reads them afresh.
    Finding.objects.filter(report=report, source=source).delete()
    Finding.objects.bulk_create(
        Finding(
            report=report,
            order=order,
            section=finding.section,
            lead_in=finding.lead_in or "",
            statement=finding.statement,
            values=finding.values,
            warnings=finding.warnings,
            source=source,
            source_start=finding.start,
            source_end=finding.end,
        )
        for order, finding in enumerate(extraction.findings)
    )
    if extraction.findings:
        _criteria_set(report, source)
    practice_load(extraction, report, source)
    return report


def _criteria_set(report: Report, source: SourceDocument) -> None:
    """A report with findings tables gives case audits their criteria and national figures:
    the set is built the first time the report comes in (a re-import keeps the set, whose
    criteria keep the figures they copied). One that cannot be built is a warning, never a
    refused import."""
    try:
        criteria_set_from_report(report=report, actor=source.imported_by)
    except ValidationError as exc:
        source.warnings = [*source.warnings, f"No case audit criteria built: {exc.messages[0]}"]
        source.save(update_fields=["warnings"])


def practice_load(extraction: Extraction, report: Report, source: SourceDocument) -> None:
    """The document's practice examples, themed; machine-read, so re-read on a re-import."""
    PracticeExample.objects.filter(report=report, source=source).delete()
    PracticeExample.objects.bulk_create(
        PracticeExample(
            report=report,
            order=order,
            title=example.title[:500],
            service=(example.service or "")[:300],
            kind=example.kind,
            text=example.text,
            themes=themes_for(f"{example.title} {example.text}"),
            source=source,
            source_start=example.start,
            source_end=example.end,
        )
        for order, example in enumerate(extraction.practice_examples)
    )


def practice_guide_load(extraction: Extraction, source: SourceDocument) -> Report:
    doc = extraction.document
    published, precision = iso_to_date(doc.published)
    report = Report.objects.filter(
        kind=Report.Kind.PRACTICE_GUIDE, source__file_name=source.file_name
    ).first()
    fields = {
        "title": doc.title or source.file_name,
        "kind": Report.Kind.PRACTICE_GUIDE,
        "source": source,
        "source_start": 0,
        "source_end": len(source.text),
        "created_from_action_plan": False,
        "published": published,
        "published_precision": precision,
        "guide": {
            "standards": [s.to_dict() for s in extraction.standards],
            "reflection_questions": [q.to_dict() for q in extraction.reflection_questions],
            "concepts": [c.to_dict() for c in extraction.concepts],
        },
    }
    report = _save(Report, report, fields)
    report.inspectorates.set(_inspectorates(doc.inspectorates))
    practice_load(extraction, report, source)
    return report


def benchmarking_load(extraction: Extraction, source: SourceDocument) -> list[Report]:
    """Each thematic of a benchmarking tool as a report of that kind: its recommendations carry
    their lines of enquiry and evidence prompts, its additional ones one per local partner."""
    reports = []
    for thematic in extraction.thematics:
        title = thematic.title
        existing = Report.objects.filter(title=title, source__file_name=source.file_name).first()
        published, precision = iso_to_date(thematic.published or str(thematic.year or ""))
        fields = {
            "title": title,
            "kind": _report_kind(title),  # each thematic is an inspection the tool benchmarks
            "published": published,
            "published_precision": precision,
            "source": source,
            "source_start": thematic.start,
            "source_end": thematic.end,
            "created_from_action_plan": False,
        }
        report = _save(Report, existing, fields)
        report.inspectorates.set(_inspectorates(thematic.inspectorates))
        for number, rec in enumerate(thematic.recommendations, start=1):
            text = " ".join([rec.text, *(i.text for i in rec.items)])
            row, _ = Recommendation.objects.update_or_create(
                report=report,
                section=Recommendation.Section.MAIN,
                label=str(number),
                defaults={
                    "order": number,
                    "addressee_text": rec.addressee,
                    "text": rec.text,
                    "items": [i.to_dict() for i in rec.items],
                    "themes": themes_for(text),
                    "lines_of_enquiry": rec.lines_of_enquiry,
                    "evidence_prompts": rec.evidence,
                    "source": source,
                    "source_start": rec.start,
                    "source_end": rec.end,
                },
            )
            row.addressees.set(organisations_resolve(text=rec.addressee))
        for number, group in enumerate(thematic.additional, start=1):
            text = " ".join(i.text for i in group.items)
            single = len(group.items) == 1
            row, _ = Recommendation.objects.update_or_create(
                report=report,
                section=Recommendation.Section.ADDITIONAL,
                label=str(number),
                defaults={
                    "order": 1000 + number,
                    "addressee_text": group.addressee,
                    # pages print "<addressee> should:" above the points: not again as text
                    "text": group.items[0].text if single else "",
                    "items": [] if single else [i.to_dict() for i in group.items],
                    "themes": themes_for(text),
                    "source": source,
                    "source_start": thematic.start,
                    "source_end": thematic.end,
                },
            )
            row.addressees.set(organisations_resolve(text=group.addressee))
        reports.append(report)
    return reports


def action_plan_load(extraction: Extraction, source: SourceDocument) -> ActionPlan:
    doc = extraction.document
    report = find_report(doc.report_title)
    if report is None:
        published, precision = iso_to_date(doc.report_published)
        report = Report.objects.create(
            title=doc.report_title or source.file_name,
            kind=_report_kind(doc.report_title or ""),
            published=published,
            published_precision=precision,
            created_from_action_plan=True,
        )
        report.inspectorates.set(_inspectorates(doc.inspectorates))
    submitted, _ = iso_to_date(doc.submitted)
    decisions = " ".join(
        (r.response.decision_text or "") for r in extraction.recommendations if r.response
    )
    plan: ActionPlan | None = ActionPlan.objects.filter(
        source__file_name=source.file_name, report=report
    ).first()
    fields = {
        "report": report,
        "title": doc.title or f"Action plan: {report.title}",
        "submitted": submitted,
        "status": ActionPlan.Status.PUBLISHED,
        "decision_vocabulary": (
            ActionPlan.Vocabulary.ACCEPTED
            if re.search(r"accept", decisions, re.I)
            else ActionPlan.Vocabulary.AGREED
        ),
        "notes": extraction.notes,
        "source": source,
        "source_start": 0,
        "source_end": len(source.text),
    }
    plan = _save(ActionPlan, plan, fields)
    known = {(r.section, r.label): r for r in report.recommendations.all()}
    for index, rec in enumerate(extraction.recommendations):
        row = known.get((rec.section, rec.label))
        if row is None:
            row = Recommendation.objects.create(
                report=report,
                section=rec.section,
                label=rec.label,
                **recommendation_fields(rec, recommendation_order(rec, index), source),
            )
            row.addressees.set(organisations_resolve(text=rec.addressee))
        response_load(plan, row, rec, source)
    return plan


def response_load(
    plan: ActionPlan,
    recommendation: Recommendation,
    rec: ExtractedRecommendation,
    source: SourceDocument,
) -> Response:
    extracted = rec.response
    assert extracted is not None  # action plan rows always carry a response
    # The owner column says who answered (a board's recommendation answered by the YJB).
    answering = responder_of(rec.addressee, extracted.owners)
    addressed = organisations_resolve(text=answering) or list(recommendation.addressees.all())
    responding: Organisation | None = addressed[0] if addressed else None
    oversight = next(
        (
            orgs[0]
            for orgs in (
                organisations_resolve(text=o) for o in extracted.owners if "oversight" in o.lower()
            )
            if orgs
        ),
        None,
    )
    response = Response.objects.create(
        action_plan=plan,
        recommendation=recommendation,
        responding_organisation=responding,
        oversight_organisation=oversight,
        decision=extracted.decision or "",
        decision_text=extracted.decision_text or "",
        narrative=extracted.text,
        source=source,
        source_start=rec.start,
        source_end=rec.end,
    )
    assert response.decision in {"", *Decision.values}
    for order, action in enumerate(extracted.actions):
        owners = organisations_resolve(text=action.owner)
        target = action.target
        Action.objects.create(
            response=response,
            order=order,
            description=share_of(
                extracted.text,
                owner=action.owner,
                target=action.target_text,
                of=len(extracted.actions),
            ),
            owner_text=action.owner or "",
            owner_organisation=owners[0] if owners else responding,
            target_text=action.target_text or "",
            target_kind=target.kind if target else Action.TargetKind.UNKNOWN,
            target_value=(target.value or "") if target else "",
            due_date=date.fromisoformat(target.due) if target and target.due else None,
            status=TARGET_STATUS.get(target.kind if target else "", Action.Status.PLANNED),
            source=source,
            source_start=rec.start,
            source_end=rec.end,
        )
    return response
