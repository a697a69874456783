"""The field builders every casework form uses: GOV.UK wording for each error, written once."""

from __future__ import annotations

from typing import Any

from django import forms

from ..models import YES_NO_UNKNOWN


def _date(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
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


def _radios(label: str, choices: list[tuple[str, str]], *, required: bool = True) -> Any:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=required,
        widget=forms.RadioSelect,
        error_messages={
            "required": f"Select {label[0].lower()}{label[1:]}".rstrip("?"),
            "invalid_choice": f"Select {label[0].lower()}{label[1:]}".rstrip("?"),
        },
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
