from __future__ import annotations

from django import forms

from followthrough.core.forms import GovukFormMixin

from .milestones import PHASES
from .models import Task


class TaskUpdateForm(GovukFormMixin, forms.Form):
    status = forms.ChoiceField(
        choices=Task.Status.choices,
        label="Where is this task?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether the task is open, done or no longer needed",
            "invalid_choice": "Select whether the task is open, done or no longer needed",
        },
    )
    note = forms.CharField(
        label="Note for the case manager",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What was done, or why it is no longer needed. Do not name the child.",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class CaseloadFilterForm(forms.Form):
    phase = forms.ChoiceField(
        choices=[("", "All phases"), *PHASES.items()], required=False, label="Phase"
    )
