from __future__ import annotations

from typing import Any

from django import forms

from followthrough.actionplans.forms import ActionForm
from followthrough.core.forms import GovukFormMixin

from .models import EnquiryAnswer, Rating
from .selectors import ItemView


class StartForm(GovukFormMixin, forms.Form):
    organisation = forms.TypedChoiceField(
        coerce=int,
        label="Youth justice service",
        error_messages={
            "required": "Select the service the assessment is for",
            "invalid_choice": "Select the service the assessment is for",
        },
    )
    year = forms.IntegerField(
        label="Year",
        min_value=2000,
        max_value=2100,
        help_text="The year of the Youth Justice Plan it feeds, for example 2026",
        error_messages={
            "required": "Enter the year, for example 2026",
            "invalid": "Enter the year as four digits, for example 2026",
            "min_value": "Enter a year between 2000 and 2100",
            "max_value": "Enter a year between 2000 and 2100",
        },
    )
    recommendations = forms.TypedMultipleChoiceField(
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Recommendations in scope",
    )

    field_widths = {"year": "govuk-input--width-4"}

    def __init__(self, *args: Any, organisations: list, scope: list, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(o.pk, o.name) for o in organisations]
        self.fields["recommendations"].choices = [(r.pk, r.display_label) for r in scope]


class ItemForm(GovukFormMixin, forms.Form):
    """One recommendation: a radio group and comment per line of enquiry, a tick, link, file
    and note per evidence source, and the rating with its rationale."""

    rating = forms.ChoiceField(
        choices=Rating.choices,
        widget=forms.RadioSelect,
        required=False,
        label="Rating",
        help_text="On the inspectorate's four-point scale. Leave it until the answers are in",
    )
    rationale = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        label="Why this rating",
        help_text="What the answers and the evidence show",
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, view: ItemView, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.view = view
        self.fields["rating"].error_messages["invalid_choice"] = (
            "Select a rating from the four-point scale"
        )
        for line in view.lines:
            self.fields[f"answer_{line.index}"] = forms.ChoiceField(
                choices=EnquiryAnswer.Answer.choices,
                widget=forms.RadioSelect,
                required=False,
                label=line.question,
                error_messages={"invalid_choice": "Select yes, partly, no or not applicable"},
            )
            self.fields[f"comment_{line.index}"] = forms.CharField(
                widget=forms.Textarea(attrs={"rows": 2, "class": "govuk-textarea"}),
                required=False,
                label="Comment",
            )
        for source in view.sources:
            self.fields[f"held_{source.index}"] = forms.BooleanField(
                required=False, label="We hold this evidence"
            )
            self.fields[f"link_{source.index}"] = forms.CharField(
                max_length=500,
                required=False,
                label="Where it is",
                help_text="A link or a document reference",
                widget=forms.TextInput(attrs={"class": "govuk-input"}),
            )
            self.fields[f"file_{source.index}"] = forms.FileField(
                required=False,
                label="Or a file",
                help_text="Do not upload anything that names a child",
                widget=forms.ClearableFileInput(attrs={"class": "govuk-file-upload"}),
            )
            self.fields[f"note_{source.index}"] = forms.CharField(
                widget=forms.Textarea(attrs={"rows": 2, "class": "govuk-textarea"}),
                required=False,
                label="Note",
            )

        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"{name}-hint"

    def lines(self) -> list[tuple[Any, Any, Any]]:
        return [
            (line, self[f"answer_{line.index}"], self[f"comment_{line.index}"])
            for line in self.view.lines
        ]

    def sources(self) -> list[tuple[Any, ...]]:
        return [
            (
                source,
                self[f"held_{source.index}"],
                self[f"link_{source.index}"],
                self[f"file_{source.index}"],
                self[f"note_{source.index}"],
            )
            for source in self.view.sources
        ]


class ImprovementForm(ActionForm):
    owner_organisation = None  # always the service itself
    change_reason = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[
            "owner_text"
        ].help_text = "One named role, for example Head of Service or Partnership Manager"
