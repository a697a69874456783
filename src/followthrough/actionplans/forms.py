from __future__ import annotations

from typing import Any

from django import forms

from followthrough.web.forms import GovukFormMixin

from .models import Decision, Response


class ResponseForm(GovukFormMixin, forms.Form):
    decision = forms.ChoiceField(
        choices=Decision.choices,
        widget=forms.RadioSelect,
        label="Decision",
        error_messages={
            "required": "Select whether the recommendation is agreed, partly agreed or not agreed"
        },
    )
    reason_categories = forms.MultipleChoiceField(
        choices=Response.Reason.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Why is it not agreed in full?",
        help_text="Select all that apply. Needed when the decision is partly agreed or not agreed",
    )
    agreed_part = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label="Which part will be implemented?",
        help_text="Needed when the decision is partly agreed",
    )
    narrative = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        label="Response",
        help_text="How and when the recommendation will be met or, if it will not be, why not",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].error_messages["invalid_choice"] = self.fields[
            "decision"
        ].error_messages["required"]
