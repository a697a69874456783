from __future__ import annotations

from django import forms

from followthrough.core.forms import GovukFormMixin

from .milestones import PHASES
from .models import REFERENCE, Case, Task


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


class CaseOpenForm(GovukFormMixin, forms.Form):
    """What opening a case asks for: the service's reference and what planning needs, never a
    name, a date of birth, an address or a school."""

    reference = forms.CharField(
        label="Case reference",
        max_length=30,
        help_text="The reference your case management system gives the child, like NB-0031. "
        "Never the child's name or date of birth.",
        validators=[REFERENCE],
        error_messages={"required": "Enter the case reference"},
    )
    age_at_sentence = forms.IntegerField(
        label="Age at sentence, in years",
        min_value=10,
        max_value=17,
        error_messages={
            "required": "Enter the child's age at sentence",
            "invalid": "Enter the age at sentence as a whole number, like 16",
            "min_value": "The age at sentence must be 10 or more",
            "max_value": "The age at sentence must be 17 or less",
        },
    )
    sex = _choice("Sex", Case.Sex.choices)
    ethnicity = _choice("Ethnic group", Case.Ethnicity.choices)
    care_status = _choice("Care status", Case.CareStatus.choices)
    sentence_type = _choice("Sentence", Case.Sentence.choices)
    sentence_date = _date("Sentence date")
    earliest_release = _date("Earliest release date", required=False)

    field_widths = {"reference": "govuk-input--width-10", "age_at_sentence": "govuk-input--width-3"}
