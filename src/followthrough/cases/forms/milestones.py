"""The service administrator's form for the service's own milestone rules."""

from __future__ import annotations

from typing import Any

from django import forms

from .records import RecordForm


class MilestoneRulesForm(RecordForm):
    """One number per rule, in the rule's own unit and direction; `seen_*` carry what the page
    showed, so a change made meanwhile by someone else is not overwritten."""

    def __init__(self, *args: Any, rows: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            unit = "months" if row.unit == "months" else "days"
            where = {"sentence": "sentence", "earliest_release": "the earliest release date"}
            after = where.get(row.anchor, "release")
            direction = "before" if row.before else "after"
            self.fields[row.code] = forms.IntegerField(
                label=row.label,
                min_value=0,
                initial=row.amount,
                help_text=f"Number of {unit} {direction} {after}. National default: "
                f"{row.national}. Source: {row.source}",
                error_messages={
                    "required": f"Enter the number of {unit} for: {row.label.lower()}",
                    "invalid": f"Enter the number of {unit} as a whole number, like 10",
                    "min_value": "Enter a number of 0 or more",
                },
                widget=forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-3"}),
            )
            self.fields[row.code].widget.attrs["aria-describedby"] = f"{row.code}-hint"
            self.fields[f"seen_{row.code}"] = forms.IntegerField(
                widget=forms.HiddenInput, initial=row.amount, required=False
            )
        self.sections = [("Rules", " ".join(row.code for row in rows))]

    def seen(self) -> dict[str, int]:
        return {
            row.code: self.cleaned_data[f"seen_{row.code}"]
            for row in self.rows
            if self.cleaned_data.get(f"seen_{row.code}") is not None
        }
