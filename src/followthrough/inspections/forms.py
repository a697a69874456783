"""GOV.UK forms for reports and recommendations."""

from __future__ import annotations

from django import forms

from followthrough.core.forms import GovukFormMixin


class RecommendationTextForm(GovukFormMixin, forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 8}),
        label="Recommendation text",
        help_text="Type it as the published document prints it. The text as first read is kept "
        "in the recommendation's history",
        error_messages={"required": "Enter the text of the recommendation"},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
