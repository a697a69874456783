"""The case manager's forms: the case, a pathway, a meeting, a task, a contact, the release
day, an outcome check, constructive resettlement and closing. Each lists its `sections`
(heading, field names) in the order the page asks them, for cases/record_form.html."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q

from followthrough.core.forms import GovukFormMixin, date_field
from followthrough.organisations.models import Organisation

from ..models import (
    AGENCIES,
    FIVE_CS,
    FOLLOW_UP,
    PARTNER_KINDS,
    PERSONAL_SUPPORT,
    VIEWS,
    YES_NO_UNKNOWN,
    Case,
    Contact,
    Meeting,
    Outcome,
    Pathway,
)
from .caseload import CaseOpenForm
from .fields import _choice, _date, _radios, _text, _version, _yes_no


class RecordForm(GovukFormMixin, forms.Form):
    sections: list[tuple[str, str]] = []  # (heading, field names)

    def grouped(self) -> list[tuple[str, list[Any], bool]]:
        """The bound fields under their headings, for the page; a section of single checkboxes
        is one question (a fieldset with the heading as its legend)."""
        grouped = []
        for heading, names in self.sections:
            fields = [self[name] for name in names.split()]
            ticks = all(isinstance(f.field.widget, forms.CheckboxInput) for f in fields)
            grouped.append((heading, fields, ticks))
        return grouped


def _organisations(*kinds: str) -> Any:
    return Organisation.objects.filter(kind__in=kinds).order_by("name")


class CaseEditForm(RecordForm):
    """Everything a case records that a case manager keeps up to date; never a name, a date of
    birth, an address or a school."""

    home_local_authority = forms.ModelChoiceField(
        queryset=_organisations(Organisation.Kind.LOCAL_AUTHORITY),
        required=False,
        label="Home local authority",
        empty_label="Not recorded",
    )
    age_at_sentence = CaseOpenForm.base_fields["age_at_sentence"]
    turns_18 = date_field(
        "Month the child turns 18",
        required=False,
        help_text="Its first day, for example 1 May 2027",
    )
    sex = _choice("Sex", Case.Sex.choices)
    ethnicity = _choice("Ethnic group", Case.Ethnicity.choices)
    care_status = _choice("Care status", Case.CareStatus.choices)
    cin_cp_history = _choice("Child in need or child protection history", YES_NO_UNKNOWN)
    send = _choice("Special educational needs", Case.Send.choices)
    sentence_type = _choice("Sentence", Case.Sentence.choices)
    sentence_months = forms.IntegerField(
        label="Length of the sentence, in months",
        required=False,
        min_value=1,
        max_value=600,
        error_messages={"invalid": "Enter the length as a whole number of months, like 12"},
    )
    sentence_date = _date("Sentence date")
    earliest_release = _date("Earliest release date", required=False)
    order_end = _date("End of the order", required=False)
    establishment = forms.ModelChoiceField(
        queryset=_organisations(Organisation.Kind.CUSTODIAL_ESTABLISHMENT),
        required=False,
        label="Establishment",
        empty_label="Not recorded",
    )
    establishment_type = forms.ChoiceField(
        label="Kind of establishment",
        required=False,
        choices=[("", "Not recorded"), *Case.Establishment.choices],
    )
    distance = _choice("Distance from home", Case.Distance.choices)
    accommodation_confirmed_on = _date(
        "Date accommodation was confirmed", required=False, help_text="Leave empty until it is"
    )
    rotl_considered_on = _date("Date release on temporary licence was considered", required=False)
    rotl_applied = _yes_no("Temporary licence applied for")
    rotl_used = _yes_no("Temporary licence used")
    rotl_purpose = forms.CharField(
        label="What the temporary licence was for",
        required=False,
        max_length=200,
        help_text="For example to visit a college or meet a landlord. Do not name places.",
    )
    transition = forms.ChoiceField(label="At 18", required=False, choices=Case.Transition.choices)
    transition_child_view = _text("The child's view of moving to adult services")
    handover_date = _date("Date of handover to probation", required=False)
    version = _version()

    sections = [
        (
            "About the child",
            "home_local_authority age_at_sentence turns_18 sex ethnicity care_status "
            "cin_cp_history send",
        ),
        (
            "Sentence",
            "sentence_type sentence_months sentence_date earliest_release "
            "order_end establishment establishment_type distance",
        ),
        (
            "Planning for release",
            "accommodation_confirmed_on rotl_considered_on rotl_applied rotl_used rotl_purpose",
        ),
        ("Moving to adult services", "transition transition_child_view handover_date"),
    ]
    field_widths = {
        "age_at_sentence": "govuk-input--width-3",
        "sentence_months": "govuk-input--width-3",
    }


class PathwayForm(RecordForm):
    need = _radios(
        "Is there a need in this pathway?",
        YES_NO_UNKNOWN,
        error="Select whether there is a need in this pathway",
    )
    custody_plan = _text("Plan while in custody")
    release_plan = _text("Plan for release")
    in_place_at_release = _text("What was in place on the day of release")
    suitable_at_release = _yes_no("Was it suitable?")
    screened = _yes_no("Was the need screened or assessed?")
    offered = _yes_no("Was support offered for after release?")
    attending = _yes_no("Was the child attending it by release?")
    learning_plan = _yes_no("Is there a learning plan for the child's special educational needs?")
    at_3_months = forms.ChoiceField(label="Three months after release", choices=FOLLOW_UP)
    at_6_months = forms.ChoiceField(label="Six months after release", choices=FOLLOW_UP)
    practitioner_view = forms.ChoiceField(
        label="Your view", required=False, choices=[("", "Not recorded"), *VIEWS]
    )
    child_view = forms.ChoiceField(
        label="The child's view", required=False, choices=[("", "Not recorded"), *VIEWS]
    )
    child_words = _text(
        "The child's view in their own words", help_text="As the child put it, without names."
    )
    version = _version()

    sections = [
        ("Need and plans", "need custody_plan release_plan"),
        ("At release", "in_place_at_release suitable_at_release"),
        ("Support for the need", "screened offered attending learning_plan"),
        ("After release", "at_3_months at_6_months"),
        ("Views", "practitioner_view child_view child_words"),
    ]


class MeetingForm(RecordForm):
    kind = _radios(
        "What kind of meeting was it?", Meeting.Kind.choices, error="Select the kind of meeting"
    )
    held_on = _date("Date of the meeting")
    attended_by = forms.MultipleChoiceField(
        label="Who attended?",
        choices=AGENCIES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Select all that apply",
    )
    parents_present = _yes_no("Were parents or carers present?")
    child_prepared = _yes_no("Was the child helped to prepare?")
    child_participated = _yes_no("Did the child take part?")
    notes = _text("Decisions and notes", help_text="Decisions that need doing become tasks next.")

    sections = [
        ("The meeting", "kind held_on attended_by"),
        ("The child and family", "parents_present child_prepared child_participated"),
        ("Decisions", "notes"),
    ]


class TaskAddForm(RecordForm):
    description = forms.CharField(
        label="What needs doing",
        max_length=300,
        help_text="For example: confirm a supported housing place. Do not name the child.",
        error_messages={"required": "Enter what needs doing"},
    )
    pathway = forms.ModelChoiceField(
        queryset=Pathway.objects.filter(active=True),
        required=False,
        label="Pathway",
        empty_label="No particular pathway",
    )
    owner = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),  # the service and its partners: see __init__
        label="Agency that owns it",
        empty_label="Select",
        error_messages={"required": "Select the agency that owns the task"},
    )
    due_anchor = _radios(
        "When is it due?",
        [
            ("date", "On a date"),
            ("sentence", "A number of days after sentence"),
            ("earliest_release", "A number of days before the earliest release date"),
            ("release", "A number of days after release"),
        ],
        error="Select when the task is due",
    )
    due_on = _date("Due date", required=False, help_text="If due on a date")
    due_days = forms.IntegerField(
        label="Number of days",
        required=False,
        min_value=0,
        max_value=730,
        help_text="If due a number of days before or after",
        error_messages={"invalid": "Enter the number of days as a whole number, like 14"},
    )

    sections = [
        ("The task", "description pathway owner"),
        ("When it is due", "due_anchor due_on due_days"),
    ]
    field_widths = {"due_days": "govuk-input--width-4"}

    def __init__(self, *args: Any, service: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owner = self.fields["owner"]
        assert isinstance(owner, forms.ModelChoiceField)
        owner.queryset = Organisation.objects.filter(
            Q(pk=service.pk) | Q(kind__in=PARTNER_KINDS)
        ).order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        anchor = data.get("due_anchor")
        if anchor == "date" and not data.get("due_on") and "due_on" not in self.errors:
            self.add_error("due_on", "Enter the date the task is due")
        missing_days = anchor and anchor != "date" and data.get("due_days") is None
        if missing_days and "due_days" not in self.errors:
            self.add_error("due_days", "Enter the number of days")
        return data


class ContactForm(RecordForm):
    on = _date("Date of the contact")
    kind = _radios(
        "What kind of contact?", Contact.Kind.choices, error="Select the kind of contact"
    )
    agency = _choice("With which agency", AGENCIES)
    note = forms.CharField(
        label="Note", required=False, max_length=300, help_text="Do not name the child."
    )

    sections = [("The contact", "on kind agency note")]


class ReleaseForm(RecordForm):
    released_on = _date("Release date")
    released_time = forms.TimeField(
        label="Time of release",
        input_formats=["%H:%M", "%H.%M", "%I:%M%p", "%I%p"],
        help_text="For example 10:30 or 2pm",
        error_messages={
            "required": "Enter the time of release",
            "invalid": "Enter the time of release like 10:30 or 2pm",
        },
    )
    met_by = forms.ChoiceField(
        label="Who met the child at the gate?",
        required=False,
        choices=[("", "Nobody"), *AGENCIES],
    )
    same_day_contact = forms.BooleanField(
        label="The service saw the child that day", required=False
    )
    accommodation_confirmed = forms.BooleanField(
        label="Accommodation was confirmed", required=False
    )
    benefit_claim_started = forms.BooleanField(label="A benefit claim was started", required=False)
    first_appointments_made = forms.BooleanField(
        label="First appointments were made", required=False
    )
    version = _version()

    day_fields = (
        "met_by",
        "same_day_contact",
        "accommodation_confirmed",
        "benefit_claim_started",
        "first_appointments_made",
    )
    sections = [
        ("Release", "released_on released_time met_by"),
        (
            "On the day",
            "same_day_contact accommodation_confirmed benefit_claim_started "
            "first_appointments_made",
        ),
    ]
    field_widths = {"released_time": "govuk-input--width-5"}


class OutcomeForm(RecordForm):
    recorded_on = _date("Date of the check")
    lost_to_follow_up = forms.BooleanField(
        label="Lost to follow-up: the service no longer knows", required=False
    )
    arrested = _yes_no("Arrested since release")
    charged = _yes_no("Charged")
    convicted = _yes_no("Convicted")
    recalled = _yes_no("Recalled to custody")
    accommodation_maintained = _yes_no("Still in suitable accommodation")
    ete_maintained = _yes_no("Still in education, training or employment")
    engaged = _yes_no("Engaging with the service")
    compliance = forms.ChoiceField(
        label="Compliance with the licence or order",
        required=False,
        choices=[("", "Not recorded"), *Outcome.Compliance.choices],
    )
    risk_managed = _yes_no("Risk of harm managed")

    version = _version(required=False)

    sections = [
        ("The check", "recorded_on lost_to_follow_up"),
        ("Offending", "arrested charged convicted recalled"),
        ("Living and learning", "accommodation_maintained ete_maintained"),
        ("The order", "engaged compliance risk_managed"),
    ]


class SupportForm(RecordForm):
    """Constructive resettlement: the four questions with the child, and the 5Cs check."""

    version = _version()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for code, question in PERSONAL_SUPPORT.items():
            self.fields[f"q_{code}"] = _text(question)
        for code, check in FIVE_CS.items():
            self.fields[f"c_{code}"] = forms.ChoiceField(
                label=check,
                required=False,
                choices=[
                    ("", "Not checked"),
                    ("met", "Met"),
                    ("partly", "Partly met"),
                    ("not_met", "Not met"),
                ],
            )
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs.setdefault("class", "govuk-textarea")
            elif isinstance(field.widget, forms.Select):
                field.widget.attrs.setdefault("class", "govuk-select")
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{name}-hint"
        self.sections = [
            ("Personal support, with the child", " ".join(f"q_{c}" for c in PERSONAL_SUPPORT)),
            ("The plan against the 5Cs", " ".join(f"c_{c}" for c in FIVE_CS)),
        ]


class CloseForm(RecordForm):
    closed_on = _date("Date the case closed")
    reason = forms.CharField(
        label="Why is the case closing?",
        max_length=200,
        help_text="For example: order ended, transferred to probation",
        error_messages={"required": "Enter why the case is closing"},
    )
    version = _version()

    sections = [("Closing", "closed_on reason")]
