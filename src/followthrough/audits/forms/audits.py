"""Setting up an audit, drawing its sample and assigning its markers."""

from __future__ import annotations

from typing import Any

from django import forms

from followthrough.core.forms import GovukFormMixin, date_field

from ..models import Audit, AuditCase, CriteriaSet


def _date(label: str) -> forms.DateField:
    return date_field(label)


def _percent(label: str, *, required: bool, hint: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=0,
        max_value=100,
        help_text=hint,
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"{label} must be a whole number, like 25",
            "min_value": f"{label} must be 0 or more",
            "max_value": f"{label} must be 100 or less",
        },
    )


class AuditNewForm(GovukFormMixin, forms.Form):
    title = forms.CharField(
        label="Name of the audit",
        max_length=200,
        help_text="For example, Resettlement case audit, April to September 2026",
        error_messages={"required": "Enter a name for the audit"},
    )
    criteria_set = forms.ModelChoiceField(
        label="Criteria set",
        queryset=CriteriaSet.objects.none(),
        empty_label="Select a criteria set",
        error_messages={
            "required": "Select the criteria set to audit against",
            "invalid_choice": "Select a published criteria set",
        },
    )
    period_start = _date("Start of the period")
    period_end = _date("End of the period")
    population = forms.ChoiceField(
        label="Which cases",
        choices=Audit.Population.choices,
        widget=forms.RadioSelect,
        initial=Audit.Population.RELEASED,
        error_messages={"required": "Select which cases the audit covers"},
    )
    sampling_rule = forms.ChoiceField(
        label="How many of them",
        choices=Audit.Sampling.choices,
        widget=forms.RadioSelect,
        initial=Audit.Sampling.ALL,
        error_messages={"required": "Select how many cases to audit"},
    )
    sample_percent = _percent(
        "Share to audit (%)", required=False, hint="Only for a share: for example 50"
    )
    sample_minimum = forms.IntegerField(
        label="Smallest sample",
        required=False,
        min_value=1,
        help_text="Only for a share: audit at least this many cases",
        error_messages={
            "invalid": "The smallest sample must be a whole number, like 10",
            "min_value": "The smallest sample must be at least 1 case",
        },
    )
    stratify_by_sex = forms.BooleanField(label="Draw in proportion to each sex", required=False)
    double_mark_percent = _percent(
        "Share marked twice (%)",
        required=True,
        hint="A second auditor marks this share of the sample without seeing the first answers",
    )
    field_widths = {
        "sample_percent": "govuk-input--width-3",
        "sample_minimum": "govuk-input--width-3",
        "double_mark_percent": "govuk-input--width-3",
    }

    def __init__(self, *args: Any, sets: list[CriteriaSet], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["criteria_set"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = CriteriaSet.objects.filter(pk__in=[s.pk for s in sets])
        field.label_from_instance = str  # type: ignore[assignment,method-assign]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("sampling_rule") == Audit.Sampling.SHARE and not data.get("sample_percent"):
            self.add_error("sample_percent", "Enter the share of cases to audit, from 1% to 100%")
        return data


class AssignForm(GovukFormMixin, forms.Form):
    """A first and (for a double-marked case) second marker for each sampled case."""

    def __init__(
        self, *args: Any, rows: list[AuditCase], markers: list[Any], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", "Not assigned")] + [(str(u.pk), u.get_username()) for u in markers]
        self.rows = rows
        self.markers = {str(u.pk): u for u in markers}
        for row in rows:
            self.fields[f"first_{row.pk}"] = forms.ChoiceField(
                label=f"First marker for case {row.case.reference}",
                choices=choices,
                required=False,
                initial=str(row.first_marker_id or ""),
            )
            if row.double_marked:
                self.fields[f"second_{row.pk}"] = forms.ChoiceField(
                    label=f"Second marker for case {row.case.reference}",
                    choices=choices,
                    required=False,
                    initial=str(row.second_marker_id or ""),
                )
            self.fields[f"version_{row.pk}"] = forms.IntegerField(
                widget=forms.HiddenInput, initial=row.version
            )

    def table(self) -> list[tuple[AuditCase, Any, Any, Any]]:
        return [
            (
                row,
                self[f"first_{row.pk}"],
                self[f"second_{row.pk}"] if row.double_marked else None,
                self[f"version_{row.pk}"],
            )
            for row in self.rows
        ]

    def chosen(self) -> list[tuple[AuditCase, int, Any, Any]]:
        """(row, version, first marker, second marker) for every row whose markers changed."""
        out = []
        for row in self.rows:
            first = self.markers.get(self.cleaned_data.get(f"first_{row.pk}") or "")
            second = self.markers.get(self.cleaned_data.get(f"second_{row.pk}") or "")
            if first is None and second is None:
                continue
            if (getattr(first, "pk", None), getattr(second, "pk", None)) == (
                row.first_marker_id,
                row.second_marker_id,
            ):
                continue
            out.append((row, self.cleaned_data[f"version_{row.pk}"], first, second))
        return out
