"""The GOV.UK form that registers a webhook endpoint."""

from __future__ import annotations

from django import forms

from followthrough.core.forms import GovukFormMixin

from .models import WebhookEndpoint


class EndpointForm(GovukFormMixin, forms.Form):
    url = forms.CharField(
        label="Receiver address",
        help_text="An HTTPS address, like https://example.com/followthrough-events",
        max_length=500,
        error_messages={"required": "Enter the receiver address"},
    )
    events = forms.MultipleChoiceField(
        label="Which events should be sent?",
        help_text="Select all that apply",
        choices=WebhookEndpoint.Event.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select at least one event",
            "invalid_choice": "Select events from the list",
        },
    )
    field_widths = {"url": "govuk-!-width-two-thirds"}
