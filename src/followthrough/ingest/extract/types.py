"""Plain dataclasses the extractors return; loaders and the CLI turn them into rows or JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from followthrough.core.targets import Target


class ExtractionError(ValueError):
    """The text is not a document this extractor can read; the message says why, in one line."""


@dataclass
class Action:
    owner: str | None
    target_text: str | None
    target: Target | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "owner": self.owner,
            "target_text": self.target_text,
            "target": self.target.to_dict() if self.target else None,
        }


@dataclass
class Response:
    decision: str | None  # agreed, partly_agreed, not_agreed
    decision_text: str | None
    text: str
    owners: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    progress: str | None = None  # a table's extra columns (progress, RAG status, evidence …)

    def to_dict(self) -> dict[str, Any]:
        return {
            "decision": self.decision,
            "decision_text": self.decision_text,
            "text": self.text,
            "owners": list(self.owners),
            "targets": list(self.targets),
            "actions": [a.to_dict() for a in self.actions],
            "progress": self.progress,
        }


@dataclass
class Item:
    label: str | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "text": self.text}


@dataclass
class Recommendation:
    label: str
    section: str  # main or additional
    addressee: str | None  # None when the document names no body
    text: str
    items: list[Item] = field(default_factory=list)
    paragraph_refs: list[str] = field(default_factory=list)
    response: Response | None = None
    start: int = 0
    end: int = 0
    label_inferred: bool = False
    confidence: float = 1.0  # lowered where the reader guessed (a column's role, a label)

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "section": self.section,
            "addressee": self.addressee,
            "text": self.text,
            "items": [i.to_dict() for i in self.items],
            "paragraph_refs": list(self.paragraph_refs),
            "response": self.response.to_dict() if self.response else None,
            "provenance": {"start": self.start, "end": self.end},
            "label_inferred": self.label_inferred,
            "confidence": self.confidence,
        }


@dataclass
class Document:
    kind: str
    title: str | None = None
    published: str | None = None
    inspectorates: list[str] = field(default_factory=list)
    report_title: str | None = None
    report_published: str | None = None
    submitted: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class BenchmarkRecommendation:
    """A recommendation to youth offending partnerships, with the questions a service asks
    itself about it (lines of enquiry) and where the answer is found (how do we know)."""

    addressee: str
    text: str
    items: list[Item] = field(default_factory=list)
    lines_of_enquiry: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "addressee": self.addressee,
            "text": self.text,
            "items": [i.to_dict() for i in self.items],
            "lines_of_enquiry": list(self.lines_of_enquiry),
            "evidence": list(self.evidence),
            "provenance": {"start": self.start, "end": self.end},
        }


@dataclass
class AdditionalGroup:
    addressee: str
    items: list[Item] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"addressee": self.addressee, "items": [i.to_dict() for i in self.items]}


@dataclass
class Thematic:
    title: str
    year: int | None
    recommendations: list[BenchmarkRecommendation] = field(default_factory=list)
    additional: list[AdditionalGroup] = field(default_factory=list)
    start: int = 0
    end: int = 0
    published: str | None = None  # ISO month ("2013-11") when the document prints one
    inspectorates: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "year": self.year,
            "published": self.published or (str(self.year) if self.year else None),
            "inspectorates": list(self.inspectorates),
            "recommendations": [r.to_dict() for r in self.recommendations],
            "additional": [a.to_dict() for a in self.additional],
            "provenance": {"start": self.start, "end": self.end},
        }


@dataclass
class Finding:
    """One statement of an inspection's findings tables, with its answers as percentages."""

    section: str
    statement: str
    lead_in: str | None
    values: dict[str, int | None]
    warnings: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "section": self.section,
            "statement": self.statement,
            "lead_in": self.lead_in,
            "values": dict(self.values),
            "warnings": list(self.warnings),
            "provenance": {"start": self.start, "end": self.end},
        }


@dataclass
class PracticeExample:
    title: str
    service: str | None
    kind: str  # good, poor, promising, case_illustration
    text: str
    start: int = 0
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "service": self.service,
            "kind": self.kind,
            "text": self.text,
            "provenance": {"start": self.start, "end": self.end},
        }


@dataclass
class ReflectionQuestion:
    perspective: str  # strategic or operational
    question: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Standard:
    name: str
    expectations: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Concept:
    """A model a guide teaches: its terms with their definitions, and the questions it asks."""

    name: str
    terms: list[dict[str, str]] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Extraction:
    source: str
    document: Document
    recommendations: list[Recommendation] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    supported: bool = True
    thematics: list[Thematic] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    practice_examples: list[PracticeExample] = field(default_factory=list)
    reflection_questions: list[ReflectionQuestion] = field(default_factory=list)
    standards: list[Standard] = field(default_factory=list)
    concepts: list[Concept] = field(default_factory=list)
    table_header: list[str] | None = None  # a response table's header cells, as read
    table_roles: list[str] | None = None  # the role each header column was read as, in order

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "source": self.source,
            "document": self.document.to_dict(),
            "recommendations": [r.to_dict() for r in self.recommendations],
            "notes": list(self.notes),
            "warnings": list(self.warnings),
        }
        if self.table_header is not None:
            out["table_header"] = list(self.table_header)
        if self.table_roles is not None:
            out["table_roles"] = list(self.table_roles)
        if self.document.kind == "benchmarking_tool":
            out["thematics"] = [t.to_dict() for t in self.thematics]
        if self.document.kind == "inspection_report":
            out["findings"] = [f.to_dict() for f in self.findings]
        if self.document.kind in ("inspection_report", "practice_guide"):
            out["practice_examples"] = [p.to_dict() for p in self.practice_examples]
        if self.document.kind == "practice_guide":
            out["standards"] = [s.to_dict() for s in self.standards]
            out["reflection_questions"] = [q.to_dict() for q in self.reflection_questions]
            out["concepts"] = [c.to_dict() for c in self.concepts]
        return out
