"""The field builders every casework form uses: GOV.UK wording for each error, written once."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from ..models import YES_NO_UNKNOWN


class PlausibleDateField(forms.DateField):
    """A date from 1990 to 2099: a mistyped year is an error on the form, not a broken page."""

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value and not date(1990, 1, 1) <= value <= date(2099, 12, 31):
            raise forms.ValidationError(
                f"{self.label} must be between 1990 and 2099", code="out_of_range"
            )


def _date(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return PlausibleDateField(
        label=label,
        required=required,
        help_text=help_text or "For example 2026-03-31",
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d %B %Y"],
        error_messages={
            "required": f"Enter the {label.lower()}",
            "invalid": f"Enter the {label.lower()} as a real date, for example 2026-03-31",
        },
    )


def _choice(label: str, choices: list[tuple[str, str]]) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=[("", "Select"), *choices],
        error_messages={
            "required": f"Select the {label.lower()}",
            "invalid_choice": f"Choose the {label.lower()} from the list",
        },
    )


YES_NO_BLANK = [("", "Not recorded"), *YES_NO_UNKNOWN]


def _radios(label: str, choices: list[tuple[str, str]], *, error: str) -> Any:
    """Radios asking `label`, with the GOV.UK message `error` ("Select the kind of meeting")."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": error, "invalid_choice": error},
    )


def _yes_no(label: str) -> Any:
    return forms.ChoiceField(label=label, required=False, choices=YES_NO_BLANK)


def _text(label: str, *, rows: int = 3, help_text: str = "", max_length: int = 2000) -> Any:
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text or "Do not name the child or anyone else.",
    )


def _version(*, required: bool = True) -> Any:
    """The version of the record the form was opened on, carried hidden."""
    message = "This page was out of date: open it again and make your change"
    return forms.IntegerField(
        widget=forms.HiddenInput,
        required=required,
        error_messages={"required": message, "invalid": message},
    )
