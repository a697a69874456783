"""GOV.UK forms for personal API tokens on the account page."""

from __future__ import annotations

from django import forms

from followthrough.core.forms import GovukFormMixin

from .models import ApiToken
from .services import LIFETIMES


class TokenForm(GovukFormMixin, forms.Form):
    name = forms.CharField(
        label="Token name",
        max_length=100,
        help_text="Say what will use it, for example the name of your tracker.",
        error_messages={"required": "Enter a token name"},
    )
    scope = forms.ChoiceField(
        label="What the token can do",
        choices=ApiToken.Scope.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the token can do"},
    )
    days = forms.TypedChoiceField(
        label="Expires after",
        coerce=int,
        choices=[(d, f"{d} days") for d in LIFETIMES],
        widget=forms.RadioSelect,
        error_messages={"required": "Select when the token expires"},
    )
