"""Forms of the caseload: filtering it, opening a case, importing cases, and a partner's
update of its task."""

from __future__ import annotations

from django import forms

from followthrough.core.forms import GovukFormMixin

from ..milestones import PHASES
from ..models import REFERENCE, Case, Task
from .fields import _choice, _date


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


class CaseImportForm(GovukFormMixin, forms.Form):
    """A spreadsheet of cases in the import layout (docs/casework.md): a CSV or an Excel
    workbook, at most 5MB, its kind read from its bytes rather than its name."""

    file = forms.FileField(
        label="Spreadsheet of cases",
        help_text="A CSV file saved as UTF-8, or an Excel workbook (.xlsx), smaller than 5MB",
        error_messages={"required": "Select a file", "empty": "The selected file is empty"},
    )

    def clean_file(self):  # type: ignore[no-untyped-def]
        from followthrough.core.uploads import upload_sniff

        from ..imports import IMPORT_MAX_BYTES

        upload = self.cleaned_data["file"]
        if upload.size > IMPORT_MAX_BYTES:
            raise forms.ValidationError(
                f"The selected file must be smaller than {IMPORT_MAX_BYTES // (1024 * 1024)}MB"
            )
        self.content: bytes = upload.read()
        if upload_sniff(self.content) not in ("text", "xlsx"):
            raise forms.ValidationError("The selected file must be a CSV or Excel file")
        return upload
