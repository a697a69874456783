"""A marker's answers to one case, and a moderator's settled answer to one difference."""

from __future__ import annotations

from typing import Any

from django import forms

from followthrough.core.forms import GovukFormMixin

from ..selectors.audits import MarkingSheet


class MarkingForm(GovukFormMixin, forms.Form):
    """For each criterion: the answer (radios), a note, and the reason for answering otherwise
    than the case record offers."""

    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, sheet: MarkingSheet, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {"version": sheet.version}
            | {
                f"c{i.criterion.pk}": i.value or (i.offered.value if i.offered else "")
                for i in sheet.items
            }
            | {f"c{i.criterion.pk}-note": i.answer.note for i in sheet.items if i.answer}
            | {
                f"c{i.criterion.pk}-reason": i.answer.override_reason
                for i in sheet.items
                if i.answer
            },
        )
        super().__init__(*args, **kwargs)
        self.sheet = sheet
        for item in sheet.items:
            c = item.criterion
            self.fields[f"c{c.pk}"] = forms.ChoiceField(
                label=f"{c.code} {c.text}",
                choices=c.choices,
                widget=forms.RadioSelect,
                required=False,
            )
            self.fields[f"c{c.pk}-note"] = forms.CharField(
                label=f"Note on {c.code} (optional)",
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            if item.offered is not None:
                self.fields[f"c{c.pk}-reason"] = forms.CharField(
                    label=f"Why your answer to {c.code} differs from the case record",
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )

    def rows(self) -> list[tuple[str, list[tuple[Any, Any, Any, Any]]]]:
        """(section, [(item, answer field, note field, reason field or None)]) for the template."""
        return [
            (
                section.title,
                [
                    (
                        item,
                        self[f"c{item.criterion.pk}"],
                        self[f"c{item.criterion.pk}-note"],
                        self[f"c{item.criterion.pk}-reason"] if item.offered else None,
                    )
                    for item in section.items
                ],
            )
            for section in self.sheet.sections
        ]


class ModerationForm(GovukFormMixin, forms.Form):
    value = forms.ChoiceField(
        label="The answer that stands",
        widget=forms.RadioSelect,
        error_messages={"required": "Select the answer that stands"},
    )
    reason = forms.CharField(
        label="Why this answer stands",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why this answer stands"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args: Any, choices: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["value"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = choices
