from __future__ import annotations

from typing import Any

from django import forms

from followthrough.core.forms import GovukFormMixin, date_field
from followthrough.organisations.models import Organisation

from .models import Action, Decision, Response, Review


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
    change_reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label="Why is the published plan changing?",
        help_text="The plan is published: your change becomes a new version, and readers see "
        "this reason beside it",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["decision"].error_messages["invalid_choice"] = self.fields[
            "decision"
        ].error_messages["required"]


class ActionForm(GovukFormMixin, forms.Form):
    description = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label="What will be done",
        help_text="Name the output: what will be published, set up or changed",
        error_messages={"required": "Enter what will be done"},
    )
    owner_text = forms.CharField(
        label="Responsible owner",
        max_length=500,
        help_text="One named role, for example Head of Youth Custody Policy",
        error_messages={"required": "Enter who owns this action"},
    )
    owner_organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.order_by("name"),
        required=False,
        label="Owner's organisation",
        empty_label="The responding organisation",
    )
    target_text = forms.CharField(
        label="Target date",
        max_length=1000,
        required=False,
        help_text="For example March 2027, 31 March 2027, Q3 2026, 2026/27, or Ongoing, "
        "review October 2026",
    )
    measure = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label="How we will know it is done",
        help_text="The evidence or measure that shows the action is complete",
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    change_reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label="Why is the published plan changing?",
        help_text="The plan is published: your change becomes a new version, and readers see "
        "this reason beside it",
    )

    field_widths = {
        "owner_text": "govuk-!-width-two-thirds",
        "target_text": "govuk-!-width-one-half",
    }


class ProgressForm(GovukFormMixin, forms.Form):
    on = date_field("Date of the update")
    new_status = forms.ChoiceField(
        label="Status now",
        required=False,
        choices=[("", "No change"), *Action.Status.choices],
    )
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), required=False, label="What has happened"
    )
    evidence = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        label="Evidence",
        help_text="A link or reference to what shows it; needed to mark the action completed",
    )
    evidence_file = forms.FileField(
        required=False,
        label="Evidence file (optional)",
        help_text="A PDF, Word, Excel, image or text file, up to 20MB. Do not upload anything "
        "that names a child",
    )

    field_widths = {"on": "govuk-input--width-10"}


class ReviewForm(GovukFormMixin, forms.Form):
    on = date_field("Date of the judgement")
    judgement = forms.ChoiceField(
        choices=Review.Judgement.choices,
        label="Judgement",
        error_messages={"required": "Select a judgement", "invalid_choice": "Select a judgement"},
    )
    evidence_grade = forms.ChoiceField(
        choices=Review.EvidenceGrade.choices,
        label="How the evidence was checked",
        error_messages={
            "required": "Select how the evidence was checked",
            "invalid_choice": "Select how the evidence was checked",
        },
    )
    commentary = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}), required=False, label="Commentary"
    )

    field_widths = {"on": "govuk-input--width-10"}


class TargetForm(GovukFormMixin, forms.Form):
    new_text = forms.CharField(
        label="New target date",
        max_length=1000,
        required=False,
        help_text="For example June 2027 or 2027/28. The current target stays until an approver "
        "agrees",
    )
    reason = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label="Why the target needs to move",
    )

    field_widths = {"new_text": "govuk-!-width-one-half"}


class StatusAsAtForm(GovukFormMixin, forms.Form):
    as_at = date_field(
        "Date of the last review",
        required=False,
        hint="Leave empty to track the plan again",
    )
    note = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label="Why the plan is no longer tracked",
        help_text="For example, superseded by the 2026 inspection's recommendations",
    )

    field_widths = {"as_at": "govuk-input--width-10"}
