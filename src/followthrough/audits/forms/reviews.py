"""The review against the resettlement standard: starting one, a key question, a reflection
question, an improvement action; and citing an audit finding or casework measure on a
self-assessment item, the review's traceability."""

from __future__ import annotations

from typing import Any

from django import forms

from followthrough.core.forms import GovukFormMixin, date_field
from followthrough.selfassessment.forms import ImprovementForm
from followthrough.selfassessment.models import Rating

from ..models import EvidenceCitation


class ReviewStartForm(GovukFormMixin, forms.Form):
    organisation = forms.TypedChoiceField(
        coerce=int,
        label="Youth justice service",
        error_messages={
            "required": "Select the service the review is for",
            "invalid_choice": "Select the service the review is for",
        },
    )
    year = forms.IntegerField(
        label="Year",
        min_value=2015,
        max_value=2099,
        help_text="One review a year, for example 2026",
        error_messages={
            "required": "Enter the year, for example 2026",
            "invalid": "Enter the year as four digits, for example 2026",
            "min_value": "Enter a year between 2015 and 2099",
            "max_value": "Enter a year between 2015 and 2099",
        },
    )
    audit = forms.TypedChoiceField(
        coerce=int,
        required=False,
        empty_value=None,
        label="Case audit (optional)",
        help_text="The finished audit whose findings give the standard's case-based part",
        error_messages={"invalid_choice": "Select one of the service's finished audits"},
    )

    field_widths = {"year": "govuk-input--width-4"}

    def __init__(self, *args: Any, organisations: list, audits: list, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(o.pk, o.name) for o in organisations]
        self.fields["audit"].choices = [("", "No audit yet")] + [
            (a.pk, f"{a.organisation.short_name}: {a.title}") for a in audits
        ]


class KeyQuestionForm(GovukFormMixin, forms.Form):
    evidence = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        label="Evidence",
        help_text="What shows how well the service meets this key question: documents, "
        "minutes, data, what children and families say",
    )
    rating = forms.ChoiceField(
        choices=Rating.choices,
        required=False,
        widget=forms.RadioSelect,
        label="Rating",
        error_messages={"invalid_choice": "Select a rating from the four-point scale"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)


class ReflectionForm(GovukFormMixin, forms.Form):
    answer = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}), required=False, label="Your answer"
    )
    score = forms.IntegerField(
        required=False,
        min_value=1,
        max_value=10,
        label="Score out of 10",
        help_text="A whole number from 1 to 10",
        error_messages={
            "invalid": "Enter a score from 1 to 10",
            "min_value": "Enter a score from 1 to 10",
            "max_value": "Enter a score from 1 to 10",
        },
    )
    answered_on = date_field("Date answered", required=False, hint="Today if left blank")
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    field_widths = {"score": "govuk-input--width-2", "answered_on": "govuk-input--width-10"}

    def __init__(self, *args: Any, scored: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not scored:
            del self.fields["score"]


class ReviewImprovementForm(ImprovementForm):
    """The self-assessment's improvement action form: the same fields, wording and target."""


class CitationForm(GovukFormMixin, forms.Form):
    kind = forms.ChoiceField(
        choices=EvidenceCitation.Kind.choices,
        widget=forms.RadioSelect,
        label="What does the evidence come from?",
        error_messages={
            "required": "Select an audit finding or a casework measure",
            "invalid_choice": "Select an audit finding or a casework measure",
        },
    )
    finding = forms.ChoiceField(
        required=False,
        label="Audit finding",
        help_text="An audit of the service's cases, and the criterion whose finding shows it",
        error_messages={"invalid_choice": "Select one of the service's audit findings"},
    )
    measure = forms.ChoiceField(
        required=False,
        label="Casework measure",
        help_text="A measure of the board pack, read from the service's cases",
        error_messages={"invalid_choice": "Select a casework measure"},
    )
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label="What it shows (optional)",
    )

    def __init__(self, *args: Any, findings: list, measures: list, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["finding"].choices = [("", "Select an audit finding")] + [
            (
                f"{audit.title} ({audit.get_status_display().lower()})",
                [(f"{audit.pk}:{c.pk}", f"{c.code} {c.text}"[:140]) for c in criteria],
            )
            for audit, criteria in findings
            if criteria
        ]
        self.fields["measure"].choices = [("", "Select a casework measure"), *measures]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        if kind == EvidenceCitation.Kind.FINDING and not data.get("finding"):
            self.add_error("finding", "Select an audit finding")
        if kind == EvidenceCitation.Kind.MEASURE and not data.get("measure"):
            self.add_error("measure", "Select a casework measure")
        return data

    @property
    def audit_and_criterion(self) -> tuple[int | None, int | None]:
        audit, _, criterion = str(self.cleaned_data.get("finding") or "").partition(":")
        if not (audit.isdigit() and criterion.isdigit()):
            return None, None
        return int(audit), int(criterion)
