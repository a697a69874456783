"""The field builders every casework form uses: GOV.UK wording for each error, written once."""

from __future__ import annotations

from typing import Any

from django import forms

from followthrough.core.forms import date_field

from ..models import YES_NO_UNKNOWN


def _date(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return date_field(label, required=required, hint=help_text)


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
