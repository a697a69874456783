"""Forms of criteria sets (creating one, a draft's details, sections and criteria, its
spreadsheet) and of the rating rules. Each form that changes a draft carries the set's
row_version as `version`, so a change made meanwhile is refused."""

from __future__ import annotations

from typing import Any

from django import forms

from followthrough.core.forms import GovukFormMixin

from ..casefacts import FACT_CHOICES
from ..imports import categories_as_text, categories_from_text
from ..models import CriteriaSet, Criterion
from ..ratings import LABELS, ORDER
from ..selectors.sets import (
    inspectorates,
    parent_choices,
    report_recommendations,
    reports_with_recommendations,
    sections_of,
)
from ..services.criteria import CRITERION_FIELDS

YES_NO = [("yes", "Yes"), ("no", "No")]


def _yes_no(label: str, hint: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=hint,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": f"Select yes if {label[0].lower()}{label[1:].rstrip('?')}"},
    )


class VersionForm(forms.Form):
    """A button that changes a set: publish, remove."""

    version = forms.IntegerField(widget=forms.HiddenInput)


class CriteriaSetNewForm(GovukFormMixin, forms.Form):
    name = forms.CharField(
        label="Name of the criteria set",
        max_length=200,
        help_text="For example, Resettlement case audit criteria 2026",
        error_messages={"required": "Enter a name for the criteria set"},
    )
    description = forms.CharField(
        label="Description (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the set is for and where its criteria come from",
    )
    owner = forms.ModelChoiceField(
        label="Owned by",
        queryset=CriteriaSet.objects.none(),
        empty_label=None,
        help_text="Its administrators change the set, make new versions and publish them",
        error_messages={"required": "Select who owns the set"},
    )

    def __init__(self, *args: Any, owners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners


class CriteriaSetEditForm(GovukFormMixin, forms.Form):
    name = CriteriaSetNewForm.base_fields["name"]
    description = CriteriaSetNewForm.base_fields["description"]
    report = forms.ModelChoiceField(
        label="Inspection report whose recommendations it evidences (optional)",
        queryset=reports_with_recommendations(),
        required=False,
        empty_label="None",
        help_text="Its criteria can then be linked to that report's recommendations",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class SectionForm(GovukFormMixin, forms.Form):
    title = forms.CharField(
        label="Title of the section",
        max_length=200,
        help_text="For example, Planning for resettlement",
        error_messages={"required": "Enter the section's title"},
    )
    rated = _yes_no(
        "Is the section rated as a key question?",
        "Outcomes sections usually are not: they are reported but not rated",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class CriterionForm(GovukFormMixin, forms.Form):
    """Every field of a criterion; its parent among the set's other criteria, its categories one
    a line, and its recommendations among those of the set's inspection report."""

    section = forms.ModelChoiceField(
        label="Section",
        queryset=CriteriaSet.objects.none(),
        empty_label=None,
        error_messages={"required": "Select the section"},
    )
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="Different for every criterion of the set, like 1.12",
        error_messages={"required": "Enter the criterion's code, like 1.12"},
    )
    lead_in = forms.CharField(
        label="Lead-in (optional)",
        max_length=500,
        required=False,
        help_text="Words shared by a group of criteria, like: The assessment used all relevant "
        "sources of information:",
    )
    statement = forms.CharField(
        label="Statement",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="What the auditor answers of each case",
        error_messages={"required": "Enter the statement the auditor answers"},
    )
    guidance = forms.CharField(
        label="Guidance for the auditor (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    phase = forms.ChoiceField(
        label="Phase",
        choices=Criterion.Phase.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the phase"},
    )
    where_appropriate = _yes_no("Does it apply only where appropriate?")
    parent = forms.ModelChoiceField(
        label="Asked only after an answer to (optional)",
        queryset=Criterion.objects.none(),
        required=False,
        empty_label="Always asked",
        help_text="An earlier criterion whose answer decides whether this one is asked",
    )
    parent_answer = forms.CharField(
        label="The answer after which it is asked",
        max_length=100,
        required=False,
        help_text="For example, No; or one of the earlier criterion's categories",
    )
    answer_type = forms.ChoiceField(
        label="Answer",
        choices=Criterion.AnswerType.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the criterion is answered"},
    )
    categories = forms.CharField(
        label="Categories, for a list of categories",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One on each line, as 'code: label' or just the label, like: Completely",
    )
    inspectorate = forms.ModelChoiceField(
        label="Inspectorate that owns it (optional)",
        queryset=inspectorates(),
        required=False,
        empty_label="Not given",
        help_text="Where a joint inspection splits the work",
    )
    is_key = _yes_no(
        "Is it the section's key criterion?",
        "The overall judgement that rates the section's key question; at most one a section",
    )
    case_fact = forms.ChoiceField(
        label="Fact the case record offers (optional)",
        choices=FACT_CHOICES,
        required=False,
    )
    national_percent = forms.IntegerField(
        label="National % yes (optional)",
        required=False,
        min_value=0,
        max_value=100,
        error_messages={
            "invalid": "Enter the national % as a whole number, like 65",
            "min_value": "The national % must be 0 or more",
            "max_value": "The national % must be 100 or less",
        },
    )
    national_values = forms.CharField(
        label="National % of each category (optional)",
        required=False,
        max_length=1000,
        help_text="As 'code: %' separated by semicolons, like: completely: 26; partially: 67",
    )
    national_n = forms.IntegerField(
        label="National n (optional)",
        required=False,
        min_value=0,
        help_text="How many cases the national figure was read from",
        error_messages={
            "invalid": "Enter the number of cases as a whole number, like 31",
            "min_value": "The number of cases must be 0 or more",
        },
    )
    recommendations = forms.ModelMultipleChoiceField(
        label="Recommendations it evidences (optional)",
        queryset=CriteriaSet.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    field_widths = {
        "code": "govuk-input--width-5",
        "national_percent": "govuk-input--width-3",
        "national_n": "govuk-input--width-4",
    }

    def __init__(
        self, *args: Any, criteria_set: CriteriaSet, criterion: int | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = sections_of(criteria_set)
        self.fields["parent"].queryset = parent_choices(criteria_set, excluding=criterion)
        self.fields["parent"].label_from_instance = lambda c: f"{c.code} {c.text}"[:120]
        chosen = report_recommendations(criteria_set.report)
        self.fields["recommendations"].queryset = chosen
        self.fields["recommendations"].label_from_instance = lambda r: (
            f"{r.display_label}: {r.text[:140]}"
        )

    def clean_categories(self) -> list[list[str]]:
        return categories_from_text(self.cleaned_data.get("categories", ""))

    def clean_national_values(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for part in filter(
            None, (p.strip() for p in self.cleaned_data["national_values"].split(";"))
        ):
            code, _, value = part.partition(":")
            if not value.strip().isdigit() or int(value) > 100:
                raise forms.ValidationError(
                    "Enter each category's national % as 'code: %', like completely: 26"
                )
            found[code.strip()] = int(value)
        return found

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        parent = data.get("parent")
        answer = (data.get("parent_answer") or "").strip()
        if parent is not None:
            if not answer:
                self.add_error(
                    "parent_answer", f"Enter the answer to {parent.code} after which it is asked"
                )
            else:
                matched = [
                    c
                    for c, label in parent.choices
                    if answer.casefold() in (c.casefold(), label.casefold())
                ]
                data["parent_answer"] = matched[0] if matched else answer
        return data

    @staticmethod
    def initial_for(criterion: Criterion) -> dict[str, Any]:
        initial = {name: getattr(criterion, name) for name in CRITERION_FIELDS}
        initial["where_appropriate"] = "yes" if criterion.where_appropriate else "no"
        initial["is_key"] = "yes" if criterion.is_key else "no"
        initial["categories"] = categories_as_text(criterion.categories)
        initial["national_values"] = "; ".join(
            f"{code}: {value}" for code, value in criterion.national_values.items()
        )
        initial["section"] = criterion.section_id
        initial["parent"] = criterion.parent_id
        initial["inspectorate"] = criterion.inspectorate_id
        initial["recommendations"] = [r.pk for r in criterion.recommendations.all()]
        if criterion.parent is not None:
            initial["parent_answer"] = dict(criterion.parent.choices).get(
                criterion.parent_answer, criterion.parent_answer
            )
        return initial

    @staticmethod
    def values(cleaned: dict[str, Any]) -> dict[str, Any]:
        """What the services take, from a valid form's cleaned data."""
        data = dict(cleaned)
        data["row_version"] = data.pop("version", None)
        data["case_fact"] = data.get("case_fact") or ""
        data["recommendations"] = list(data.get("recommendations") or [])
        return data


class CriteriaImportForm(GovukFormMixin, forms.Form):
    file = forms.FileField(
        label="Workbook of criteria",
        help_text="An Excel workbook (.xlsx) in the layout of the download, smaller than 2MB",
        error_messages={"required": "Select a file", "empty": "The selected file is empty"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def clean_file(self):  # type: ignore[no-untyped-def]
        from followthrough.core.uploads import upload_sniff

        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError("The selected file must be smaller than 2MB")
        self.content: bytes = upload.read()
        if upload_sniff(self.content) != "xlsx":
            raise forms.ValidationError("The selected file must be an Excel workbook (.xlsx)")
        return upload


def _lowest(rating: str) -> forms.IntegerField:
    label = LABELS[rating]
    return forms.IntegerField(
        label=f"{label}: lowest %",
        min_value=0,
        max_value=100,
        error_messages={
            "required": f"Enter the lowest percentage rated {label.lower()}",
            "invalid": f"Enter the lowest percentage rated {label.lower()} as a whole number",
            "min_value": "Each lowest percentage must be 0 or more",
            "max_value": "Each lowest percentage must be 100 or less",
        },
    )


class RatingRulesForm(GovukFormMixin, forms.Form):
    outstanding = _lowest("outstanding")
    good = _lowest("good")
    requires_improvement = _lowest("requires_improvement")
    inadequate = _lowest("inadequate")
    note = forms.CharField(
        label="Why are the rules changing?",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown beside the new version, and to anyone reading a rating made by it",
        error_messages={"required": "Say why the rules are changing"},
    )
    based_on = forms.IntegerField(widget=forms.HiddenInput)

    field_widths = {rating: "govuk-input--width-3" for rating in ORDER}

    def bands(self) -> list[dict[str, Any]]:
        return [{"rating": r, "min": self.cleaned_data[r]} for r in ORDER]
